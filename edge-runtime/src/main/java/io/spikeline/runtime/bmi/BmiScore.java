package io.spikeline.runtime.bmi;

import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.Arrays;
import org.apache.flink.types.Either;

/**
 * Scores a {@code bmi} run's decodings against the true hand velocity as both arrive from the job (in either order):
 * decode {@code i} is the one of the simulator's batch {@code i}, whose start time is its event time. Keeps every
 * decode's truth, output and latency (a few numbers per 20 ms of signal) for the report.
 */
public final class BmiScore {
    /** Signal time over which the learning curve and the current R² are measured, s. */
    public static final double WINDOW_SECONDS = 5;

    private final BmiSettings settings;
    private final long batchUs;
    private final int decodesPerWindow;
    private final float[][] truth;
    private final float[][] decoded;
    private final float[][] smoothed;
    /** In arrival order. */
    private final long[] latencyUs;
    private final int[] scoredInWindow;
    private double recentR2 = Double.NaN;
    private int count;
    private int decodes;

    public BmiScore(BmiSettings settings) {
        this.settings = settings;
        this.batchUs = Math.round(settings.batchSeconds() * 1e6);
        this.decodesPerWindow = (int) Math.max(1, Math.round(WINDOW_SECONDS / settings.batchSeconds()));
        int n = Math.toIntExact(settings.batches());
        truth = new float[n][];
        decoded = new float[n][];
        smoothed = new float[n][];
        latencyUs = new long[n];
        scoredInWindow = new int[(n + decodesPerWindow - 1) / decodesPerWindow];
    }

    /** Takes a record of the job's output: a decoding or a smoothed velocity (left), or a feedback (right). */
    public void add(Either<Either<Decoding, SampleFrame>, Feedback> record) {
        if (record.isLeft() && record.left().isRight()) {
            SampleFrame f = record.left().right();
            int i = index(f.firstSampleTimeUs());
            smoothed[i] = f.data().clone();
            scored(i);
        } else if (record.isLeft()) {
            Decoding d = record.left().left();
            int i = index(d.eventTimeUs());
            if (decoded[i] != null) {
                throw new IllegalStateException("two decodings at " + d.eventTimeUs() + " us");
            }
            decoded[i] = d.output().clone();
            latencyUs[decodes++] = d.latencyUs();
            scored(i);
        } else {
            Feedback f = record.right();
            int i = index(f.eventTimeUs());
            truth[i] = f.target().clone();
            scored(i);
        }
    }

    private int index(long eventTimeUs) {
        long i = eventTimeUs / batchUs;
        if (eventTimeUs % batchUs != 0 || i < 0 || i >= truth.length) {
            throw new IllegalStateException("a record at " + eventTimeUs + " us is not at the start of one of the "
                    + truth.length + " batches of " + batchUs + " us");
        }
        return (int) i;
    }

    private void scored(int i) {
        if (truth[i] == null || decoded[i] == null || smoothed[i] == null) {
            return;
        }
        count++;
        int w = i / decodesPerWindow;
        if (++scoredInWindow[w] == decodesPerWindow) {
            recentR2 = r2(w * decodesPerWindow, (w + 1) * decodesPerWindow);
        }
    }

    /** Whether every batch has its decode, its smoothed velocity and its truth. */
    public boolean complete() {
        return count == truth.length;
    }

    public int count() {
        return count;
    }

    /** Signal time decoded and scored so far, s. */
    public double signalSeconds() {
        return count * settings.batchSeconds();
    }

    /** R² (uniform average over vx, vy) of the latest complete window; NaN before the first window closes. */
    public double currentR2() {
        return recentR2;
    }

    /** R² of the raw decodes [from, to), all scored. */
    public double r2(int from, int to) {
        return r2(decoded, from, to);
    }

    /** R² of the smoothed velocity over decodes [from, to), all scored. */
    public double smoothedR2(int from, int to) {
        return r2(smoothed, from, to);
    }

    private double r2(float[][] predicted, int from, int to) {
        R2Accumulator r2 = new R2Accumulator(2);
        for (int i = from; i < to; i++) {
            r2.add(truth[i], predicted[i]);
        }
        return r2.uniformAverage();
    }

    /**
     * R² of each window of {@link #WINDOW_SECONDS}, in order, over the scored prefix of the run (the whole run once
     * {@link #complete()}; a trailing partial window included).
     */
    public double[] learningCurve() {
        int windows = (count + decodesPerWindow - 1) / decodesPerWindow;
        double[] curve = new double[windows];
        for (int w = 0; w < windows; w++) {
            curve[w] = r2(w * decodesPerWindow, Math.min(count, (w + 1) * decodesPerWindow));
        }
        return curve;
    }

    /** Latency quantile {@code q} in [0, 1] over the decodes so far (nearest rank), µs; 0 when none. */
    public long latencyQuantileUs(double q) {
        return EmbeddedJob.quantile(latencyUs, decodes, q);
    }

    /** The latency of each decode so far in arrival order, µs. */
    public long[] latencies() {
        return Arrays.copyOf(latencyUs, decodes);
    }

    /** The true velocity of a scored decode. */
    public float[] truth(int decode) {
        return truth[decode];
    }

    /** The smoothed decoded velocity of a scored decode. */
    public float[] smoothed(int decode) {
        return smoothed[decode];
    }

    /** The decoded velocity of a scored decode. */
    public float[] decoded(int decode) {
        return decoded[decode];
    }

    public BmiSettings settings() {
        return settings;
    }
}
