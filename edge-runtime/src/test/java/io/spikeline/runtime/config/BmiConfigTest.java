package io.spikeline.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.runtime.bmi.BmiSettings;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.JobEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BmiConfigTest {
    /** The documented example, from the module's folder (the working directory of its tests). */
    static final Path EXAMPLE = Path.of("examples", "bmi.yaml");

    @TempDir
    Path tmp;

    private Path write(String yaml) throws Exception {
        Path file = tmp.resolve("bmi.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private void assertProblem(String yaml, int line, String message) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> BmiConfig.read(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":" + line + ": " + message)
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(line));
    }

    @Test
    void theExampleStatesTheDefaults() throws Exception {
        BmiConfig config = BmiConfig.read(EXAMPLE);
        BmiSettings d = BmiSettings.defaults();
        BmiSettings s = config.settings();
        assertThat(s.input()).isEqualTo(d.input());
        assertThat(s.seconds()).isEqualTo(d.seconds());
        assertThat(s.seed()).isEqualTo(d.seed());
        assertThat(s.channels()).isEqualTo(d.channels());
        assertThat(s.realTime()).isEqualTo(d.realTime());
        assertThat(s.learnSeconds()).isEqualTo(d.learnSeconds());
        assertThat(s.bandPass().toString()).isEqualTo(d.bandPass().toString());
        assertThat(s.detection()).isEqualTo(d.detection());
        assertThat(config.reportDir()).isEqualTo(Path.of(BmiConfig.DEFAULT_REPORT_DIR));
        assertThat(config.endpoints()).isEqualTo(JobEndpoints.NONE);
    }

    @Test
    void endpointsAreReadAsUrlsAndTheCommandLineOverridesThem() throws Exception {
        BmiConfig config = BmiConfig.read(write("""
                app: bmi
                source:
                  input: spike-counts
                  url: kafka://broker:9092/spikes?start=earliest
                  feedback: mqtt://gateway/lab/velocity
                sink:
                  decodings: file:decoded.jsonl
                """));
        JobEndpoints e = config.endpoints();
        assertThat(e.source()).isEqualTo(Endpoint.parse("kafka://broker:9092/spikes?start=earliest"));
        assertThat(e.feedback()).isEqualTo(Endpoint.parse("mqtt://gateway/lab/velocity"));
        assertThat(e.sink()).isEqualTo(Endpoint.parse("file:decoded.jsonl"));
        assertThat(e.deadLetters()).isNull();
        JobEndpoints overridden = e.overriddenBy(null, null, "kafka://broker/decoded", "file:dead.jsonl", null);
        assertThat(overridden.source()).isEqualTo(e.source());
        assertThat(overridden.sink()).isEqualTo(Endpoint.parse("kafka://broker/decoded"));
        assertThat(overridden.deadLetters()).isEqualTo(Endpoint.parse("file:dead.jsonl"));
    }

    @Test
    void endpointProblemsAreReportedAtTheirLine() throws Exception {
        assertProblem("app: bmi\nsource:\n  url: kafka://broker:9092\n  feedback: kafka://broker/v\n", 3,
                "source.url: 'kafka://broker:9092': the topic is missing (expected kafka://host:port/topic)");
        assertProblem("app: bmi\nsource:\n  url: kafka://broker/spikes\n", 3,
                "source.url: --source kafka://broker/spikes needs --feedback, the stream the decoder learns from");
        assertProblem("app: bmi\nsource:\n  kind: simulator\n  url: kafka://broker/spikes\n", 4,
                "source.url replaces the simulator: give it without source.kind");
        assertProblem("app: bmi\nsink:\n  deadLetters: sim:eeg\n", 3,
                "sink.deadLetters: 'sim:eeg' is a simulator, which can only be a source");
    }

    @Test
    void givenKeysOverrideTheDefaults() throws Exception {
        BmiConfig config = BmiConfig.read(write("""
                app: bmi
                source:
                  input: spike-counts
                  channels: 32
                  seconds: 12.5
                learning:
                  stopAfterSeconds: 6
                feedback:
                  waitSeconds: 0.5
                filter:
                  bandHz: [250, 5000]
                  norm: mag
                report:
                  dir: out/here
                """));
        BmiSettings s = config.settings();
        assertThat(s.input()).isEqualTo(BmiSettings.Input.SPIKE_COUNTS);
        assertThat(s.channels()).isEqualTo(32);
        assertThat(s.seconds()).isEqualTo(12.5);
        assertThat(s.learnSeconds()).isEqualTo(6);
        assertThat(s.feedbackWaitSeconds()).isEqualTo(0.5);
        assertThat(s.feedbackWaitMs()).isEqualTo(500);
        assertThat(s.bandPass().edgesHz()).containsExactly(250, 5000);
        assertThat(s.bandPass().order()).isEqualTo(2);
        assertThat(config.reportDir()).isEqualTo(Path.of("out/here"));
    }

    @Test
    void problemsAreReportedWithTheirLine() throws Exception {
        assertProblem("app: bmi\nsource:\n  chanels: 96\n", 3,
                "unknown key 'source.chanels'; known here: kind, input, channels, seed, seconds, realtime, url, feedback, control");
        assertProblem("app: bmi\nsources:\n  channels: 96\n", 2,
                "unknown section 'sources'; known: source, sink, filter, detection, learning, feedback, report");
        assertProblem("app: bmi\nsource:\n  seed: 1\n  channels: many\n", 4, "source.channels must be an integer, was 'many'");
        assertProblem("app: bmi\nsource:\n  channels: 5000\n", 3,
                "source.channels: channels must lie in 1..4096, was 5000");
        assertProblem("app: bmi\nfilter:\n  order: 2\n  bandHz: [300, 20000]\n", 4, "filter.bandHz: "
                + new ExpectedDesignFailure().message());
        assertProblem("app: bmi\nsource:\n  input: lfp\n", 3, "source.input must be broadband or spike-counts, was 'lfp'");
        assertProblem("app: bmi\ndetection:\n  thresholdSigma: 0\n", 2, "detection: "
                + "ThresholdCrossingParams: thresholdMultiple must be non-zero (negative detects negative-going crossings, "
                + "positive detects positive-going ones), was 0");
        assertProblem("app: bmi\nfeedback:\n  waitSeconds: -1\n", 3,
                "feedback.waitSeconds: feedback wait must lie in [0, 3600] s, was -1.0");
        assertProblem("app: eeg\n", 1, "app 'eeg' is not a bmi configuration");
        assertProblem("source:\n  seed: 1\n", 1, "app is missing; this configuration must say 'app: bmi'");
        assertProblem("app: bmi\nsource:\n  seed: 1\n  seed: 2\n", 4, "key 'source.seed' appears twice");
        assertProblem("app: bmi\nsource:\n  seed: [1, 2]\n", 3, "source.seed must be a single value, was a list");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws Exception {
        Path file = write("app: bmi\nsource:\n  seed: 1\n   channels: [96\n");
        assertThatThrownBy(() -> BmiConfig.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":4: not valid YAML: ");
    }

    /** What the filter design itself says of a band edge above Nyquist at 30 kHz. */
    private static final class ExpectedDesignFailure {
        String message() {
            try {
                BmiSettings.defaults().withBandPass(
                        FilterSpec.causal(BandType.BANDPASS, 2, new double[] {300, 20000}, BesselNorm.PHASE));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            throw new AssertionError("a 20 kHz band edge at 30 kHz was accepted");
        }
    }
}
