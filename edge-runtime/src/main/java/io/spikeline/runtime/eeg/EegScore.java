package io.spikeline.runtime.eeg;

import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.Arrays;
import org.apache.flink.types.Either;

/**
 * Scores an {@code eeg} run's decodings against the true eyes state as both arrive from the job (in either order):
 * decode {@code i} is the one of the simulator's frame {@code i}, whose start time is its event time. Keeps every
 * decode's truth, predicted class and latency for the report.
 */
public final class EegScore {
    /** Signal time over which the accuracy curve and the current accuracy are measured, s. */
    public static final double WINDOW_SECONDS = 10;
    /** The classes, by id. */
    public static final String[] CLASSES = {"eyes open", "eyes closed"};

    private final EegSettings settings;
    private final long frameUs;
    private final int decodesPerWindow;
    private final int[] truth;
    private final int[] predicted;
    /** In arrival order. */
    private final long[] latencyUs;
    private final int[] scoredInWindow;
    private double recentAccuracy = Double.NaN;
    private int count;
    private int decodes;

    public EegScore(EegSettings settings) {
        this.settings = settings;
        this.frameUs = Math.round(settings.frameSeconds() * 1e6);
        this.decodesPerWindow = (int) Math.max(1, Math.round(WINDOW_SECONDS / settings.frameSeconds()));
        int n = Math.toIntExact(settings.frames());
        truth = new int[n];
        predicted = new int[n];
        Arrays.fill(truth, -1);
        Arrays.fill(predicted, -1);
        latencyUs = new long[n];
        scoredInWindow = new int[(n + decodesPerWindow - 1) / decodesPerWindow];
    }

    /** Takes a record of the job's output: a decoding (left) or a feedback (right). */
    public void add(Either<Decoding, Feedback> record) {
        if (record.isLeft()) {
            Decoding d = record.left();
            int i = index(d.eventTimeUs());
            if (predicted[i] >= 0) {
                throw new IllegalStateException("two decodings at " + d.eventTimeUs() + " us");
            }
            if (!d.hasClass()) {
                throw new IllegalStateException("a decoding at " + d.eventTimeUs() + " us has no class");
            }
            predicted[i] = d.classId();
            latencyUs[decodes++] = d.latencyUs();
            scored(i);
        } else {
            Feedback f = record.right();
            int i = index(f.eventTimeUs());
            truth[i] = f.classId();
            scored(i);
        }
    }

    private int index(long eventTimeUs) {
        long i = eventTimeUs / frameUs;
        if (eventTimeUs % frameUs != 0 || i < 0 || i >= truth.length) {
            throw new IllegalStateException("a record at " + eventTimeUs + " us is not at the start of one of the "
                    + truth.length + " frames of " + frameUs + " us");
        }
        return (int) i;
    }

    private void scored(int i) {
        if (truth[i] < 0 || predicted[i] < 0) {
            return;
        }
        count++;
        int w = i / decodesPerWindow;
        if (++scoredInWindow[w] == decodesPerWindow) {
            recentAccuracy = accuracy(w * decodesPerWindow, (w + 1) * decodesPerWindow);
        }
    }

    /** Whether every frame has its decode and its truth. */
    public boolean complete() {
        return count == truth.length;
    }

    public int count() {
        return count;
    }

    /** Signal time decoded and scored so far, s. */
    public double signalSeconds() {
        return count * settings.frameSeconds();
    }

    /** Accuracy of the latest complete window; NaN before the first window closes. */
    public double currentAccuracy() {
        return recentAccuracy;
    }

    /** The confusion matrix of decodes [from, to), all scored. */
    public ConfusionMatrix confusion(int from, int to) {
        ConfusionMatrix m = new ConfusionMatrix(CLASSES.length);
        m.addAll(Arrays.copyOfRange(truth, from, to), Arrays.copyOfRange(predicted, from, to), to - from);
        return m;
    }

    /** Fraction of decodes [from, to) that name the true state. */
    public double accuracy(int from, int to) {
        return confusion(from, to).accuracy();
    }

    /**
     * Accuracy of each window of {@link #WINDOW_SECONDS}, in order, over the scored prefix of the run; a trailing
     * partial window is included when it holds at least half a window, as fewer decodes would make a noisy point.
     */
    public double[] accuracyCurve() {
        int complete = count / decodesPerWindow;
        int rest = count - complete * decodesPerWindow;
        double[] curve = new double[complete + (2 * rest >= decodesPerWindow ? 1 : 0)];
        for (int w = 0; w < curve.length; w++) {
            curve[w] = accuracy(w * decodesPerWindow, Math.min(count, (w + 1) * decodesPerWindow));
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

    public EegSettings settings() {
        return settings;
    }
}
