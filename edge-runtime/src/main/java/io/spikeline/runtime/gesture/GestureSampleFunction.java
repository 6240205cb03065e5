package io.spikeline.runtime.gesture;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.state.SnapshotStateSerializer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * A {@link GestureSampler} per key in keyed state: takes finely binned spikes (left) and gesture labels (right),
 * emits the gesture samples' bins (left) and the labels stamped onto their samples (right), the input of
 * {@link ControlledSpikingNetworkFunction}. Labels still held when the input ends (the final watermark) are aligned
 * with the onsets seen. Counters: {@code gestureSamples}, {@code alignedLabels}, {@code unalignedLabels}.
 */
final class GestureSampleFunction
        extends KeyedProcessFunction<String, Either<SpikeBatch, Feedback>, Either<SpikeBatch, Feedback>> {
    private static final long serialVersionUID = 1L;

    private final SamplerParams params;
    private transient ValueState<GestureSampler> state;
    private transient Counter samples;
    private transient Counter aligned;
    private transient Counter unaligned;

    GestureSampleFunction(SamplerParams params) {
        this.params = params;
    }

    @Override
    public void open(OpenContext openContext) {
        SamplerParams p = params;
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("gesture-sampler",
                new SnapshotStateSerializer<>(GestureSampler.class, () -> new GestureSampler(p))));
        samples = getRuntimeContext().getMetricGroup().counter("gestureSamples");
        aligned = getRuntimeContext().getMetricGroup().counter("alignedLabels");
        unaligned = getRuntimeContext().getMetricGroup().counter("unalignedLabels");
    }

    @Override
    public void processElement(Either<SpikeBatch, Feedback> input, Context ctx,
                               Collector<Either<SpikeBatch, Feedback>> out) throws Exception {
        GestureSampler sampler = state.value();
        if (sampler == null) {
            sampler = new GestureSampler(params);
        }
        long samplesBefore = sampler.samples();
        long alignedBefore = sampler.alignedLabels();
        long unalignedBefore = sampler.unalignedLabels();
        if (input.isLeft()) {
            sampler.accept(input.left(), s -> out.collect(Either.Left(s)), l -> out.collect(Either.Right(l)));
        } else {
            sampler.label(input.right(), l -> out.collect(Either.Right(l)));
        }
        if (sampler.heldLabels() > 0) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        count(sampler, samplesBefore, alignedBefore, unalignedBefore);
        state.update(sampler);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        GestureSampler sampler = state.value();
        long alignedBefore = sampler.alignedLabels();
        long unalignedBefore = sampler.unalignedLabels();
        sampler.flush(l -> out.collect(Either.Right(l)));
        count(sampler, sampler.samples(), alignedBefore, unalignedBefore);
        state.update(sampler);
    }

    private void count(GestureSampler sampler, long samplesBefore, long alignedBefore, long unalignedBefore) {
        samples.inc(sampler.samples() - samplesBefore);
        aligned.inc(sampler.alignedLabels() - alignedBefore);
        unaligned.inc(sampler.unalignedLabels() - unalignedBefore);
    }
}
