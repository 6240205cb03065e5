package io.spikeline.runtime.packets;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.record.Decoding;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Pairs each packet's decode with what the job remembers of the packet, keyed by the packet's index (a decode's by
 * its window start over the window length), in whichever order the two arrive; emits the packet's verdict without
 * its flow's vote, and forgets both.
 */
final class VerdictJoinFunction extends KeyedCoProcessFunction<Long, Decoding, PacketMeta, PacketVerdict> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Decoding> decoding;
    private transient ValueState<PacketMeta> meta;

    @Override
    public void open(OpenContext openContext) {
        decoding = getRuntimeContext().getState(new ValueStateDescriptor<>("packet-decoding", RecordTypes.DECODING));
        meta = getRuntimeContext().getState(new ValueStateDescriptor<>("packet-meta",
                TypeInformation.of(PacketMeta.class)));
    }

    @Override
    public void processElement1(Decoding d, Context ctx, Collector<PacketVerdict> out) throws Exception {
        PacketMeta m = meta.value();
        if (m == null) {
            decoding.update(d);
        } else {
            meta.clear();
            out.collect(verdict(d, m));
        }
    }

    @Override
    public void processElement2(PacketMeta m, Context ctx, Collector<PacketVerdict> out) throws Exception {
        Decoding d = decoding.value();
        if (d == null) {
            meta.update(m);
        } else {
            decoding.clear();
            out.collect(verdict(d, m));
        }
    }

    private static PacketVerdict verdict(Decoding d, PacketMeta m) {
        if (!d.hasClass()) {
            throw new IllegalStateException("the decoding of packet " + m.index() + " has no class");
        }
        return new PacketVerdict(m.index(), m.captureTimeUs(), m.flow(), m.truth(), d.classId(), d.confidence(),
                d.output(), d.latencyUs(), m.encodeWallTimeUs(), -1, Float.NaN, 0, 0);
    }
}
