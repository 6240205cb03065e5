package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.runtime.eeg.EegSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spikeline run}'s endpoint options: a simulator named by URL, a file sink, and every mistake refused. */
class RunEndpointOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aSimulatorNamedByUrlWritesItsDecodingsAsJsonLines() throws Exception {
        Path decodings = tmp.resolve("out/eeg.jsonl");
        Path reports = tmp.resolve("report");
        String[] r = run("run", "eeg", "--seconds", "20", "--source", "sim:eeg?seed=2", "--sink", "file://" + decodings,
                "--report-dir", reports.toString());
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("spikeline run eeg: 20.0 s of simulated EEG from 19 channels on an embedded Flink "
                + "MiniCluster, decodings to file://" + decodings);
        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).startsWith("spikeline eeg: simulated eyes open/closed, seed 2")
                .contains("20.0 s: 78 decodes of 256 ms").contains("dead letters     0\n")
                .contains("ended            at the end of the input");

        List<String> lines = Files.readAllLines(decodings, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(78);
        Set<Long> times = new TreeSet<>();
        for (String line : lines) {
            JsonNode d = JSON.readTree(line);
            assertThat(d.get("sourceKey").asText()).isEqualTo(EegSettings.SOURCE_KEY);
            assertThat(d.get("classId").asInt()).isBetween(0, 1);
            times.add(d.get("eventTimeUs").asLong());
        }
        assertThat(times).hasSize(78).first().isEqualTo(0L);
    }

    @Test
    void everyEndpointMistakeIsRefusedBeforeAnythingRuns() {
        Path reports = tmp.resolve("none");
        String[][] cases = {
            {"bmi", "--feedback", "kafka://h/velocity", "--feedback kafka://h/velocity needs a --source that is not a "
                + "simulator: the built-in simulator brings its own feedback"},
            {"bmi", "--source", "kafka://h/spikes", "--source kafka://h/spikes needs --feedback"},
            {"bmi", "--source", "kafka://h:99999/spikes", "port must be 1..65535, was 99999 in 'kafka://h:99999/spikes'"},
            {"bmi", "--source", "sim:reaching?chanels=3", "unknown option [chanels] in 'sim:reaching?chanels=3'"},
            {"eeg", "--source", "sim:reaching", "'sim:reaching': this application runs sim:eeg, not sim:reaching"},
            {"eeg", "--sink", "sim:eeg", "'sim:eeg' is a simulator, which can only be a source"},
            {"bmi", "--sink", "mqtt://h/out/#", "'mqtt://h/out/#': a sink publishes to one topic, which cannot hold "
                + "the wildcards + or #"},
            {"eeg", "--dead-letters", "mqtt://h/dead/{key}", "dead letters have no source key"},
            {"bmi", "--source", "file:///no/such/probe.bin", "--feedback", "kafka://h/v",
                "'file:///no/such/probe.bin' cannot be read: no such file or folder"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 3];
            args[0] = "run";
            System.arraycopy(c, 0, args, 1, c.length - 1);
            args[c.length] = "--report-dir";
            args[c.length + 1] = reports.toString();
            args[c.length + 2] = "--seconds=1";
            String[] r = run(args);
            assertThat(r[0]).as(String.join(" ", args)).isEqualTo("2");
            assertThat(r[2]).as(String.join(" ", args)).contains(c[c.length - 1]);
        }
        assertThat(reports).doesNotExist();
    }

    @Test
    void helpExplainsTheEndpointOptions() {
        String[] r = run("run", "--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("--source=URL", "kafka://host:port/topic", "(a topic filter)", "file:///path",
                "sim:reaching?channels=96&seed=1", "--feedback=URL", "--sink=URL", "JSON", "--dead-letters=URL",
                "Ctrl-C", "savepoint");
    }
}
