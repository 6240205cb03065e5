package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.ingest.sim.TrafficParameters;
import io.spikeline.ingest.sim.TrafficSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikeline run packets} end to end: the command runs the job on an embedded MiniCluster, on simulated traffic
 * and on real captures, and writes its report.
 */
class RunPacketsTest {
    private static final Path CAPTURES = Path.of("/work/shared/data/pcap");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void classifiesSimulatedTrafficAboveChanceBetterAsItLearnsAndBetterPerFlowThanPerPacket() throws Exception {
        Path reports = tmp.resolve("packets-report");
        String[] r = run("run", "packets", "--seconds", "12", "--report-dir", reports.toString(),
                "--progress-every", "0.5");
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).containsPattern("s of signal \\| +[0-9.]+x real time \\| accuracy .* \\| latency p99 [0-9.]+ ms");

        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(r[1]).contains(text);
        long expected = 0;
        try (TrafficSimulator simulator = new TrafficSimulator(TrafficParameters.defaults(1))) {
            while (simulator.read().captureTimeUs() < 12_000_000) {
                expected++;
            }
        }
        assertThat(figure(text, "^traffic +[0-9.]+ s: (\\d+) packets")).isEqualTo(expected);

        double first = figure(text, "^accuracy first +\\d+ packets: per packet ([0-9.]+)");
        double last = figure(text, "^accuracy last +\\d+ packets: per packet ([0-9.]+)");
        double lastFlow = figure(text, "^accuracy last +\\d+ packets: per packet [0-9.]+, per flow ([0-9.]+)");
        double lastMajority = figure(text, "^accuracy last .*\\(majority class ([0-9.]+)\\)");
        double whole = figure(text, "^accuracy +per packet ([0-9.]+)");
        double wholeFlow = figure(text, "^accuracy +per packet [0-9.]+, per flow \\(running vote at each packet\\) ([0-9.]+)");
        double majority = figure(text, "^accuracy +per packet .*majority class ([0-9.]+)");
        assertThat(last).as("learning improves the classes of later packets").isGreaterThan(first);
        assertThat(last).as("above always naming the most frequent class").isGreaterThan(lastMajority);
        assertThat(whole).isGreaterThan(majority);
        assertThat(wholeFlow).as("a flow's vote beats its packets").isGreaterThanOrEqualTo(whole);
        assertThat(lastFlow).isGreaterThanOrEqualTo(last);
        double p50 = figure(text, "classifier p50 ([0-9.]+) ms");
        double p99 = figure(text, "classifier p50 [0-9.]+ ms, p99 ([0-9.]+) ms");
        assertThat(p99).isGreaterThanOrEqualTo(p50).isPositive();

        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(text.lines().findFirst().orElseThrow()).contains("Confusion matrix per flow")
                .contains("Accuracy over time").contains("latency histogram").contains("<th>QUIC</th>");
        assertThat(html.split("<table>", -1)).hasSize(4);
        assertThat(html.split("<svg", -1)).hasSize(4);
    }

    @Test
    void classifiesEveryPacketOfRealCapturesLabelledByPort() throws Exception {
        long expected = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(CAPTURES, "*.{pcap,pcapng}")) {
            for (Path file : files) {
                try (PcapReader reader = PcapReader.open(file)) {
                    while (reader.read() != null) {
                        expected++;
                    }
                }
            }
        }
        Path reports = tmp.resolve("capture-report");
        String[] r = run("run", "packets", "--input", CAPTURES.toString(), "--report-dir", reports.toString());
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("labelled by port").contains("OTHER");
        assertThat(figure(text, "^traffic +[0-9.]+ s: (\\d+) packets")).isEqualTo(expected);
        double whole = figure(text, "^accuracy +per packet ([0-9.]+)");
        double majority = figure(text, "^accuracy +per packet .*majority class ([0-9.]+)");
        assertThat(whole).isGreaterThan(majority);
    }

    @Test
    void refusesOptionsThatDoNotApplyToCaptures() {
        String[] r = run("run", "packets", "--input", CAPTURES.toString(), "--seconds", "5");
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[2]).contains("--seconds and --seed apply to the simulated traffic");
        r = run("run", "packets", "--channels", "4");
        assertThat(r[2]).contains("--channels applies to bmi only");
        r = run("run", "packets", "--input", tmp.resolve("absent.pcap").toString());
        assertThat(r[2]).contains("no capture file or folder at");
    }

    @Test
    void aSimulatorNamedByUrlWritesEachPacketsFlowDecodingAsJsonLines() throws Exception {
        Path decodings = tmp.resolve("out/flows.jsonl");
        Path reports = tmp.resolve("sim-report");
        String[] r = run("run", "packets", "--seconds", "3", "--source", "sim:packets?seed=2", "--sink",
                "file://" + decodings, "--report-dir", reports.toString());
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("spikeline run packets: 3.0 s of simulated traffic on an embedded Flink "
                + "MiniCluster, decodings to file://" + decodings);
        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).startsWith("spikeline packets: simulated gateway traffic, seed 2")
                .contains("dead letters     0").contains("ended            at the end of the input");

        List<Long> captured = new ArrayList<>();
        try (TrafficSimulator simulator = new TrafficSimulator(TrafficParameters.defaults(2))) {
            for (long t = simulator.read().captureTimeUs(); t < 3_000_000; t = simulator.read().captureTimeUs()) {
                captured.add(t);
            }
        }
        assertThat(figure(text, "^traffic +[0-9.]+ s: (\\d+) packets")).isEqualTo(captured.size());
        // One flow decoding per packet, in the packets' order, at its capture time.
        List<Long> answered = new ArrayList<>();
        for (String line : Files.readAllLines(decodings, StandardCharsets.UTF_8)) {
            answered.add(JSON.readTree(line).get("eventTimeUs").asLong());
        }
        assertThat(answered).isEqualTo(captured);
    }
}
