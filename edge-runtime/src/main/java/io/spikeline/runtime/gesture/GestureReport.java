package io.spikeline.runtime.gesture;

import static io.spikeline.runtime.report.ReportFiles.f;

import io.spikeline.runtime.report.ReportFiles;
import io.spikeline.runtime.report.SvgPlot;
import io.spikeline.runtime.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a {@code gesture} run: a text summary, and an HTML page with the same figures, the confusion matrix
 * of the 12 gestures and plots (learning curve, decision times, a spike raster of the feature layer, latency
 * histogram) as inline SVG.
 */
public final class GestureReport implements RunReport {
    /** Fraction of the run's gestures compared at its start and at its end. */
    public static final double PART = 0.25;

    private final GestureRun.Result result;
    private final GestureScore score;

    public GestureReport(GestureRun.Result result) {
        this.result = result;
        this.score = result.score();
    }

    /** Gestures in each compared part: the first and the last {@link #PART} of the run, at least one. */
    public int partGestures() {
        return Math.max(1, (int) (score.count() * PART));
    }

    public double firstPartAccuracy() {
        return score.accuracy(0, partGestures());
    }

    public double lastPartAccuracy() {
        return score.accuracy(score.count() - partGestures(), score.count());
    }

    /** The text summary, one figure per line. */
    @Override
    public String text() {
        GestureSettings s = score.settings();
        SamplerParams sp = s.sampler();
        int n = score.count();
        int part = partGestures();
        List<String> lines = new ArrayList<>();
        lines.add("spikeline gesture: " + (result.simulated() ? "simulated event camera, 12 gestures, seed " + s.seed()
                + (s.realTime() ? ", paced at real time" : "")
                : result.endpoints().orElseThrow().given().describeInput() + ", 12 gestures"));
        lines.add(f("signal           %.1f s: %d gestures classified, %s%dx%d pixels", score.signalSeconds(), n,
                result.simulated() ? f("%d events (%.0f per s of signal), ", result.events(),
                        result.events() / (s.batches() * s.batchSeconds())) : "",
                s.recording().width(), s.recording().height()));
        lines.add(f("samples          %.0f ms from each onset in %d bins of %.0f ms over %d cells (ON/OFF), decoded "
                        + "every %.0f ms", sp.sampleUs() / 1e3, sp.sampleBins(), sp.sampleBinUs() / 1e3,
                sp.sampleGrid().channelCount(), sp.decodeBins() * sp.sampleBinUs() / 1e3));
        lines.add(f("wall time        %.2f s (%.2f s start-up, %.2f s classifying)",
                result.timing().wallSeconds(), result.timing().startupSeconds(), result.timing().answeringSeconds()));
        lines.add(f("rate             %.1fx real time while classifying (%.1fx including start-up)%s",
                result.realTimeFactor(), score.signalSeconds() / result.timing().wallSeconds(),
                result.simulated() ? f(", %.0f events/s", result.eventsPerSecond()) : ""));
        lines.add(f("accuracy first %3d gestures  %.3f (chance %.3f)", part, firstPartAccuracy(),
                1.0 / GestureSettings.CLASSES.length));
        lines.add(f("accuracy last %4d gestures  %.3f", part, lastPartAccuracy()));
        StringBuilder curve = new StringBuilder("accuracy per " + (int) GestureScore.WINDOW_SECONDS + " s");
        for (double a : score.accuracyCurve()) {
            curve.append(f(" %.2f", a));
        }
        lines.add(curve.toString());
        lines.add(f("early decision   confidence %.2f: last %d gestures %d decided early (accuracy %.3f), mean "
                        + "decision %.0f ms after onset (full sample %.0f ms)", s.confidenceThreshold(), part,
                score.earlyCount(n - part, n), score.accuracyWhenEarly(n - part, n, true),
                score.meanDecisionMs(n - part, n), sp.sampleUs() / 1e3));
        lines.add(f("latency          p50 %.3f ms, p99 %.3f ms, max %.3f ms (spike batch into the "
                        + "classifier to decode out)", score.latencyQuantileUs(0.5) / 1e3,
                score.latencyQuantileUs(0.99) / 1e3, score.latencyQuantileUs(1) / 1e3));
        boolean counted = result.timing().counters().containsKey(GestureSampleFunction.WITHOUT_LABEL);
        if (result.endpoints().isPresent() && counted) {
            long without = result.timing().counter(GestureSampleFunction.WITHOUT_LABEL);
            lines.add(s.labelWaitSeconds() == 0 ? "label order      as the events and labels came (--label-wait 0)"
                    : without == 0 ? f("label order      the device's: every label came within the label wait (%.1f s)",
                            s.labelWaitSeconds())
                    : f("label order      %d samples went on without their label, which came more than the label "
                            + "wait (%.1f s of events and of waiting) behind them; raise --label-wait", without,
                            s.labelWaitSeconds()));
        }
        result.endpoints().ifPresent(e -> lines.addAll(e.lines()));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /**
     * Writes {@code report.txt} and {@code report.html} into {@code folder} (created if needed); returns the HTML
     * path.
     */
    @Override
    public Path write(Path folder) throws IOException {
        return ReportFiles.write(folder, text(), html());
    }

    String html() {
        StringBuilder h = ReportFiles.htmlHead("spikeline gesture", text());
        int n = score.count();
        h.append("<h2>Confusion matrix, last ").append(partGestures())
                .append(" gestures (rows: true gesture, columns: decided)</h2>\n")
                .append(ReportFiles.confusionTable(score.confusion(n - partGestures(), n), GestureSettings.CLASSES));
        h.append("<h2>Confusion matrix, whole run</h2>\n")
                .append(ReportFiles.confusionTable(score.confusion(0, n), GestureSettings.CLASSES));
        double[] curve = score.accuracyCurve();
        double[] windowEnd = new double[curve.length];
        double[] chance = new double[curve.length];
        for (int w = 0; w < curve.length; w++) {
            windowEnd[w] = Math.min(score.signalSeconds(), (w + 1) * GestureScore.WINDOW_SECONDS);
            chance[w] = 1.0 / GestureSettings.CLASSES.length;
        }
        h.append("<h2>Learning curve: accuracy over each ").append((int) GestureScore.WINDOW_SECONDS)
                .append(" s of signal (each gesture decided before the network learns from it)</h2>\n")
                .append(SvgPlot.lines("signal time at window end (s)", "accuracy", windowEnd,
                        new double[][] {curve, chance}, new String[] {"accuracy", "chance"}));
        h.append("<h2>Decision time of the gestures decided early</h2>\n")
                .append(SvgPlot.histogram("ms from onset to the decision (confidence reached)", "gestures",
                        score.earlyDecisionMs(), score.settings().sampler().sampleUs() / 1000));
        int samples = Math.min(GestureSettings.CLASSES.length, n);
        // The raster replays the simulated camera, so it shows only a simulated run's samples.
        if (samples > 0 && result.simulated()) {
            h.append("<h2>Feature layer spike raster: the first ").append(samples)
                    .append(" gesture samples, whole (the job stops integrating a sample at its early decision)</h2>\n")
                    .append(FeatureRaster.of(score.settings(), samples).svg());
        }
        h.append("<h2>Decode latency histogram</h2>\n")
                .append(SvgPlot.histogram("latency (µs) up to p99; the last bar counts every decode above", "decodes",
                        score.latencies(), score.latencyQuantileUs(0.99)));
        return h.append("</body></html>\n").toString();
    }
}
