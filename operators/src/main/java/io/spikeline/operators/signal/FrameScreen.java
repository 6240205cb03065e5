package io.spikeline.operators.signal;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.operators.sideoutput.NonFinitePolicy;
import io.spikeline.operators.sideoutput.NonFiniteSamples;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;

/**
 * The screening that the frame operators share before their models step: late frames (behind the watermark, or
 * behind the key's stream), breaks in the stream (gaps, a change of shape: reported, the key's continuous state
 * restarted) and NaN/infinite samples (by a {@link NonFinitePolicy}), with their side outputs and counters
 * ({@code gaps}, {@code late}, {@code repairedSamples}, {@code droppedFrames}). Semantics in the package
 * documentation. One per operator instance.
 */
final class FrameScreen {
    private final NonFinitePolicy policy;
    private final Counter gaps;
    private final Counter late;
    private final Counter repairedSamples;
    private final Counter droppedFrames;

    FrameScreen(NonFinitePolicy policy, MetricGroup metrics) {
        this.policy = policy;
        this.gaps = metrics.counter("gaps");
        this.late = metrics.counter("late");
        this.repairedSamples = metrics.counter("repairedSamples");
        this.droppedFrames = metrics.counter("droppedFrames");
    }

    /** Sends {@code frame} to the late output if its Flink timestamp is behind the watermark. */
    boolean behindWatermark(SampleFrame frame, KeyedProcessFunction<String, SampleFrame, ?>.Context ctx) {
        Long timestamp = ctx.timestamp();
        if (timestamp != null && timestamp < ctx.timerService().currentWatermark()) {
            sendLate(frame, ctx);
            return true;
        }
        return false;
    }

    /**
     * Judges {@code frame} against the key's stream ({@code fresh}: the key has none yet) and screens its samples.
     * Returns the samples to process (the frame's own array, or a repaired copy), or {@code null} when the frame
     * goes no further (late, or dropped for non-finite samples); the caller then stores {@code key}, which a drop
     * has restarted. After processing the returned samples, the caller calls {@link #processed}.
     */
    float[] screen(SampleFrame frame, ScreenedStream key, boolean fresh,
                   KeyedProcessFunction<String, SampleFrame, ?>.Context ctx) {
        if (fresh) {
            key.start(frame);
        } else if (!key.fits(frame)) {
            reportGap(key, frame, ctx);
            key.start(frame);
        } else {
            switch (key.continuity().check(frame)) {
                case LATE -> {
                    sendLate(frame, ctx);
                    return null;
                }
                case GAP -> reportGap(key, frame, ctx);
                case FIRST, CONTIGUOUS -> { }
            }
        }
        float[] data = frame.data();
        int badChannel = frame.firstNonFiniteChannel();
        if (badChannel < 0) {
            return data;
        }
        boolean drop = policy == NonFinitePolicy.DROP_FRAME;
        int badValues;
        if (drop) {
            badValues = NonFiniteRepair.count(data);
            droppedFrames.inc();
        } else {
            data = data.clone();
            badValues = NonFiniteRepair.repair(data, frame.channelCount(), policy, key.lastFinite());
            repairedSamples.inc(badValues);
        }
        ctx.output(SignalOutputs.NON_FINITE, new NonFiniteSamples(frame.sourceKey(), frame.sequence(),
                frame.firstSampleTimeUs(), badValues, badChannel, policy));
        if (drop) {
            key.restart();
            key.continuity().advance(frame);
            return null;
        }
        return data;
    }

    /** The key's stream now continues after {@code frame}, whose processed samples were {@code data}. */
    void processed(ScreenedStream key, SampleFrame frame, float[] data) {
        key.continuity().advance(frame);
        if (policy == NonFinitePolicy.HOLD_LAST) {
            int channels = frame.channelCount();
            System.arraycopy(data, data.length - channels, key.lastFinite(), 0, channels);
        }
    }

    /** Reports the break between the key's stream and {@code frame}, restarting its continuous state. */
    private void reportGap(ScreenedStream key, SampleFrame frame,
                           KeyedProcessFunction<String, SampleFrame, ?>.Context ctx) {
        ctx.output(SignalOutputs.GAPS, key.continuity().gapTo(frame, key.restart()));
        gaps.inc();
    }

    private void sendLate(SampleFrame frame, KeyedProcessFunction<String, SampleFrame, ?>.Context ctx) {
        late.inc();
        ctx.output(SignalOutputs.LATE_FRAMES, frame);
    }
}
