package io.spikeline.operators.signal;

import io.spikeline.models.record.SampleFrame;
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
 * Bessel filtering of {@link SampleFrame}s per key (the source key), by a {@link FilterSpec} designed at each
 * key's own sample rate. See the package documentation for what it guarantees; the side outputs are in
 * {@link SignalOutputs}.
 */
public final class BesselFilterFunction extends KeyedProcessFunction<String, SampleFrame, SampleFrame> {
    private static final long serialVersionUID = 1L;

    private final FilterSpec spec;
    private transient FilterDesigns designs;
    private transient ValueState<FilterKeyState> state;
    private transient Counter records;
    private transient Counter channelSamples;
    private transient Counter unsupportedRate;
    private transient FrameScreen screen;

    public BesselFilterFunction(FilterSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public FilterSpec spec() {
        return spec;
    }

    /**
     * The group delay this operator's design has at {@code sampleRateHz} (seconds, measured as described in
     * the package documentation); 0 for block-bidirectional output, whose phase the backward pass cancels.
     */
    public static double groupDelaySeconds(FilterSpec spec, double sampleRateHz) {
        FilterDesigns.RateDesign design = FilterDesigns.RateDesign.of(spec, sampleRateHz);
        return spec.mode() == FilterMode.CAUSAL ? design.groupDelaySeconds() : 0;
    }

    /** The output latency in samples: 0 when causal, up to B − 1 held back (so B to complete) when block-wise. */
    public static int latencySamples(FilterSpec spec) {
        return spec.mode() == FilterMode.CAUSAL ? 0 : spec.blockSize();
    }

    @Override
    public void open(OpenContext openContext) {
        FilterDesigns shared = new FilterDesigns(spec);
        designs = shared;
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("bessel-filter",
                new SnapshotStateSerializer<>(FilterKeyState.class, () -> new FilterKeyState(shared))));
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        records = metrics.counter("records");
        channelSamples = metrics.counter("channelSamples");
        screen = new FrameScreen(spec.nonFinitePolicy(), metrics);
        unsupportedRate = metrics.counter("unsupportedRate");
    }

    @Override
    public void processElement(SampleFrame frame, Context ctx, Collector<SampleFrame> out) throws Exception {
        records.inc();
        if (screen.behindWatermark(frame, ctx)) {
            return;
        }
        FilterKeyState key = state.value();
        if ((key == null || !key.fits(frame)) && designs.rejection(frame.sampleRateHz()) != null) {
            unsupportedRate.inc();
            ctx.output(SignalOutputs.UNSUPPORTED_RATE, frame);
            return;
        }
        boolean fresh = key == null;
        if (fresh) {
            key = new FilterKeyState(designs);
        }
        float[] data = screen.screen(frame, key, fresh, ctx);
        if (data == null) {
            state.update(key);
            return;
        }
        SampleFrame filtered = key.filter(frame, data);
        screen.processed(key, frame, data);
        state.update(key);
        channelSamples.inc((long) frame.channelCount() * frame.sampleCount());
        if (filtered != null) {
            out.collect(filtered);
        }
    }
}
