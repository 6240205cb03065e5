package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.runtime.gesture.GestureSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikeline run gesture} end to end: the command runs the job on an embedded MiniCluster and writes its report. */
class RunGestureTest {

    @TempDir
    Path tmp;

    @Test
    void gestureClassifiesTwelveGesturesWellAboveChanceImprovingAsItLearnsAndWritesItsReport() throws Exception {
        Path reports = tmp.resolve("gesture-report");
        String[] r = run("run", "gesture", "--seconds", "300", "--report-dir", reports.toString(),
                "--progress-every", "0.5");
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).containsPattern("s of signal \\| +[0-9.]+x real time \\| accuracy .* \\| latency p99 [0-9.]+ ms");
        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(r[1]).contains(text);

        // Every gesture the simulated camera labelled in the run is classified once.
        GestureSettings settings = GestureSettings.defaults().withSeconds(300);
        int labelled = 0;
        try (GestureSimulator camera = new GestureSimulator("count", settings.recording())) {
            for (long b = 0; b < settings.batches(); b++) {
                labelled += camera.read().labels().size();
            }
        }
        assertThat(figure(text, ": (\\d+) gestures classified")).isEqualTo(labelled);

        // 12 classes in shuffled rounds: chance is 1/12. The network starts knowing nothing and learns from each
        // gesture after deciding it, so the start is near chance and the end well above it.
        double chance = 1.0 / 12;
        double first = figure(text, "^accuracy first +\\d+ gestures +([0-9.]+)");
        double last = figure(text, "^accuracy last +\\d+ gestures +([0-9.]+)$");
        assertThat(last).isGreaterThan(6 * chance).isGreaterThan(first + 0.2);
        double[] curve = Arrays.stream(text.lines().filter(l -> l.startsWith("accuracy per 60 s")).findFirst()
                .orElseThrow().substring("accuracy per 60 s".length()).trim().split(" +"))
                .mapToDouble(Double::parseDouble).toArray();
        assertThat(curve).hasSize(5);
        assertThat(curve[4]).isGreaterThan(curve[0]);

        // Early decision: some gestures are decided before their sample ends, on average before its end.
        assertThat(figure(text, "gestures (\\d+) decided early")).isPositive();
        assertThat(figure(text, "mean decision ([0-9]+) ms")).isLessThan(1000);
        double p50 = figure(text, "latency +p50 ([0-9.]+) ms");
        double p99 = figure(text, "p99 ([0-9.]+) ms");
        assertThat(p99).isGreaterThanOrEqualTo(p50).isPositive();
        assertThat(figure(text, "start-up\\), ([0-9]+) events/s")).isPositive();

        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(text.lines().findFirst().orElseThrow()).contains("Confusion matrix")
                .contains("Learning curve").contains("Decision time").contains("Feature layer spike raster")
                .contains("latency histogram")
                .contains("<th>swipe left</th>").contains("<th>circle counterclockwise</th>");
        assertThat(html.split("<svg", -1)).hasSize(5);
    }

    @Test
    void invalidSettingsAreRefusedBeforeAnythingRuns() {
        String[] r = run("run", "gesture", "--confidence", "0", "--report-dir", tmp.resolve("none").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("confidence threshold must lie in (0, 1], was 0.0");
        String[] channels = run("run", "gesture", "--channels", "8", "--report-dir", tmp.resolve("none").toString());
        assertThat(channels[0]).isEqualTo("2");
        assertThat(channels[2]).contains("--channels applies to bmi only");
        assertThat(tmp.resolve("none")).doesNotExist();
    }
}
