package io.spikeline.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.gesture.GestureSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GestureConfigTest {
    static final Path EXAMPLE = Path.of("examples", "gesture.yaml");

    @TempDir
    Path tmp;

    private ConfigProblems problems() {
        return new ConfigProblems(tmp, GestureConfig::read);
    }

    @Test
    void theExampleStatesTheDefaults() throws Exception {
        GestureConfig config = GestureConfig.read(EXAMPLE);
        assertThat(config.settings()).isEqualTo(GestureSettings.defaults());
        assertThat(config.reportDir()).isEqualTo(GestureConfig.defaults().reportDir());
        assertThat(config.endpoints()).isEqualTo(JobEndpoints.NONE);
    }

    @Test
    void everyKeyReachesTheSettings() throws Exception {
        GestureConfig config = GestureConfig.read(problems().write("""
                app: gesture
                source:
                  seconds: 45
                  seed: 3
                  realtime: true
                decision:
                  confidence: 1
                labels:
                  waitSeconds: 0.5
                sink:
                  decodings: file:gestures.jsonl
                  deadLetters: file:dead.jsonl
                """));
        assertThat(config.settings()).isEqualTo(new GestureSettings(45, 3, true, 1, 0.5));
        assertThat(config.endpoints().sink()).isEqualTo(Endpoint.parse("file:gestures.jsonl"));
        assertThat(config.endpoints().deadLetters()).isEqualTo(Endpoint.parse("file:dead.jsonl"));
    }

    @Test
    void badValuesAndUnknownKeysAreReportedAtTheirLine() throws Exception {
        ConfigProblems p = problems();
        p.assertProblem("app: gesture\nsource:\n  seconds: 10\ndecision:\n  confidence: 1.5\n", 5,
                "decision.confidence: confidence threshold must lie in (0, 1], was 1.5");
        p.assertProblem("app: gesture\nlabels:\n  waitSeconds: -1\n", 3,
                "labels.waitSeconds: label wait must lie in [0, 3600] s, was -1.0");
        p.assertProblem("app: gesture\nsource:\n  realtime: sometimes\n", 3,
                "source.realtime must be true or false, was 'sometimes'");
        p.assertProblem("app: gesture\nsource:\n  seconds: 10\n  control: kafka://broker/control\n", 4,
                "unknown key 'source.control'; known here: kind, seed, seconds, realtime, url, feedback");
    }
}
