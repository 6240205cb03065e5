package io.spikeline.runtime.eeg;

import static io.spikeline.runtime.report.ReportFiles.f;

import io.spikeline.ingest.sim.EegParameters;
import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.runtime.report.ReportFiles;
import io.spikeline.runtime.report.SvgPlot;
import io.spikeline.runtime.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of an {@code eeg} run: a text summary, and an HTML page with the same figures, the confusion matrix
 * and plots (accuracy over time, latency histogram) as inline SVG.
 */
public final class EegReport implements RunReport {
    /** Fraction of the run's decodes compared at its start and at its end. */
    public static final double PART = 0.25;

    private final EegRun.Result result;
    private final EegScore score;

    public EegReport(EegRun.Result result) {
        this.result = result;
        this.score = result.score();
    }

    /** Decodes in each compared part: the first and the last {@link #PART} of the run, at least one. */
    public int partDecodes() {
        return Math.max(1, (int) (score.count() * PART));
    }

    public double firstPartAccuracy() {
        return score.accuracy(0, partDecodes());
    }

    public double lastPartAccuracy() {
        return score.accuracy(score.count() - partDecodes(), score.count());
    }

    /** The text summary, one figure per line. */
    @Override
    public String text() {
        EegSettings s = score.settings();
        double partSeconds = partDecodes() * s.frameSeconds();
        double busy = result.timing().answeringSeconds();
        int n = score.count();
        List<String> lines = new ArrayList<>();
        boolean simulated = result.endpoints().map(e -> e.given().simulated()).orElse(true);
        lines.add("spikeline eeg: " + (simulated ? "simulated eyes open/closed, seed " + s.seed()
                + (s.realTime() ? ", paced at real time" : "") : result.endpoints().orElseThrow().given().describeInput()));
        lines.add(f("signal           %.1f s: %d decodes of %.0f ms, %d channels at %.0f Hz, %s",
                score.signalSeconds(), n, s.frameSeconds() * 1e3, s.recording().channels(),
                s.recording().sampleRateHz(), s.encoder() instanceof EncoderSpec.Delta d
                        ? f("delta spikes (%.3g uV steps)", d.delta())
                        : f("sigma-delta spikes (threshold %.3g)",
                                ((EncoderSpec.SigmaDelta) s.encoder()).threshold())));
        lines.add(f("wall time        %.2f s (%.2f s start-up, %.2f s decoding)",
                result.timing().wallSeconds(), result.timing().startupSeconds(), busy));
        lines.add(f("rate             %.1fx real time while decoding (%.1fx including start-up)",
                result.realTimeFactor(), score.signalSeconds() / result.timing().wallSeconds()));
        lines.add(f("accuracy first %4.1f s  %.3f", partSeconds, firstPartAccuracy()));
        lines.add(f("accuracy last %5.1f s  %.3f", partSeconds, lastPartAccuracy()));
        StringBuilder curve = new StringBuilder("accuracy per " + (int) EegScore.WINDOW_SECONDS + " s");
        for (double a : score.accuracyCurve()) {
            curve.append(f(" %.2f", a));
        }
        lines.add(curve.toString());
        ConfusionMatrix last = score.confusion(n - partDecodes(), n);
        lines.add(f("confusion last   true open: %d open, %d closed; true closed: %d open, %d closed",
                last.count(0, 0), last.count(0, 1), last.count(1, 0), last.count(1, 1)));
        lines.add(f("latency          p50 %.3f ms, p99 %.3f ms, max %.3f ms (spike batch into the "
                        + "classifier to decode out)", score.latencyQuantileUs(0.5) / 1e3,
                score.latencyQuantileUs(0.99) / 1e3, score.latencyQuantileUs(1) / 1e3));
        EegScore.Aperiodic all = score.aperiodic(-1);
        lines.add(f("aperiodic 1/f    exponent %.2f +/- %.2f over %d windows of %.1f s (eyes open %s, eyes closed %s)",
                all.mean(), all.standardError(), all.windows(),
                EegJob.aperiodicWindowSamples(s) / s.recording().sampleRateHz(),
                aperiodicInState(EegParameters.EYES_OPEN), aperiodicInState(EegParameters.EYES_CLOSED)));
        lines.add("aperiodic range  " + aperiodicRange() + (simulated ? blinkNote(s.recording()) : ""));
        result.endpoints().ifPresent(e -> lines.addAll(e.lines()));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private String aperiodicInState(int state) {
        EegScore.Aperiodic a = score.aperiodic(state);
        return f("%.2f +/- %.2f over %d", a.mean(), a.standardError(), a.windows());
    }

    /** The lowest and the highest channel exponent, with their channels. */
    private String aperiodicRange() {
        double[] beta = score.channelAperiodicExponents();
        if (beta.length == 0) {
            return "no window";
        }
        int low = 0;
        int high = 0;
        for (int c = 1; c < beta.length; c++) {
            low = beta[c] < beta[low] ? c : low;
            high = beta[c] > beta[high] ? c : high;
        }
        return f("channels from %.2f (channel %d) to %.2f (channel %d)", beta[low], low, beta[high], high);
    }

    /**
     * What the simulator's exponent is, and why the raw EEG's reads steeper: its blinks, in either eyes state, add
     * power below about 7 Hz to the frontal channels.
     */
    private static String blinkNote(EegParameters p) {
        return f("; simulator background %.2f, steepened by blinks (%.0f/min, %.0f uV at channel 0, none at channel "
                + "%d, below 7 Hz)", p.aperiodicExponent(), p.blinksPerMinute(), p.blinkUv(), p.channels() - 1);
    }

    /** Writes {@code report.txt} and {@code report.html} into {@code folder} (created if needed); returns the HTML path. */
    @Override
    public Path write(Path folder) throws IOException {
        return ReportFiles.write(folder, text(), html());
    }

    String html() {
        StringBuilder h = ReportFiles.htmlHead("spikeline eeg", text());
        int n = score.count();
        h.append("<h2>Confusion matrix, last ").append(f("%.0f", partDecodes() * score.settings().frameSeconds()))
                .append(" s (rows: true state, columns: decoded)</h2>\n")
                .append(ReportFiles.confusionTable(score.confusion(n - partDecodes(), n), EegScore.CLASSES));
        h.append("<h2>Confusion matrix, whole run</h2>\n")
                .append(ReportFiles.confusionTable(score.confusion(0, n), EegScore.CLASSES));
        double[] curve = score.accuracyCurve();
        double[] windowEnd = new double[curve.length];
        for (int w = 0; w < curve.length; w++) {
            windowEnd[w] = Math.min(score.signalSeconds(), (w + 1) * EegScore.WINDOW_SECONDS);
        }
        h.append("<h2>Accuracy over time: each ").append((int) EegScore.WINDOW_SECONDS)
                .append(" s of signal (decoded before learning from it)</h2>\n")
                .append(SvgPlot.lines("signal time at window end (s)", "accuracy", windowEnd, new double[][] {curve},
                        new String[] {"accuracy"}));
        h.append("<h2>Decode latency histogram</h2>\n")
                .append(SvgPlot.histogram("latency (µs) up to p99; the last bar counts every decode above", "decodes",
                        score.latencies(), score.latencyQuantileUs(0.99)));
        return h.append("</body></html>\n").toString();
    }
}
