package io.spikeline.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.runtime.eeg.EegSettings;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.JobEndpoints;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EegConfigTest {
    static final Path EXAMPLE = Path.of("examples", "eeg.yaml");

    @TempDir
    Path tmp;

    private ConfigProblems problems() {
        return new ConfigProblems(tmp, EegConfig::read);
    }

    @Test
    void theExampleStatesTheDefaults() throws Exception {
        EegConfig config = EegConfig.read(EXAMPLE);
        EegSettings d = EegSettings.defaults();
        EegSettings s = config.settings();
        assertThat(s.seconds()).isEqualTo(d.seconds());
        assertThat(s.seed()).isEqualTo(d.seed());
        assertThat(s.realTime()).isEqualTo(d.realTime());
        assertThat(s.bandPass().toString()).isEqualTo(d.bandPass().toString());
        assertThat(s.notch().toString()).isEqualTo(d.notch().toString());
        assertThat(s.encoder()).isEqualTo(d.encoder());
        assertThat(config.reportDir()).isEqualTo(EegConfig.defaults().reportDir());
        assertThat(config.endpoints()).isEqualTo(JobEndpoints.NONE);
    }

    @Test
    void everyKeyReachesTheSettings() throws Exception {
        EegConfig config = EegConfig.read(problems().write("""
                app: eeg
                source:
                  url: kafka://broker:9092/eeg
                  feedback: kafka://broker:9092/eyes
                  seconds: 30
                  seed: 7
                  realtime: true
                notch:
                  order: 4
                  bandHz: [55, 65]
                encoder:
                  kind: sigma-delta
                  step: 5
                report:
                  dir: elsewhere
                """));
        EegSettings s = config.settings();
        assertThat(s.seconds()).isEqualTo(30);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.realTime()).isTrue();
        assertThat(s.notch().order()).isEqualTo(4);
        assertThat(s.notch().edgesHz()).containsExactly(55, 65);
        assertThat(s.bandPass().toString()).isEqualTo(EegSettings.BAND_PASS.toString());
        assertThat(s.encoder()).isEqualTo(new EncoderSpec.SigmaDelta(5));
        assertThat(config.reportDir()).isEqualTo(Path.of("elsewhere"));
        assertThat(config.endpoints().source()).isEqualTo(Endpoint.parse("kafka://broker:9092/eeg"));
        assertThat(config.endpoints().feedback()).isEqualTo(Endpoint.parse("kafka://broker:9092/eyes"));
    }

    @Test
    void badValuesAndUnknownKeysAreReportedAtTheirLine() throws Exception {
        ConfigProblems p = problems();
        p.assertProblem("app: eeg\nsource:\n  seconds: -1\n", 3,
                "source.seconds: seconds must lie in (0, 86400], was -1.0");
        p.assertProblem("app: eeg\nencoder:\n  kind: pulse\n", 3, "encoder.kind must be delta or sigma-delta, was 'pulse'");
        // 130 Hz lies above the Nyquist frequency of the 250 Hz recording.
        p.assertProblemStartsWith("app: eeg\nbandPass:\n  order: 2\n  bandHz: [7, 130]\n", 4, "bandPass.bandHz: ");
        p.assertProblem("app: eeg\nsource:\n  seed: 1\n  chanels: 19\n", 4,
                "unknown key 'source.chanels'; known here: kind, seed, seconds, realtime, url, feedback, control");
        p.assertProblem("app: eeg\nfilter:\n  order: 2\n", 2, "unknown section 'filter'; known: source, sink, bandPass, "
                + "notch, encoder, report");
        p.assertProblem("app: bmi\n", 1, "app 'bmi' is not a eeg configuration");
        p.assertProblem("app: eeg\nsource:\n  url: kafka://broker/eeg\n", 3, "source.url: --source kafka://broker/eeg "
                + "needs --feedback, the stream the decoder learns from");
    }
}
