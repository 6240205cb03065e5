package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikeline run eeg} end to end: the command runs the job on an embedded MiniCluster and writes its report. */
class RunEegTest {

    @TempDir
    Path tmp;



    @Test
    void eegClassifiesEyesOpenAndClosedWellAboveChanceAndWritesItsReport() throws Exception {
        Path reports = tmp.resolve("eeg-report");
        String[] r = run("run", "eeg", "--seconds", "80", "--report-dir", reports.toString(), "--progress-every", "0.2");
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).containsPattern("s of signal \\| +[0-9.]+x real time \\| accuracy .* \\| latency p99 [0-9.]+ ms");
        // 80 s in frames of 64 samples at 250 Hz (256 ms): 312.5, rounded to 313 whole frames.
        assertThat(r[1]).contains("80.1 s: 313 decodes of 256 ms, 19 channels at 250 Hz, delta spikes");

        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(r[1]).contains(text);
        // Eyes open and closed alternate every 10 s, so each compared part (20 s) holds both states about equally:
        // chance is 0.5.
        double last = figure(text, "^accuracy last +[0-9.]+ s +([0-9.]+)$");
        assertThat(last).isGreaterThan(0.7);
        Matcher confusion = Pattern.compile("true open: (\\d+) open, (\\d+) closed; true closed: (\\d+) open, (\\d+) closed")
                .matcher(text);
        assertThat(confusion.find()).as(text).isTrue();
        int openRight = Integer.parseInt(confusion.group(1));
        int closedRight = Integer.parseInt(confusion.group(4));
        int total = 0;
        for (int g = 1; g <= 4; g++) {
            total += Integer.parseInt(confusion.group(g));
        }
        assertThat(total).isEqualTo(78);
        assertThat((openRight + closedRight) / (double) total).isCloseTo(last, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(openRight).as("both states are recognised, not one guessed throughout").isGreaterThan(10);
        assertThat(closedRight).isGreaterThan(10);
        double p50 = figure(text, "latency +p50 ([0-9.]+) ms");
        double p99 = figure(text, "p99 ([0-9.]+) ms");
        assertThat(p99).isGreaterThanOrEqualTo(p50).isPositive();

        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(text.lines().findFirst().orElseThrow()).contains("Confusion matrix")
                .contains("Accuracy over time").contains("latency histogram").contains("<th>eyes closed</th>");
        assertThat(html.split("<svg", -1)).hasSize(3);
    }

    @Test
    void invalidSettingsAreRefusedBeforeAnythingRuns() {
        String[] r = run("run", "eeg", "--seconds", "0", "--report-dir", tmp.resolve("none").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("seconds must lie in (0, 86400], was 0.0");
        String[] channels = run("run", "eeg", "--channels", "8", "--report-dir", tmp.resolve("none").toString());
        assertThat(channels[0]).isEqualTo("2");
        assertThat(channels[2]).contains("--channels applies to bmi only");
        String[] wait = run("run", "eeg", "--feedback-wait", "1", "--report-dir", tmp.resolve("none").toString());
        assertThat(wait[2]).contains("--feedback-wait applies to bmi only");
        String[] labels = run("run", "eeg", "--label-wait", "1", "--report-dir", tmp.resolve("none").toString());
        assertThat(labels[0]).isEqualTo("2");
        assertThat(labels[2]).contains("--label-wait applies to gesture only");
        assertThat(tmp.resolve("none")).doesNotExist();
    }
}
