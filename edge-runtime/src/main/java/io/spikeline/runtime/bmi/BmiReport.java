package io.spikeline.runtime.bmi;

import static io.spikeline.runtime.report.ReportFiles.f;

import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.operators.signal.BesselFilterFunction;
import io.spikeline.operators.snn.FeedbackPace;
import io.spikeline.operators.snn.SnnCounter;
import io.spikeline.operators.snn.SnnMetrics;
import io.spikeline.runtime.report.ReportFiles;
import io.spikeline.runtime.report.SvgPlot;
import io.spikeline.runtime.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of a {@code bmi} run: a text summary, and an HTML page with the same figures and plots (decoded
 * versus true velocity, learning curve, latency histogram) as inline SVG, so the folder needs nothing else.
 */
public final class BmiReport implements RunReport {
    /** Fraction of the run's decodes compared at its start and at its end. */
    public static final double PART = 0.2;
    /** Signal time shown in the velocity traces (the end of the run), s. */
    static final double TRACE_SECONDS = 10;

    private final BmiRun.Result result;
    private final BmiScore score;

    public BmiReport(BmiRun.Result result) {
        this.result = result;
        this.score = result.score();
    }

    /** Decodes in each compared part: the first and the last {@link #PART} of the run, at least one. */
    public int partDecodes() {
        return partDecodes(score.count());
    }

    /** Decodes in each compared part of a run of {@code count} decodes. */
    public static int partDecodes(int count) {
        return Math.max(1, (int) (count * PART));
    }

    public double firstPartR2() {
        return score.r2(0, partDecodes());
    }

    public double lastPartR2() {
        return score.r2(score.count() - partDecodes(), score.count());
    }

    /** The text summary, one figure per line. */
    @Override
    public String text() {
        BmiSettings s = score.settings();
        double partSeconds = partDecodes() * s.batchSeconds();
        double busy = result.decodingSeconds();
        List<String> lines = new ArrayList<>();
        boolean simulated = result.endpoints().map(e -> e.given().simulated()).orElse(true);
        lines.add("spikeline bmi: " + (simulated ? "simulated reaching, seed " + s.seed()
                        + (s.realTime() ? ", paced at real time" : "")
                        : result.endpoints().orElseThrow().given().describeInput())
                + (Double.isInfinite(s.learnSeconds()) ? "" : f(", learning stopped at %.1f s", s.learnSeconds())));
        lines.add(f("signal           %.1f s: %d decodes of %.0f ms, %s", score.signalSeconds(), score.count(),
                s.batchSeconds() * 1e3, s.input() == BmiSettings.Input.BROADBAND
                        ? f("%d channels of 30 kHz broadband", s.channels())
                        : f("%d channels of 1 ms spike counts", s.channels())));
        lines.add(f("wall time        %.2f s (%.2f s start-up, %.2f s decoding)", result.wallSeconds(),
                result.startupSeconds(), busy));
        lines.add(f("rate             %.1fx real time while decoding (%.1fx including start-up)",
                result.realTimeFactor(), score.signalSeconds() / result.wallSeconds()));
        lines.add(f("R2 first %4.1f s  %.3f", partSeconds, firstPartR2()));
        lines.add(f("R2 last %5.1f s  %.3f", partSeconds, lastPartR2()));
        int n = score.count();
        lines.add(f("R2 smoothed      first %.3f, last %.3f (Bessel low-pass order %d at %.3g Hz over the decodes, "
                        + "group delay %.0f ms)", score.smoothedR2(0, partDecodes()),
                score.smoothedR2(n - partDecodes(), n), BmiJob.SMOOTHING.order(), BmiJob.SMOOTHING.edgesHz()[0],
                BesselFilterFunction.groupDelaySeconds(BmiJob.SMOOTHING, 1 / s.batchSeconds()) * 1e3));
        result.baselines().ifPresent(b -> lines.addAll(baselineTable(b)));
        StringBuilder curve = new StringBuilder("R2 per " + (int) BmiScore.WINDOW_SECONDS + " s    ");
        for (double r : score.learningCurve()) {
            curve.append(f(" %.2f", r));
        }
        lines.add(curve.toString());
        lines.add(f("latency          p50 %.3f ms, p99 %.3f ms, max %.3f ms (spike batch into the decoder to decode out)",
                score.latencyQuantileUs(0.5) / 1e3, score.latencyQuantileUs(0.99) / 1e3,
                score.latencyQuantileUs(1) / 1e3));
        double channelSeconds = score.signalSeconds() * s.channels();
        lines.add(f("throughput       %.0f decodes/s, %.0f channel-samples/s in",
                score.count() / busy, channelSeconds * (s.input() == BmiSettings.Input.BROADBAND
                        ? ReachingParameters.BROADBAND_RATE_HZ : 1e6 / s.session().binWidthUs()) / busy));
        feedbackLine().ifPresent(lines::add);
        result.endpoints().ifPresent(e -> lines.addAll(e.lines()));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /**
     * The online decoder beside the classical ones on the same held-out span (the last {@link #partDecodes()}
     * decodes), a header and a row per decoder: who decodes, what it was trained on, R² raw and smoothed.
     */
    private String[][] baselineRows(BmiBaselines b) {
        BmiSettings s = score.settings();
        int n = score.count();
        int from = n - b.heldOutBatches();
        String offline = f("first %.1f s, offline", b.trainBatches() * s.batchSeconds());
        return new String[][] {
                {"decoder", "trained on", f("R2 held out (last %.1f s)", b.heldOutBatches() * s.batchSeconds()),
                        "R2 smoothed"},
                {"SNN", Double.isInfinite(s.learnSeconds()) ? "online, learning throughout"
                        : f("online, learning for %.1f s", s.learnSeconds()), f("%.3f", score.r2(from, n)),
                        f("%.3f", score.smoothedR2(from, n))},
                {"Wiener", f("%s (%d lags of %.0f ms, ridge %.3g)", offline, BmiBaselines.LAGS, s.batchSeconds() * 1e3,
                        BmiBaselines.RIDGE), f("%.3f", b.wiener().heldOutR2()), f("%.3f", b.wiener().smoothedR2())},
                {"Kalman", offline + " (velocity, steady-state gain)", f("%.3f", b.kalman().heldOutR2()),
                        f("%.3f", b.kalman().smoothedR2())}};
    }

    private String baselineNote(BmiBaselines b) {
        return f("baselines computed in process in %.2f s (%s, fit, decode)", b.wallSeconds(),
                score.settings().input() == BmiSettings.Input.BROADBAND
                        ? "the session regenerated and its spikes detected" : "the session regenerated");
    }

    private List<String> baselineTable(BmiBaselines b) {
        String[][] rows = baselineRows(b);
        int[] width = new int[rows[0].length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            StringBuilder line = new StringBuilder(r == 0 ? "baselines        " : "                 ");
            for (int c = 0; c < rows[r].length; c++) {
                line.append(c == 0 ? "" : " | ").append(f("%-" + width[c] + "s", rows[r][c]));
            }
            lines.add(line.toString().stripTrailing());
        }
        lines.add("                 " + baselineNote(b));
        return lines;
    }

    private String baselineHtml(BmiBaselines b) {
        String[][] rows = baselineRows(b);
        StringBuilder t = new StringBuilder("<h2>Online SNN beside offline classical decoders, on the same held-out "
                + "signal</h2>\n<table>\n");
        for (int r = 0; r < rows.length; r++) {
            String cell = r == 0 ? "th" : "td";
            t.append("<tr>");
            for (String c : rows[r]) {
                t.append('<').append(cell).append('>').append(ReportFiles.escape(c)).append("</").append(cell).append('>');
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n<p>").append(ReportFiles.escape(baselineNote(b))).append("</p>\n").toString();
    }

    /**
     * What became of the velocity feedback, from the job's counters: learned from, or lost and why; and, when the
     * feedback had a source of its own, whether the spikes had to go on without waiting for it.
     */
    Optional<String> feedbackLine() {
        Map<String, Long> c = result.counters();
        String received = SnnMetrics.accumulatorName(SnnCounter.FEEDBACK_RECORDS);
        if (!c.containsKey(received)) {
            return Optional.empty();
        }
        NetworkSpec spec = BmiDecoders.velocityDecoder(score.settings().session());
        StringBuilder line = new StringBuilder(f("feedback         %d received, %d learned from, %d too late (more than "
                        + "the %d decodes, %.2f s, the decoder remembers)", c.get(received),
                counter(SnnCounter.FEEDBACK_APPLIED), counter(SnnCounter.FEEDBACK_LATE_DROPPED), spec.historyLength(),
                spec.historyLength() * spec.decodeIntervalBins() * spec.binWidthUs() / 1e6));
        for (SnnCounter lost : new SnnCounter[] {SnnCounter.FEEDBACK_OVERFLOW_DROPPED, SnnCounter.FEEDBACK_REJECTED,
            SnnCounter.FEEDBACK_DRIFTED, SnnCounter.FEEDBACK_WHILE_FROZEN}) {
            if (counter(lost) > 0) {
                line.append(f(", %d %s", counter(lost), switch (lost) {
                    case FEEDBACK_OVERFLOW_DROPPED -> "pushed out of the pending buffer";
                    case FEEDBACK_REJECTED -> "rejected (wrong kind or size)";
                    case FEEDBACK_DRIFTED -> "too far from every decode window";
                    default -> "while learning was stopped";
                }));
            }
        }
        if (c.containsKey(FeedbackPace.WAITS)) {
            long waits = c.get(FeedbackPace.WAITS);
            long longest = c.getOrDefault(FeedbackPace.LONGEST_WAIT_MS, Long.MIN_VALUE);
            long without = c.getOrDefault(FeedbackPace.WITHOUT_FEEDBACK, 0L);
            double wait = score.settings().feedbackWaitSeconds();
            line.append(waits == 0 ? "; the spikes never waited for it"
                    : f("; the spikes waited for it %s%s", waits == 1 ? "once" : waits + " times",
                            longest >= 0 ? f(", at most %d ms", longest) : ""));
            if (without > 0) {
                line.append(f(", and %d spike batches went on without it after waiting %.1f s (--feedback-wait)",
                        without, wait));
            }
        }
        return Optional.of(line.toString());
    }

    private long counter(SnnCounter counter) {
        return result.counters().getOrDefault(SnnMetrics.accumulatorName(counter), 0L);
    }

    /** Writes {@code report.txt} and {@code report.html} into {@code folder} (created if needed); returns the HTML path. */
    @Override
    public Path write(Path folder) throws IOException {
        return ReportFiles.write(folder, text(), html());
    }

    String html() {
        StringBuilder h = ReportFiles.htmlHead("spikeline bmi", text());
        int traced = Math.min(score.count(), (int) Math.round(TRACE_SECONDS / score.settings().batchSeconds()));
        int from = score.count() - traced;
        String[] axes = {"x", "y"};
        for (int axis = 0; axis < 2; axis++) {
            double[] t = new double[traced];
            double[] truth = new double[traced];
            double[] decoded = new double[traced];
            double[] smoothed = new double[traced];
            for (int i = 0; i < traced; i++) {
                t[i] = (from + i) * score.settings().batchSeconds();
                truth[i] = score.truth(from + i)[axis];
                decoded[i] = score.decoded(from + i)[axis];
                smoothed[i] = score.smoothed(from + i)[axis];
            }
            h.append("<h2>Hand velocity v").append(axes[axis]).append(", last ")
                    .append(f("%.0f", traced * score.settings().batchSeconds())).append(" s: true, decoded and smoothed</h2>\n")
                    .append(SvgPlot.lines("signal time (s)", "velocity (mm/s)", t,
                            new double[][] {truth, decoded, smoothed}, new String[] {"true", "decoded", "smoothed"}));
        }
        result.baselines().ifPresent(b -> h.append(baselineHtml(b)));
        double[] curve = score.learningCurve();
        double[] windowEnd = new double[curve.length];
        for (int w = 0; w < curve.length; w++) {
            windowEnd[w] = Math.min(score.signalSeconds(), (w + 1) * BmiScore.WINDOW_SECONDS);
        }
        h.append("<h2>Learning curve: R² of each ").append((int) BmiScore.WINDOW_SECONDS)
                .append(" s of signal (predicted before learning from it)</h2>\n")
                .append(SvgPlot.lines("signal time at window end (s)", "R²", windowEnd, new double[][] {curve},
                        new String[] {"R²"}));
        h.append("<h2>Decode latency histogram</h2>\n")
                .append(SvgPlot.histogram("latency (µs) up to p99; the last bar counts every decode above", "decodes",
                        score.latencies(), score.latencyQuantileUs(0.99)));
        h.append("</body></html>\n");
        return h.toString();
    }
}
