package io.spikeline.operators.signal;

import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.sideoutput.NonFinitePolicy;
import io.spikeline.operators.state.SnapshotStateSerializer;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Encodes {@link SampleFrame}s into {@link SpikeBatch}es per key with the encoder of an {@link EncoderSpec};
 * one output batch per input frame, one bin per sample. Frames are screened first as by the filter operator (late
 * frames, gaps, NaN/infinite samples by a {@link NonFinitePolicy}, side outputs in {@link SignalOutputs}). See the
 * package documentation for its guarantees.
 */
public final class SampleEncodeFunction extends KeyedProcessFunction<String, SampleFrame, SpikeBatch> {
    private static final long serialVersionUID = 1L;

    private final EncoderSpec spec;
    private final NonFinitePolicy nonFinitePolicy;
    private transient ModelState.Factory<SampleEncoder> factory;
    private transient ValueState<ModelState<SampleEncoder>> state;
    private transient ValueState<EncoderStreamState> streams;
    private transient FrameScreen screen;
    private transient Counter records;
    private transient Counter channelSamples;
    private transient Counter spikes;
    private transient Counter outputChannelBins;

    /** Frames with NaN or infinite samples are dropped ({@link NonFinitePolicy#DROP_FRAME}), as by the filter. */
    public SampleEncodeFunction(EncoderSpec spec) {
        this(spec, NonFinitePolicy.DROP_FRAME);
    }

    public SampleEncodeFunction(EncoderSpec spec, NonFinitePolicy nonFinitePolicy) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.nonFinitePolicy = Objects.requireNonNull(nonFinitePolicy, "nonFinitePolicy");
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
        streams = getRuntimeContext().getState(new ValueStateDescriptor<>("sample-encoder-stream",
                new SnapshotStateSerializer<>(EncoderStreamState.class, EncoderStreamState::new)));
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        records = metrics.counter("records");
        channelSamples = metrics.counter("channelSamples");
        spikes = metrics.counter("spikes");
        outputChannelBins = metrics.counter("outputChannelBins");
        metrics.gauge("sparsity", (Gauge<Double>) this::sparsity);
        screen = new FrameScreen(nonFinitePolicy, metrics);
    }

    @Override
    public void processElement(SampleFrame frame, Context ctx, Collector<SpikeBatch> out) throws Exception {
        records.inc();
        if (screen.behindWatermark(frame, ctx)) {
            return;
        }
        EncoderStreamState stream = streams.value();
        boolean fresh = stream == null;
        if (fresh) {
            stream = new EncoderStreamState();
        }
        float[] data = screen.screen(frame, stream, fresh, ctx);
        if (data == null) {
            streams.update(stream);
            return;
        }
        ModelState<SampleEncoder> key = state.value();
        boolean restart = stream.takeRestart() && spec.restartsAfterBreak();
        if (key == null || restart || !key.fits(frame.channelCount(), 0)) {
            if (key == null) {
                key = new ModelState<>(factory);
            }
            key.start(frame.channelCount(), 0, frame.sourceKey());
        }
        SpikeBatch batch = key.model().encode(data == frame.data() ? frame : new SampleFrame(frame.sourceKey(),
                frame.sequence(), frame.firstSampleTimeUs(), frame.sampleRateHz(), frame.channelCount(),
                frame.sampleCount(), data));
        screen.processed(stream, frame, data);
        state.update(key);
        streams.update(stream);
        channelSamples.inc((long) frame.channelCount() * frame.sampleCount());
        spikes.inc(batch.spikeCount());
        outputChannelBins.inc((long) batch.channelCount() * batch.binCount());
        out.collect(batch);
    }

    /** {@code 1 − spikes / output channel-bins} of the batches emitted: the silent fraction; NaN before any. */
    private double sparsity() {
        long bins = outputChannelBins.getCount();
        return bins == 0 ? Double.NaN : 1.0 - (double) spikes.getCount() / bins;
    }
}
