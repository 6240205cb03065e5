package io.spikeline.runtime.packets;

import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a {@code packets} run's verdicts against each packet's label as they arrive: the packet's class (decided
 * before the network learnt from that label) and its flow's running vote after it, per packet; and each flow's last
 * vote, per flow. Accuracy is measured over windows of {@link #windowPackets()} consecutive packets.
 *
 * <p>A score of a known run ({@link #PacketsScore}: the embedded sources, every packet labelled) places each verdict
 * by its packet's number. A score of an {@link #open} input (a broker or a file, of a length unknown in advance)
 * places each labelled packet's verdict in arrival order and grows with them; unlabelled packets are not scored
 * ({@link #scores}), and the traffic time runs from the earliest capture time seen.
 */
public final class PacketsScore {
    /** The most packets in a window of the accuracy curve and the current accuracy. */
    public static final int MAX_WINDOW_PACKETS = 1000;
    private static final int OPEN_CAPACITY = 4096;

    private final List<String> classes;
    private final double seconds;
    /** The packets of a known run, or -1 for an open input. */
    private final int expected;
    private final int windowPackets;
    private int[] truth;
    private int[] packetClass;
    private int[] flowClass;
    private long[] captureUs;
    /** In arrival order. */
    private long[] classifierLatencyUs;
    private long[] pipelineLatencyUs;
    private int[] scoredInWindow;
    /** Per flow: its label and its latest vote, with the packets that vote counts. */
    private final Map<String, int[]> flows = new HashMap<>();
    private double recentAccuracy = Double.NaN;
    private long firstCaptureUs = Long.MAX_VALUE;
    private long lastCaptureUs;
    private int count;

    /**
     * @param classes the class names by label
     * @param packets the packets the run will classify
     * @param seconds the traffic time they span, s
     */
    public PacketsScore(List<String> classes, long packets, double seconds) {
        this(classes, Math.toIntExact(packets), seconds, Math.max(1, Math.min(MAX_WINDOW_PACKETS,
                Math.toIntExact(packets) / 10)));
    }

    private PacketsScore(List<String> classes, int expected, double seconds, int windowPackets) {
        this.classes = List.copyOf(classes);
        this.seconds = seconds;
        this.expected = expected;
        this.windowPackets = windowPackets;
        int n = expected >= 0 ? expected : OPEN_CAPACITY;
        truth = new int[n];
        packetClass = new int[n];
        flowClass = new int[n];
        Arrays.fill(packetClass, -1);
        captureUs = new long[n];
        classifierLatencyUs = new long[n];
        pipelineLatencyUs = new long[n];
        scoredInWindow = new int[(n + windowPackets - 1) / windowPackets];
    }

    /**
     * The score of an input of unknown length, {@link #complete} once it spans {@code seconds} of traffic time; its
     * windows are {@link #MAX_WINDOW_PACKETS} packets.
     */
    public static PacketsScore open(List<String> classes, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be > 0, was " + seconds);
        }
        return new PacketsScore(classes, -1, seconds, MAX_WINDOW_PACKETS);
    }

    /** Whether {@code v} is scored: every verdict of a known run, the labelled packets' of an open input. */
    public boolean scores(PacketVerdict v) {
        return expected >= 0 || v.truth() >= 0;
    }

    /** Takes a verdict of the job. */
    public void add(PacketVerdict v) {
        int i;
        if (expected >= 0) {
            if (v.index() < 0 || v.index() >= expected) {
                throw new IllegalStateException("a verdict for packet " + v.index() + " of a run of " + expected);
            }
            i = (int) v.index();
            if (packetClass[i] >= 0) {
                throw new IllegalStateException("two verdicts for packet " + i);
            }
        } else {
            i = count;
            if (i == truth.length) {
                grow();
            }
        }
        if (v.truth() < 0 || v.truth() >= classes.size()) {
            throw new IllegalStateException("packet " + v.index() + " is labelled " + v.truth() + ", not one of the "
                    + classes.size() + " classes");
        }
        truth[i] = v.truth();
        packetClass[i] = v.packetClass();
        flowClass[i] = v.flowClass();
        captureUs[i] = v.captureTimeUs();
        firstCaptureUs = Math.min(firstCaptureUs, v.captureTimeUs());
        lastCaptureUs = Math.max(lastCaptureUs, v.captureTimeUs());
        classifierLatencyUs[count] = v.classifierLatencyUs();
        pipelineLatencyUs[count] = v.pipelineLatencyUs();
        int[] flow = flows.computeIfAbsent(v.flow(), f -> new int[] {v.truth(), -1, 0});
        if (v.flowPackets() > flow[2]) {
            flow[1] = v.flowClass();
            flow[2] = v.flowPackets();
        }
        count++;
        int w = i / windowPackets;
        int size = expected >= 0 ? Math.min(expected, (w + 1) * windowPackets) - w * windowPackets : windowPackets;
        if (++scoredInWindow[w] == size) {
            int from = w * windowPackets;
            recentAccuracy = accuracy(from, from + size);
        }
    }

    private void grow() {
        int n = truth.length * 2;
        truth = Arrays.copyOf(truth, n);
        packetClass = Arrays.copyOf(packetClass, n);
        flowClass = Arrays.copyOf(flowClass, n);
        captureUs = Arrays.copyOf(captureUs, n);
        classifierLatencyUs = Arrays.copyOf(classifierLatencyUs, n);
        pipelineLatencyUs = Arrays.copyOf(pipelineLatencyUs, n);
        scoredInWindow = Arrays.copyOf(scoredInWindow, (n + windowPackets - 1) / windowPackets);
    }

    /** Whether every packet has its verdict. */
    public boolean complete() {
        return expected >= 0 ? count == expected : count > 0 && spannedSeconds() >= seconds;
    }

    public int count() {
        return count;
    }

    public List<String> classes() {
        return classes;
    }

    /** Packets in each window of the accuracy curve: a tenth of the run, at most {@link #MAX_WINDOW_PACKETS}. */
    public int windowPackets() {
        return windowPackets;
    }

    /**
     * Traffic time classified so far, s: of a known run, the whole span once complete, else up to the latest packet's
     * capture; of an open input, from the earliest capture to the latest.
     */
    public double signalSeconds() {
        return expected < 0 ? spannedSeconds() : complete() ? seconds : lastCaptureUs / 1e6;
    }

    private double spannedSeconds() {
        return count == 0 ? 0 : (lastCaptureUs - firstCaptureUs) / 1e6;
    }

    /** Per-packet accuracy of the latest complete window; NaN before the first window closes. */
    public double currentAccuracy() {
        return recentAccuracy;
    }

    /** The traffic time of a window on average, s. */
    public double windowSeconds() {
        return expected >= 0 ? windowPackets * seconds / expected
                : count == 0 ? 0 : windowPackets * signalSeconds() / count;
    }

    /** The per-packet confusion matrix of packets [from, to), all scored. */
    public ConfusionMatrix confusion(int from, int to) {
        return matrix(truth, packetClass, from, to);
    }

    /** The confusion matrix of the flows' running votes after each of packets [from, to). */
    public ConfusionMatrix flowVoteConfusion(int from, int to) {
        return matrix(truth, flowClass, from, to);
    }

    /** The confusion matrix of flows, each counted once with its latest vote. */
    public ConfusionMatrix flowConfusion() {
        ConfusionMatrix m = new ConfusionMatrix(classes.size());
        for (int[] flow : flows.values()) {
            m.add(flow[0], flow[1]);
        }
        return m;
    }

    private ConfusionMatrix matrix(int[] t, int[] p, int from, int to) {
        ConfusionMatrix m = new ConfusionMatrix(classes.size());
        m.addAll(Arrays.copyOfRange(t, from, to), Arrays.copyOfRange(p, from, to), to - from);
        return m;
    }

    /** Fraction of packets [from, to) classified right. */
    public double accuracy(int from, int to) {
        return confusion(from, to).accuracy();
    }

    /** Fraction of packets [from, to) whose flow's running vote names their class. */
    public double flowVoteAccuracy(int from, int to) {
        return flowVoteConfusion(from, to).accuracy();
    }

    /** The accuracy of always naming the most frequent class of packets [from, to): the bar to clear. */
    public double majorityAccuracy(int from, int to) {
        int[] support = new int[classes.size()];
        int best = 0;
        for (int i = from; i < to; i++) {
            best = Math.max(best, ++support[truth[i]]);
        }
        return to > from ? best / (double) (to - from) : Double.NaN;
    }

    /**
     * The accuracy of naming each of packets [from, to) by the label of the packet before it (packet 0, with none
     * before it, counts as wrong): the bar for traffic whose classes come in long runs, as captures played one after
     * another do.
     */
    public double previousLabelAccuracy(int from, int to) {
        int right = 0;
        for (int i = Math.max(1, from); i < to; i++) {
            if (truth[i] == truth[i - 1]) {
                right++;
            }
        }
        return to > from ? right / (double) (to - from) : Double.NaN;
    }

    /** Flows seen. */
    public int flowCount() {
        return flows.size();
    }

    /**
     * Per-packet accuracy (row 0), flow-vote accuracy (row 1) and majority-class accuracy (row 2, the chance level) of
     * each window, in order, over the scored prefix; a trailing partial window is included when it holds at least
     * half a window.
     */
    public double[][] accuracyCurves() {
        int complete = count / windowPackets;
        int rest = count - complete * windowPackets;
        int windows = complete + (2 * rest >= windowPackets && rest > 0 ? 1 : 0);
        double[][] curves = new double[3][windows];
        for (int w = 0; w < windows; w++) {
            int from = w * windowPackets;
            int to = Math.min(count, from + windowPackets);
            curves[0][w] = accuracy(from, to);
            curves[1][w] = flowVoteAccuracy(from, to);
            curves[2][w] = majorityAccuracy(from, to);
        }
        return curves;
    }

    /** The capture time at the end of each window of {@link #accuracyCurves()}, s. */
    public double[] windowEndSeconds() {
        int windows = accuracyCurves()[0].length;
        double[] end = new double[windows];
        for (int w = 0; w < windows; w++) {
            end[w] = captureUs[Math.min(count, (w + 1) * windowPackets) - 1] / 1e6;
        }
        return end;
    }

    /** Classifier latency quantile {@code q} in [0, 1] so far (nearest rank), µs; 0 when none. */
    public long classifierLatencyQuantileUs(double q) {
        return EmbeddedJob.quantile(classifierLatencyUs, count, q);
    }

    /** Pipeline latency (packet encoded to flow verdict) quantile {@code q} so far, µs; 0 when none. */
    public long pipelineLatencyQuantileUs(double q) {
        return EmbeddedJob.quantile(pipelineLatencyUs, count, q);
    }

    /** The classifier latency of each packet so far in arrival order, µs. */
    public long[] classifierLatencies() {
        return Arrays.copyOf(classifierLatencyUs, count);
    }

    /** The pipeline latency of each packet so far in arrival order, µs. */
    public long[] pipelineLatencies() {
        return Arrays.copyOf(pipelineLatencyUs, count);
    }
}
