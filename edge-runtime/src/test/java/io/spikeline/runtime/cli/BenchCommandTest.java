package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code spikeline bench} as a user runs it: options, one trial's line, and a short soak's lines and verdict. */
class BenchCommandTest {

    @Test
    void helpExplainsEveryOptionWithItsDefault() {
        String[] r = run("bench", "--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("--scenario", "--via", "--bootstrap", "--seconds", "--warmup", "--p99-ms", "--start",
                "--max", "--at", "--parallelism", "--channels", "--soak", "--minutes", "--probes", "--interval",
                "--checkpoint-every", "--tolerance");
        assertThat(r[1].replaceAll("\\s+", " ")).contains("(default: 8)", "(default: 3)", "(default: 50)",
                "(default: inprocess)",
                "(default: 384, a Neuropixels probe)", "(default: 0.2)", "probes, events, packets");
    }

    @Test
    void oneTrialPrintsItsLineAndTheScenarioSummary() {
        String[] r = run("bench", "--scenario", "packets", "--at", "500", "--seconds", "1", "--warmup", "0.2",
                "--p99-ms", "60000");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        Matcher trial = Pattern.compile("^  packets +500 packets/s .* (\\d+)/(\\d+) decodings$", Pattern.MULTILINE)
                .matcher(r[1]);
        assertThat(trial.find()).as(r[1]).isTrue();
        assertThat(trial.group(1)).isEqualTo("500").isEqualTo(trial.group(2));
        assertThat(r[1]).containsPattern("(?m)^packets via inprocess: 500 packets/s (sustained|not sustained), "
                + "[0-9.]+ ([kM] )?packets/s, latency p50 [0-9.]+ ms, p99 [0-9.]+ ms, p99.9 [0-9.]+ ms$");
    }

    @Test
    void aShortSoakPrintsASampleEveryIntervalAndAVerdictThatMatchesItsExitCode() {
        String[] r = run("bench", "--soak", "--minutes", "0.2", "--interval", "2", "--checkpoint-every", "1",
                "--probes", "1", "--channels", "8");
        assertThat(r[0]).as(r[2]).isIn("0", "1");
        Matcher sample = Pattern.compile("^  soak +[0-9]+ s  heap +([0-9.]+) MB \\| state +([0-9.]+) KB \\| "
                + "latency p99 +[0-9.]+ ms \\| \\d+ decodings$", Pattern.MULTILINE).matcher(r[1]);
        int samples = 0;
        double lastStateKb = 0;
        while (sample.find()) {
            samples++;
            assertThat(Double.parseDouble(sample.group(1))).isPositive();
            lastStateKb = Double.parseDouble(sample.group(2));
        }
        // 12 s of sensor time in 2 s intervals: the last may end with the run.
        assertThat(samples).as(r[1]).isBetween(4, 6);
        assertThat(lastStateKb).as("a checkpoint of the pipeline's state has completed by the end").isPositive();
        assertThat(r[1]).contains("soak verdict: " + (r[0].equals("0") ? "flat" : "GROWING"));
    }

    @Test
    void optionsThatCannotApplyAreRefused() {
        String[] loads = run("bench", "--max", "5");
        assertThat(loads[0]).isEqualTo("2");
        assertThat(loads[2]).contains("--start, --max and --at need exactly one --scenario");
        String[] kafka = run("bench", "--via", "kafka");
        assertThat(kafka[0]).isEqualTo("2");
        assertThat(kafka[2]).contains("--via kafka needs --bootstrap host:port");
        String[] bound = run("bench", "--scenario", "events", "--p99-ms", "0");
        assertThat(bound[0]).isEqualTo("2");
        assertThat(bound[2]).contains("p99 bound must be finite and > 0 ms, was 0.0");
    }
}
