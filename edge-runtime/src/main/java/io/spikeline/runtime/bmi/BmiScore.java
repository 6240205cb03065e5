package io.spikeline.runtime.bmi;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.record.Decoding;
import java.util.Arrays;

/**
 * Scores a {@code bmi} run's decodings against the true hand velocity as they arrive. The truth comes from a second
 * simulator of the same session (same seed, so the same draws) read in step with the decodings, which arrive in
 * event-time order for the one simulated key. Keeps every decode's truth, output and latency (a few floats per
 * 20 ms of signal) for the report.
 */
public final class BmiScore {
    /** Signal time over which the learning curve and the current R² are measured, s. */
    public static final double WINDOW_SECONDS = 5;

    private final BmiSettings settings;
    private final ReachingSimulator truthSource;
    private final int decodesPerWindow;
    private final float[][] truth;
    private final float[][] decoded;
    private final long[] latencyUs;
    private final long[] spikesIn;
    private final R2Accumulator recent = new R2Accumulator(2);
    private double recentR2 = Double.NaN;
    private int count;

    public BmiScore(BmiSettings settings) {
        this.settings = settings;
        this.truthSource = new ReachingSimulator(BmiSettings.SOURCE_KEY, settings.session());
        this.decodesPerWindow = (int) Math.max(1, Math.round(WINDOW_SECONDS / settings.batchSeconds()));
        int n = Math.toIntExact(settings.batches());
        truth = new float[n][];
        decoded = new float[n][];
        latencyUs = new long[n];
        spikesIn = new long[n];
    }

    /** Scores the next decoding; fails if it is not the decode of the next simulator batch. */
    public void add(Decoding d) {
        if (count == truth.length) {
            throw new IllegalStateException("more decodings than simulator batches (" + truth.length + ")");
        }
        ReachingBatch batch = truthSource.read();
        if (batch.velocity().eventTimeUs() != d.eventTimeUs()) {
            throw new IllegalStateException("decoding at " + d.eventTimeUs() + " us does not match the next batch's "
                    + "velocity at " + batch.velocity().eventTimeUs() + " us: a batch was skipped or reordered");
        }
        truth[count] = batch.velocity().target();
        decoded[count] = d.output().clone();
        latencyUs[count] = d.latencyUs();
        spikesIn[count] = batch.spikes().spikeCount();
        recent.add(truth[count], decoded[count]);
        count++;
        if (count % decodesPerWindow == 0) {
            recentR2 = recent.uniformAverage();
            recent.reset();
        }
    }

    public int count() {
        return count;
    }

    /** Signal time decoded so far, s. */
    public double signalSeconds() {
        return count * settings.batchSeconds();
    }

    /** R² (uniform average over vx, vy) of the last complete window; NaN before the first window closes. */
    public double currentR2() {
        return recentR2;
    }

    /** R² over decodes [from, to). */
    public double r2(int from, int to) {
        R2Accumulator r2 = new R2Accumulator(2);
        for (int i = from; i < to; i++) {
            r2.add(truth[i], decoded[i]);
        }
        return r2.uniformAverage();
    }

    /** R² of each complete window of {@link #WINDOW_SECONDS}, in order (a trailing partial window included). */
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
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latencyUs, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    public long totalSpikes() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += spikesIn[i];
        }
        return total;
    }

    public float[] truth(int decode) {
        return truth[decode];
    }

    public float[] decoded(int decode) {
        return decoded[decode];
    }

    public long latencyUs(int decode) {
        return latencyUs[decode];
    }

    public BmiSettings settings() {
        return settings;
    }
}
