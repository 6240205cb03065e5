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
    /** Decodes the arrays hold at first; they grow as a run without a known end goes on. */
    private static final int INITIAL_CAPACITY = 1 << 12;
    /** Signal time over which the learning curve and the current R² are measured, s. */
    public static final double WINDOW_SECONDS = 5;

    private final BmiSettings settings;
    private final long batchUs;
    private final int decodesPerWindow;
    /** Batches in the run: the score keeps no more. */
    private final int batches;
    private float[][] truth;
    private float[][] decoded;
    private float[][] smoothed;
    /** In arrival order. */
    private long[] latencyUs;
    private int[] scoredInWindow;
    private double recentR2 = Double.NaN;
    private int count;
    private int decodes;

    public BmiScore(BmiSettings settings) {
        this.settings = settings;
        this.batchUs = Math.round(settings.batchSeconds() * 1e6);
        this.decodesPerWindow = (int) Math.max(1, Math.round(WINDOW_SECONDS / settings.batchSeconds()));
        this.batches = Math.toIntExact(settings.batches());
        int n = Math.min(batches, INITIAL_CAPACITY);
        truth = new float[n][];
        decoded = new float[n][];
        smoothed = new float[n][];
        latencyUs = new long[n];
        scoredInWindow = new int[windows(n)];
    }

    private int windows(int decodes) {
        return (decodes + decodesPerWindow - 1) / decodesPerWindow;
    }

    /** Grows the arrays (doubling, up to the run's batches) so that they hold decode {@code i}. */
    private void hold(int i) {
        if (i < truth.length) {
            return;
        }
        int n = (int) Math.min(batches, Math.max(i + 1L, 2L * truth.length));
        truth = Arrays.copyOf(truth, n);
        decoded = Arrays.copyOf(decoded, n);
        smoothed = Arrays.copyOf(smoothed, n);
        latencyUs = Arrays.copyOf(latencyUs, n);
        scoredInWindow = Arrays.copyOf(scoredInWindow, windows(n));
    }

    /**
     * Whether {@link #add} takes {@code record}: a record of the job's output at the start of one of the run's batches.
     * A live source may carry others (an earlier start, another clock); they are not scored.
     */
    public boolean scores(Either<Either<Decoding, SampleFrame>, Feedback> record) {
        long t = record.isRight() ? record.right().eventTimeUs()
                : record.left().isLeft() ? record.left().left().eventTimeUs() : record.left().right().firstSampleTimeUs();
        return scores(t);
    }

    private boolean scores(long eventTimeUs) {
        return eventTimeUs % batchUs == 0 && eventTimeUs >= 0 && eventTimeUs / batchUs < batches;
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
        if (!scores(eventTimeUs)) {
            throw new IllegalStateException("a record at " + eventTimeUs + " us is not at the start of one of the "
                    + batches + " batches of " + batchUs + " us");
        }
        int i = (int) (eventTimeUs / batchUs);
        hold(Math.max(i, decodes));
        return i;
    }

    private void scored(int i) {
        if (!scoredAt(i)) {
            return;
        }
        int w = i / decodesPerWindow;
        if (++scoredInWindow[w] == decodesPerWindow) {
            recentR2 = r2(w * decodesPerWindow, (w + 1) * decodesPerWindow);
        }
        while (count < truth.length && scoredAt(count)) {
            count++;
        }
    }

    private boolean scoredAt(int i) {
        return truth[i] != null && decoded[i] != null && smoothed[i] != null;
    }

    /** Whether every batch has its decode, its smoothed velocity and its truth. */
    public boolean complete() {
        return count == batches;
    }

    /** Batches scored from the first on, without a gap: the scored prefix of the run. */
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
