package io.spikeline.runtime.bench;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.SnnOptions;
import io.spikeline.operators.snn.SpikingNetworkFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * The SNN stage the scenarios share: {@link SpikingNetworkFunction} per source key with default options. The
 * benchmark decodes without feedback (an empty feedback stream): it measures the path from sensor to decoding.
 */
final class SpikingDecoder {
    private SpikingDecoder() {}

    static DataStream<Decoding> decode(DataStream<SpikeBatch> spikes, SerializableSupplier<NetworkSpec> spec) {
        // An empty collection source fails in this Flink version; a stream that drops every batch is empty too.
        DataStream<Feedback> noFeedback = spikes.flatMap((SpikeBatch batch, Collector<Feedback> none) -> { })
                .returns(RecordTypes.FEEDBACK).name("no feedback");
        return spikes.keyBy(SpikeBatch::sourceKey, Types.STRING)
                .connect(noFeedback.keyBy(Feedback::sourceKey, Types.STRING))
                .process(new SpikingNetworkFunction(spec, SnnOptions.defaults()), RecordTypes.DECODING)
                .name("snn decoder");
    }
}
