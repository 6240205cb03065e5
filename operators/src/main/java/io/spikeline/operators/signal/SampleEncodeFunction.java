package io.spikeline.operators.signal;

import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.state.SnapshotStateSerializer;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Encodes {@link SampleFrame}s into {@link SpikeBatch}es per key with the encoder of an {@link EncoderSpec};
 * one output batch per input frame, one bin per sample. See the package documentation for its guarantees.
 */
public final class SampleEncodeFunction extends KeyedProcessFunction<String, SampleFrame, SpikeBatch> {
    private static final long serialVersionUID = 1L;

    private final EncoderSpec spec;
    private transient ModelState.Factory<SampleEncoder> factory;
    private transient ValueState<ModelState<SampleEncoder>> state;
    private transient Counter records;
    private transient Counter channelSamples;
    private transient Counter spikes;

    public SampleEncodeFunction(EncoderSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public void open(OpenContext openContext) {
        EncoderSpec encoder = spec;
        ModelState.Factory<SampleEncoder> encoders = (channels, unused, key) -> encoder.create(channels, key);
        factory = encoders;
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<ModelState<SampleEncoder>> type = (Class) ModelState.class;
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("sample-encoder",
                new SnapshotStateSerializer<>(type, () -> new ModelState<>(encoders))));
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        records = metrics.counter("records");
        channelSamples = metrics.counter("channelSamples");
        spikes = metrics.counter("spikes");
    }

    @Override
    public void processElement(SampleFrame frame, Context ctx, Collector<SpikeBatch> out) throws Exception {
        records.inc();
        ModelState<SampleEncoder> key = state.value();
        if (key == null || !key.fits(frame.channelCount(), 0)) {
            if (key == null) {
                key = new ModelState<>(factory);
            }
            key.start(frame.channelCount(), 0, frame.sourceKey());
        }
        SpikeBatch batch = key.model().encode(frame);
        state.update(key);
        channelSamples.inc((long) frame.channelCount() * frame.sampleCount());
        spikes.inc(batch.spikeCount());
        out.collect(batch);
    }
}
