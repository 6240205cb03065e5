package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikeline run bmi} end to end: the command runs the job on an embedded MiniCluster and writes its report. */
class RunBmiTest {

    @TempDir
    Path tmp;



    @Test
    void bmiRunsDecodesBetterAtTheEndThanAtTheStartAndWritesItsReport() throws Exception {
        Path reports = tmp.resolve("bmi-report");
        String[] r = run("run", "bmi", "--seconds", "24", "--report-dir", reports.toString(), "--progress-every", "0.2");
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).containsPattern("s of signal \\| +[0-9.]+x real time \\| R2 .* \\| latency p99 [0-9.]+ ms");
        assertThat(r[1]).contains("24.0 s: 1200 decodes of 20 ms, 96 channels of 30 kHz broadband");

        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(r[1]).contains(text);
        double first = figure(text, "^R2 first +[0-9.]+ s +(-?[0-9.]+)$");
        double last = figure(text, "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");
        assertThat(last).isGreaterThan(0.2).isGreaterThan(first + 0.1);
        double p50 = figure(text, "latency +p50 ([0-9.]+) ms");
        double p99 = figure(text, "p99 ([0-9.]+) ms");
        assertThat(p99).isGreaterThanOrEqualTo(p50).isPositive();
        assertThat(figure(text, "^rate +([0-9.]+)x real time")).isPositive();

        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(text.lines().findFirst().orElseThrow()).contains("Learning curve")
                .contains("Hand velocity vx").contains("R2 smoothed").contains("latency histogram");
        assertThat(html.split("<svg", -1)).hasSize(5);
    }

    @Test
    void aRunTooShortToFitTheClassicalDecodersReportsWithoutThem() throws Exception {
        Path reports = tmp.resolve("short-report");
        String[] r = run("run", "bmi", "--seconds", "4", "--report-dir", reports.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("R2 last").doesNotContain("Wiener").doesNotContain("Kalman");
    }

    @Test
    void aConfigurationRunsTheSpikeCountPathAndTheCommandLineOverridesIt() throws Exception {
        Path config = tmp.resolve("counts.yaml");
        Files.writeString(config, "app: bmi\nsource:\n  input: spike-counts\n  seconds: 90\nreport:\n  dir: "
                + tmp.resolve("from-config") + "\n");
        String[] valid = run("validate", config.toString());
        assertThat(valid[0]).as(valid[2]).isEqualTo("0");
        assertThat(valid[1]).contains("valid bmi configuration: spike counts from 96 channels, 90.0 s of signal");

        String[] r = run("run", "bmi", "--config", config.toString(), "--seconds", "30");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String text = Files.readString(tmp.resolve("from-config").resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("30.0 s: 1500 decodes of 20 ms, 96 channels of 1 ms spike counts");
        double first = figure(text, "^R2 first +[0-9.]+ s +(-?[0-9.]+)$");
        double last = figure(text, "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");
        assertThat(last).isGreaterThan(first);
    }

    @Test
    void validateNamesTheFileAndLineOfAProblem() throws Exception {
        Path config = tmp.resolve("typo.yaml");
        Files.writeString(config, "app: bmi\nsource:\n  seconds: 10\n  chanels: 96\n");
        String[] r = run("validate", config.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains(config + ":4: unknown key 'source.chanels'");
        String[] example = run("validate", "examples/bmi.yaml");
        assertThat(example[0]).as(example[2]).isEqualTo("0");
        assertThat(example[1]).contains("valid bmi configuration: broadband");
    }

    @Test
    void anUnknownApplicationIsRefusedNamingTheApplications() {
        String[] unknown = run("run", "radar");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2]).contains("bmi, gesture, packets, eeg");
    }

    @Test
    void invalidSettingsAreRefusedBeforeAnythingRuns() {
        String[] r = run("run", "bmi", "--seconds", "-1", "--report-dir", tmp.resolve("none").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("seconds must lie in (0, 86400], was -1.0");
        assertThat(tmp.resolve("none")).doesNotExist();
    }
}
