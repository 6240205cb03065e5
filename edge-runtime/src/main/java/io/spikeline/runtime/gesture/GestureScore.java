package io.spikeline.runtime.gesture;

import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.types.Either;

/**
 * Scores a {@code gesture} run's decisions against the gestures' labels as both arrive from the job (in either order).
 * A label is stamped at the start of its sample's last decode window, and the decode of that window is the gesture's
 * decision (with early decision, the decision reached earlier in the sample, repeated). The decision time of a gesture
 * is the end of the first of its sample's windows whose confidence reached the threshold, from the onset; a gesture
 * whose sample never reached it before its last window was decided at the end of its sample. Keeps every gesture's
 * truth, decision and decision time, and every decode's latency, for the report.
 */
public final class GestureScore {
    /** Signal time over which the accuracy curve and the current accuracy are measured, s. */
    public static final double WINDOW_SECONDS = 60;

    private final GestureSettings settings;
    private final SamplerParams sampler;
    private final long windowUs;
    private final Map<Long, Decoding> decodes = new HashMap<>();
    private final Map<Long, Feedback> waiting = new HashMap<>();
    private int[] truth = new int[64];
    private int[] predicted = new int[64];
    private long[] stampUs = new long[64];
    private long[] decisionMs = new long[64];
    private boolean[] early = new boolean[64];
    /** In arrival order. */
    private long[] latencyUs = new long[1024];
    private int count;
    private int decodeCount;
    private double recentAccuracy = Double.NaN;
    private int recentWindow = -1;

    public GestureScore(GestureSettings settings) {
        this.settings = settings;
        this.sampler = settings.sampler();
        this.windowUs = sampler.decodeBins() * sampler.sampleBinUs();
    }

    /** Takes a record of the job's output: a decoding (left) or an aligned label (right). */
    public void add(Either<Decoding, Feedback> record) {
        if (record.isLeft()) {
            Decoding d = record.left();
            if (!d.hasClass()) {
                throw new IllegalStateException("a decoding at " + d.eventTimeUs() + " us has no class");
            }
            if (decodes.put(d.eventTimeUs(), d) != null) {
                throw new IllegalStateException("two decodings at " + d.eventTimeUs() + " us");
            }
            if (decodeCount == latencyUs.length) {
                latencyUs = Arrays.copyOf(latencyUs, 2 * decodeCount);
            }
            latencyUs[decodeCount++] = d.latencyUs();
            Feedback label = waiting.remove(d.eventTimeUs());
            if (label != null) {
                score(label, d);
            }
        } else {
            Feedback label = record.right();
            Decoding d = decodes.get(label.eventTimeUs());
            if (d == null) {
                waiting.put(label.eventTimeUs(), label);
            } else {
                score(label, d);
            }
        }
    }

    private void score(Feedback label, Decoding decision) {
        if (count == truth.length) {
            int grown = 2 * count;
            truth = Arrays.copyOf(truth, grown);
            predicted = Arrays.copyOf(predicted, grown);
            stampUs = Arrays.copyOf(stampUs, grown);
            decisionMs = Arrays.copyOf(decisionMs, grown);
            early = Arrays.copyOf(early, grown);
        }
        long onsetUs = label.eventTimeUs() - sampler.lastWindowOffsetUs();
        int windows = sampler.decodesPerSample();
        int decidedIn = windows;
        for (int j = 0; j < windows; j++) {
            Decoding d = decodes.remove(onsetUs + j * windowUs);
            if (d != null && d.confidence() >= settings.confidenceThreshold() && decidedIn == windows) {
                decidedIn = j + 1;
            }
        }
        truth[count] = label.classId();
        predicted[count] = decision.classId();
        stampUs[count] = label.eventTimeUs();
        decisionMs[count] = decidedIn * windowUs / 1000;
        early[count] = decidedIn < windows;
        count++;
        // Gestures arrive in time order, so the window before the latest gesture's is complete.
        int complete = (int) (signalSeconds() / WINDOW_SECONDS) - 1;
        if (complete > recentWindow) {
            recentWindow = complete;
            int[] range = windowRange(complete);
            if (range[1] > range[0]) {
                recentAccuracy = accuracy(range[0], range[1]);
            }
        }
    }

    /** The gestures [from, to) whose samples ended in accuracy window {@code w}. */
    private int[] windowRange(int w) {
        int from = 0;
        while (from < count && endSeconds(from) < w * WINDOW_SECONDS) {
            from++;
        }
        int to = from;
        while (to < count && endSeconds(to) < (w + 1) * WINDOW_SECONDS) {
            to++;
        }
        return new int[] {from, to};
    }

    private double endSeconds(int gesture) {
        return (stampUs[gesture] + windowUs) / 1e6;
    }

    /** Gestures scored. */
    public int count() {
        return count;
    }

    /** Signal time up to the end of the latest scored gesture's sample, s. */
    public double signalSeconds() {
        return count == 0 ? 0 : endSeconds(count - 1);
    }

    /** Accuracy over the latest complete window of {@link #WINDOW_SECONDS}; NaN before the first one closes. */
    public double currentAccuracy() {
        return recentAccuracy;
    }

    /** The confusion matrix of gestures [from, to). */
    public ConfusionMatrix confusion(int from, int to) {
        ConfusionMatrix m = new ConfusionMatrix(GestureSettings.CLASSES.length);
        m.addAll(Arrays.copyOfRange(truth, from, to), Arrays.copyOfRange(predicted, from, to), to - from);
        return m;
    }

    /** Fraction of gestures [from, to) classified right. */
    public double accuracy(int from, int to) {
        return confusion(from, to).accuracy();
    }

    /**
     * Accuracy of each window of {@link #WINDOW_SECONDS} of signal, in order; a trailing window is included when it
     * reaches half a window, as fewer gestures would make a noisy point.
     */
    public double[] accuracyCurve() {
        int windows = (int) Math.floor(signalSeconds() / WINDOW_SECONDS + 0.5);
        double[] curve = new double[windows];
        for (int w = 0; w < windows; w++) {
            int[] range = windowRange(w);
            curve[w] = range[1] > range[0] ? accuracy(range[0], range[1]) : Double.NaN;
        }
        return curve;
    }

    /** The decision time of each gesture decided before the end of its sample, ms from its onset. */
    public long[] earlyDecisionMs() {
        long[] times = new long[count];
        int n = 0;
        for (int g = 0; g < count; g++) {
            if (early[g]) {
                times[n++] = decisionMs[g];
            }
        }
        return Arrays.copyOf(times, n);
    }

    /** Mean decision time over every gesture [from, to), ms from onset (a full sample when undecided). */
    public double meanDecisionMs(int from, int to) {
        double sum = 0;
        for (int g = from; g < to; g++) {
            sum += decisionMs[g];
        }
        return to > from ? sum / (to - from) : Double.NaN;
    }

    /** Accuracy of the gestures [from, to) that were ({@code decided}) or were not decided early; NaN when none. */
    public double accuracyWhenEarly(int from, int to, boolean decided) {
        int n = 0;
        int right = 0;
        for (int g = from; g < to; g++) {
            if (early[g] == decided) {
                n++;
                right += truth[g] == predicted[g] ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : right / (double) n;
    }

    /** Gestures [from, to) decided early. */
    public int earlyCount(int from, int to) {
        int n = 0;
        for (int g = from; g < to; g++) {
            n += early[g] ? 1 : 0;
        }
        return n;
    }

    /** Latency quantile {@code q} in [0, 1] over the decodes so far (nearest rank), µs; 0 when none. */
    public long latencyQuantileUs(double q) {
        return EmbeddedJob.quantile(latencyUs, decodeCount, q);
    }

    /** The latency of each decode so far in arrival order, µs. */
    public long[] latencies() {
        return Arrays.copyOf(latencyUs, decodeCount);
    }

    /** Labels that arrived without the decode of their window (none once a run is complete). */
    public int unmatchedLabels() {
        return waiting.size();
    }

    public GestureSettings settings() {
        return settings;
    }
}
