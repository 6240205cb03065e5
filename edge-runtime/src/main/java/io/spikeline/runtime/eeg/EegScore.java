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
    /** Decodes the arrays hold at first; they grow as a run without a known end goes on. */
    private static final int INITIAL_CAPACITY = 1 << 12;
    /** Signal time over which the accuracy curve and the current accuracy are measured, s. */
    public static final double WINDOW_SECONDS = 10;
    /** The classes, by id. */
    public static final String[] CLASSES = {"eyes open", "eyes closed"};

    private final EegSettings settings;
    private final long frameUs;
    private final int decodesPerWindow;
    /** Frames in the run: the score keeps no more. */
    private final int frames;
    private int[] truth;
    private int[] predicted;
    /** In arrival order. */
    private long[] latencyUs;
    private int[] scoredInWindow;
    private double recentAccuracy = Double.NaN;
    private int count;
    private int decodes;

    public EegScore(EegSettings settings) {
        this.settings = settings;
        this.frameUs = Math.round(settings.frameSeconds() * 1e6);
        this.decodesPerWindow = (int) Math.max(1, Math.round(WINDOW_SECONDS / settings.frameSeconds()));
        this.frames = Math.toIntExact(settings.frames());
        int n = Math.min(frames, INITIAL_CAPACITY);
        truth = new int[n];
        predicted = new int[n];
        Arrays.fill(truth, -1);
        Arrays.fill(predicted, -1);
        latencyUs = new long[n];
        scoredInWindow = new int[windows(n)];
    }

    private int windows(int decodes) {
        return (decodes + decodesPerWindow - 1) / decodesPerWindow;
    }

    /** Grows the arrays (doubling, up to the run's frames) so that they hold decode {@code i}. */
    private void hold(int i) {
        if (i < truth.length) {
            return;
        }
        int old = truth.length;
        int n = (int) Math.min(frames, Math.max(i + 1L, 2L * old));
        truth = Arrays.copyOf(truth, n);
        predicted = Arrays.copyOf(predicted, n);
        Arrays.fill(truth, old, n, -1);
        Arrays.fill(predicted, old, n, -1);
        latencyUs = Arrays.copyOf(latencyUs, n);
        scoredInWindow = Arrays.copyOf(scoredInWindow, windows(n));
    }

    /**
     * Whether {@link #add} takes {@code record}: a record of the job's output at the start of one of the run's frames.
     * A live source may carry others (an earlier start, another clock); they are not scored.
     */
    public boolean scores(Either<Decoding, Feedback> record) {
        return scores(record.isLeft() ? record.left().eventTimeUs() : record.right().eventTimeUs());
    }

    private boolean scores(long eventTimeUs) {
        return eventTimeUs % frameUs == 0 && eventTimeUs >= 0 && eventTimeUs / frameUs < frames;
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
        if (!scores(eventTimeUs)) {
            throw new IllegalStateException("a record at " + eventTimeUs + " us is not at the start of one of the "
                    + frames + " frames of " + frameUs + " us");
        }
        int i = (int) (eventTimeUs / frameUs);
        hold(Math.max(i, decodes));
        return i;
    }

    private void scored(int i) {
        if (!scoredAt(i)) {
            return;
        }
        int w = i / decodesPerWindow;
        if (++scoredInWindow[w] == decodesPerWindow) {
            recentAccuracy = accuracy(w * decodesPerWindow, (w + 1) * decodesPerWindow);
        }
        while (count < truth.length && scoredAt(count)) {
            count++;
        }
    }

    private boolean scoredAt(int i) {
        return truth[i] >= 0 && predicted[i] >= 0;
    }

    /** Whether every frame has its decode and its truth. */
    public boolean complete() {
        return count == frames;
    }

    /** Frames scored from the first on, without a gap: the scored prefix of the run. */
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
