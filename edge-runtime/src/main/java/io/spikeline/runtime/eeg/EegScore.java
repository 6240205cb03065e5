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
 * decode's truth, predicted class and latency for the report, and the aperiodic slopes of each window (a decoding
 * without a class, at the start of the window's first frame): their mean over channels for the exponent per eyes
 * state, and each channel's for the exponent per channel.
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
    /** The mean aperiodic slope over channels of the window starting at each frame; NaN where none starts. */
    private double[] slope;
    /** Per channel, the sum of the aperiodic slopes of the windows that had the channel, and their number. */
    private double[] channelSlopeSum = new double[0];
    private int[] channelWindows = new int[0];
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
        slope = new double[n];
        Arrays.fill(slope, Double.NaN);
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
        slope = Arrays.copyOf(slope, n);
        Arrays.fill(slope, old, n, Double.NaN);
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

    /**
     * Takes a record of the job's output: a decoding (left; with a class, the classifier's, without, a window's
     * aperiodic slope) or a feedback (right).
     */
    public void add(Either<Decoding, Feedback> record) {
        if (record.isLeft()) {
            Decoding d = record.left();
            int i = index(d.eventTimeUs());
            if (!d.hasClass()) {
                if (!Double.isNaN(slope[i])) {
                    throw new IllegalStateException("two aperiodic slopes at " + d.eventTimeUs() + " us");
                }
                slope[i] = AperiodicSlopeFunction.meanSlope(d);
                addChannelSlopes(d);
                return;
            }
            if (predicted[i] >= 0) {
                throw new IllegalStateException("two decodings at " + d.eventTimeUs() + " us");
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

    private void addChannelSlopes(Decoding d) {
        int channels = AperiodicSlopeFunction.channels(d);
        if (channels > channelSlopeSum.length) {
            channelSlopeSum = Arrays.copyOf(channelSlopeSum, channels);
            channelWindows = Arrays.copyOf(channelWindows, channels);
        }
        for (int c = 0; c < channels; c++) {
            channelSlopeSum[c] += AperiodicSlopeFunction.channelSlope(d, c);
            channelWindows[c]++;
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

    /** Windows whose aperiodic slope has arrived. */
    public int aperiodicWindows() {
        return aperiodicWindows(-1);
    }

    /** The aperiodic exponent β (minus the mean slope) over every window so far; NaN before the first. */
    public double meanAperiodicExponent() {
        return meanAperiodicExponent(-1);
    }

    /**
     * The aperiodic exponent β (minus the mean slope) over the windows of {@link EegJob#APERIODIC_WINDOW_FRAMES}
     * frames all of whose frames' true eyes state is {@code state} (windows across a change of state are left out);
     * NaN when there is none. A state of −1 takes every window.
     */
    public double meanAperiodicExponent(int state) {
        return aperiodic(state).mean();
    }

    /** The windows {@link #meanAperiodicExponent(int)} averages. */
    public int aperiodicWindows(int state) {
        return aperiodic(state).windows();
    }

    /**
     * The standard error of {@link #meanAperiodicExponent(int)}, {@code s / √n} with s the windows' standard deviation:
     * how far two states' means may differ by the chance of what their few windows hold. NaN below two windows.
     */
    public double aperiodicStandardError(int state) {
        return aperiodic(state).standardError();
    }

    /**
     * The aperiodic exponent over windows: how many, their mean and its standard error ({@link
     * #aperiodicStandardError}).
     */
    public record Aperiodic(int windows, double mean, double standardError) {}

    /** {@link Aperiodic} over the windows {@link #meanAperiodicExponent(int)} takes. */
    public Aperiodic aperiodic(int state) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < slope.length; i++) {
            if (selected(i, state)) {
                sum += -slope[i];
                n++;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (int i = 0; i < slope.length; i++) {
            if (selected(i, state)) {
                squares += (-slope[i] - mean) * (-slope[i] - mean);
            }
        }
        return new Aperiodic(n, mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1.0) / n));
    }

    private boolean selected(int window, int state) {
        return !Double.isNaN(slope[window]) && (state < 0 || heldThroughout(window, state));
    }

    /** Each channel's aperiodic exponent β (minus its mean slope) over the windows so far; empty before the first. */
    public double[] channelAperiodicExponents() {
        double[] beta = new double[channelSlopeSum.length];
        for (int c = 0; c < beta.length; c++) {
            beta[c] = -channelSlopeSum[c] / channelWindows[c];
        }
        return beta;
    }

    private boolean heldThroughout(int from, int state) {
        int to = from + EegJob.APERIODIC_WINDOW_FRAMES;
        if (to > truth.length) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (truth[i] != state) {
                return false;
            }
        }
        return true;
    }

    public EegSettings settings() {
        return settings;
    }
}
