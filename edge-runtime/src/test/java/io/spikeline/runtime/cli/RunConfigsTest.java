package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code spikeline validate} and {@code spikeline run <app> --config} on every application's configuration. */
class RunConfigsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"bmi", "eeg", "gesture", "packets"})
    void validateAcceptsEachExampleAndNamesTheProblemOfABrokenCopy(String app) throws Exception {
        Path example = Path.of("examples", app + ".yaml");
        String[] valid = run("validate", example.toString());
        assertThat(valid[0]).as(valid[2]).isEqualTo("0");
        assertThat(valid[1]).contains(example + ": valid " + app + " configuration: ");

        List<String> lines = Files.readAllLines(example);
        int seedLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("  seed: ")).findFirst().orElseThrow());
        lines.set(seedLine, "  sede: 1");
        Path broken = tmp.resolve(app + ".yaml");
        Files.write(broken, lines);
        String[] r = run("validate", broken.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains(broken + ":" + (seedLine + 1) + ": unknown key 'source.sede'");
    }

    @ParameterizedTest
    @CsvSource({
        "eeg, 'spikeline run eeg: 4.1 s of simulated EEG from 19 channels'",
        "gesture, 'spikeline run gesture: 6.0 s of simulated events'",
        "packets, 'spikeline run packets: 3.0 s of simulated traffic'"})
    void aShortConfigurationRunsAndWritesItsReportWhereItSays(String app, String header) throws Exception {
        double seconds = Double.parseDouble(header.replaceAll(".*: ([0-9.]+) s .*", "$1"));
        Path reports = tmp.resolve("from-config");
        Path config = tmp.resolve(app + ".yaml");
        Files.writeString(config, "app: " + app + "\nsource:\n  seconds: " + seconds + "\n  seed: 2\nreport:\n  dir: "
                + reports + "\n");
        String[] r = run("run", app, "--config", config.toString(), "--progress-every", "1");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains(header);
        assertThat(reports.resolve("report.txt")).exists();
        assertThat(r[1]).contains(Files.readString(reports.resolve("report.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eeg", "gesture", "packets"})
    void aBadConfigurationIsRefusedBeforeTheRunNamingItsLine(String app) throws Exception {
        Path config = tmp.resolve(app + ".yaml");
        Files.writeString(config, "app: " + app + "\nsource:\n  seconds: 0\n");
        String[] refused = run("run", app, "--config", config.toString());
        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2]).contains(config + ":3: source.seconds: seconds must lie in (0, 86400], was 0.0");
    }

    @ParameterizedTest
    @CsvSource({
        "eeg, 'spikeline run eeg: 2.0 s of simulated EEG'",
        "gesture, 'spikeline run gesture: 2.0 s of simulated events'",
        "packets, 'spikeline run packets: 2.0 s of simulated traffic'"})
    void theCommandLineOverridesTheConfiguration(String app, String header) throws Exception {
        Path config = tmp.resolve(app + ".yaml");
        Files.writeString(config, "app: " + app + "\nsource:\n  seconds: 600\nreport:\n  dir: " + tmp.resolve("unused")
                + "\n");
        Path reports = tmp.resolve("from-command-line");
        String[] r = run("run", app, "--config", config.toString(), "--seconds", "2", "--report-dir",
                reports.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains(header);
        assertThat(reports.resolve("report.txt")).exists();
        assertThat(tmp.resolve("unused")).doesNotExist();
    }
}
