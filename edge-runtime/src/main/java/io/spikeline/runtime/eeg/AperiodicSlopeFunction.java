package io.spikeline.runtime.eeg;

import io.spikeline.models.metrics.AperiodicSlope;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.SampleFrame;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The aperiodic 1/f slope of each key's raw (unfiltered) frames, per window of {@code windowSamples} samples: one
 * {@link Decoding} per window, without a class, whose event time is the window's first sample and whose output is
 * {@code [mean over channels, channel 0, channel 1, …]} of the fitted slope {@code −β} ({@link AperiodicSlope} with its
 * defaults at the frames' rate). A change of channel count or rate starts a new window.
 *
 * <p>The slope is the raw signal's, artefacts included: eye blinks, slow deflections with their power below about
 * 7 Hz, raise the low end of the fit and steepen the channels they reach (on the simulator, a window holding a blink
 * reads up to 0.5 steeper as a mean over channels, its frontal channel more), while alpha, inside the excluded band,
 * leaves it alone.
 */
public final class AperiodicSlopeFunction extends KeyedProcessFunction<String, SampleFrame, Decoding> {
    private static final long serialVersionUID = 1L;

    private final int windowSamples;
    private transient ValueState<double[]> buffer;
    private transient ValueState<Long> startUs;
    private transient ValueState<Integer> filled;
    private transient AperiodicSlope estimator;

    public AperiodicSlopeFunction(int windowSamples) {
        if (windowSamples < 8) {
            throw new IllegalArgumentException("aperiodic slope windowSamples must be >= 8, was " + windowSamples);
        }
        this.windowSamples = windowSamples;
    }

    @Override
    public void open(OpenContext openContext) {
        buffer = getRuntimeContext().getState(new ValueStateDescriptor<>("aperiodic-window",
                PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO));
        startUs = getRuntimeContext().getState(new ValueStateDescriptor<>("aperiodic-start", Types.LONG));
        filled = getRuntimeContext().getState(new ValueStateDescriptor<>("aperiodic-filled", Types.INT));
    }

    @Override
    public void processElement(SampleFrame frame, Context ctx, Collector<Decoding> out) throws Exception {
        int channels = frame.channelCount();
        if (estimator == null || estimator.parameters().sampleRateHz() != frame.sampleRateHz()) {
            // One estimator serves every key of this rate; the tables depend on nothing else.
            estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(frame.sampleRateHz()));
            if (windowSamples < estimator.parameters().minimumWindowSamples()) {
                throw new IllegalArgumentException("aperiodic slope window of " + windowSamples
                        + " samples is shorter than a segment at " + frame.sampleRateHz() + " Hz");
            }
        }
        double[] window = buffer.value();
        int n = filled.value() == null ? 0 : filled.value();
        if (window == null || window.length != windowSamples * channels) {
            window = new double[windowSamples * channels];
            n = 0;
        }
        float[] data = frame.data();
        for (int s = 0; s < frame.sampleCount(); s++) {
            if (n == 0) {
                startUs.update(frame.sampleTimeUs(s));
            }
            for (int c = 0; c < channels; c++) {
                window[n * channels + c] = data[s * channels + c];
            }
            if (++n == windowSamples) {
                out.collect(decode(ctx.getCurrentKey(), startUs.value(), window, channels));
                n = 0;
            }
        }
        buffer.update(window);
        filled.update(n);
    }

    private Decoding decode(String key, long eventTimeUs, double[] window, int channels) {
        float[] output = new float[1 + channels];
        double mean = 0;
        for (int c = 0; c < channels; c++) {
            double slope = estimator.slope(window, c, channels, windowSamples);
            output[1 + c] = (float) slope;
            mean += slope / channels;
        }
        output[0] = (float) mean;
        long now = System.currentTimeMillis() * 1000;
        return new Decoding(key, eventTimeUs, output, Decoding.NO_CLASS, Float.NaN, now, now);
    }

    /** The mean slope over channels of a decoding of this function. */
    public static double meanSlope(Decoding d) {
        return d.output()[0];
    }

    /** The channels of a decoding of this function. */
    public static int channels(Decoding d) {
        return d.output().length - 1;
    }

    /** Channel {@code c}'s slope in a decoding of this function. */
    public static double channelSlope(Decoding d, int c) {
        return d.output()[1 + c];
    }
}
