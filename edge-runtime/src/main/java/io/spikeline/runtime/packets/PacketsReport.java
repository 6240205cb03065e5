package io.spikeline.runtime.packets;

import static io.spikeline.runtime.report.ReportFiles.f;

import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.runtime.report.ReportFiles;
import io.spikeline.runtime.report.SvgPlot;
import io.spikeline.runtime.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of a {@code packets} run: a text summary, and an HTML page with the same figures, the confusion
 * matrices (per packet, per flow) and plots (accuracy over time, latency histograms) as inline SVG.
 */
public final class PacketsReport implements RunReport {
    /** Fraction of the run's packets compared at its start and at its end. */
    public static final double PART = 0.25;

    private final PacketsRun.Result result;
    private final PacketsScore score;

    public PacketsReport(PacketsRun.Result result) {
        this.result = result;
        this.score = result.score();
    }

    /** Packets in each compared part: the first and the last {@link #PART} of the run, at least one. */
    public int partPackets() {
        return Math.max(1, (int) (score.count() * PART));
    }

    /** The text summary, one figure per line. */
    @Override
    public String text() {
        PacketsSettings s = result.settings();
        int n = score.count();
        int part = partPackets();
        double busy = result.timing().answeringSeconds();
        List<String> lines = new ArrayList<>();
        boolean embedded = result.endpoints().map(e -> e.given().simulated()).orElse(true);
        lines.add("spikeline packets: " + (!embedded ? result.endpoints().orElseThrow().given().describeInput()
                : s.simulated() ? "simulated gateway traffic, seed " + s.seed() + ", labelled by the simulator"
                : s.captures().size() + " capture" + (s.captures().size() == 1 ? " " + s.captures().get(0) : "s")
                        + ", labelled by port") + (s.realTime() && embedded ? ", paced at real time" : ""));
        lines.add(f("traffic          %.1f s: %d packets in %d flows, %d classes (%s)", score.signalSeconds(), n,
                score.flowCount(), score.classes().size(), String.join(", ", score.classes())));
        lines.add(f("encoding         first %d bytes from the IP header, %s code over %d bins (%d channels) -> %d "
                        + "LIF units with STDP and synaptic scaling -> perceptron", s.byteCount(),
                s.code().name().toLowerCase(Locale.ROOT).replace('_', '-'), s.steps(),
                s.encoding().channelCount(), s.hidden()));
        lines.add(f("wall time        %.2f s (%.2f s start-up, %.2f s classifying)", result.timing().wallSeconds(),
                result.timing().startupSeconds(), busy));
        lines.add(f("rate             %.1fx real time while classifying (%.1fx including start-up), %.0f packets/s",
                result.realTimeFactor(), score.signalSeconds() / result.timing().wallSeconds(),
                result.packetsPerSecond()));
        lines.add(f("accuracy         per packet %.3f, per flow (running vote at each packet) %.3f; chance: "
                        + "majority class %.3f, previous packet's label %.3f, uniform %.3f", score.accuracy(0, n),
                score.flowVoteAccuracy(0, n), score.majorityAccuracy(0, n), score.previousLabelAccuracy(0, n),
                1.0 / score.classes().size()));
        lines.add(f("accuracy first   %d packets: per packet %.3f, per flow %.3f (majority class %.3f)", part,
                score.accuracy(0, part), score.flowVoteAccuracy(0, part), score.majorityAccuracy(0, part)));
        lines.add(f("accuracy last    %d packets: per packet %.3f, per flow %.3f (majority class %.3f)", part,
                score.accuracy(n - part, n), score.flowVoteAccuracy(n - part, n),
                score.majorityAccuracy(n - part, n)));
        ConfusionMatrix flows = score.flowConfusion();
        lines.add(f("flows            %d of %d flows named right by their final vote (%.3f)", flows.correct(),
                flows.total(), flows.accuracy()));
        lines.add(f("latency          classifier p50 %.3f ms, p99 %.3f ms, max %.3f ms (spike batch into the "
                        + "network to decode out); pipeline p50 %.3f ms, p99 %.3f ms (packet encoded to flow verdict)",
                score.classifierLatencyQuantileUs(0.5) / 1e3, score.classifierLatencyQuantileUs(0.99) / 1e3,
                score.classifierLatencyQuantileUs(1) / 1e3, score.pipelineLatencyQuantileUs(0.5) / 1e3,
                score.pipelineLatencyQuantileUs(0.99) / 1e3));
        result.endpoints().ifPresent(e -> lines.addAll(e.lines()));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    /** Writes {@code report.txt} and {@code report.html} into {@code folder} (created if needed); returns the HTML path. */
    @Override
    public Path write(Path folder) throws IOException {
        return ReportFiles.write(folder, text(), html());
    }

    String html() {
        StringBuilder h = ReportFiles.htmlHead("spikeline packets", text());
        int n = score.count();
        String[] names = score.classes().toArray(new String[0]);
        h.append("<h2>Confusion matrix per packet, last ").append(partPackets())
                .append(" packets (rows: true class, columns: decoded)</h2>\n")
                .append(ReportFiles.confusionTable(score.confusion(n - partPackets(), n), names));
        h.append("<h2>Confusion matrix per packet, whole run</h2>\n")
                .append(ReportFiles.confusionTable(score.confusion(0, n), names));
        h.append("<h2>Confusion matrix per flow, each flow once with its final vote</h2>\n")
                .append(ReportFiles.confusionTable(score.flowConfusion(), names));
        h.append("<h2>Accuracy over time: each ").append(score.windowPackets())
                .append(" packets (each classified before learning from its label)</h2>\n")
                .append(SvgPlot.lines("traffic time at window end (s)", "accuracy", score.windowEndSeconds(),
                        score.accuracyCurves(), new String[] {"per packet", "flow vote", "majority class"}));
        h.append("<h2>Classifier latency histogram</h2>\n")
                .append(SvgPlot.histogram("latency (µs) up to p99; the last bar counts every packet above", "packets",
                        score.classifierLatencies(), score.classifierLatencyQuantileUs(0.99)));
        h.append("<h2>Pipeline latency histogram (packet encoded to flow verdict)</h2>\n")
                .append(SvgPlot.histogram("latency (µs) up to p99; the last bar counts every packet above", "packets",
                        score.pipelineLatencies(), score.pipelineLatencyQuantileUs(0.99)));
        return h.append("</body></html>\n").toString();
    }
}
