package io.spikeline.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.encode.ByteCode;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.packets.PacketsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacketsConfigTest {
    static final Path EXAMPLE = Path.of("examples", "packets.yaml");

    @TempDir
    Path tmp;

    private ConfigProblems problems() {
        return new ConfigProblems(tmp, PacketsConfig::read);
    }

    @Test
    void theExampleStatesTheDefaults() throws Exception {
        PacketsConfig config = PacketsConfig.read(EXAMPLE);
        assertThat(config.settings()).isEqualTo(PacketsSettings.defaults());
        assertThat(config.reportDir()).isEqualTo(PacketsConfig.defaults().reportDir());
        assertThat(config.endpoints()).isEqualTo(JobEndpoints.NONE);
    }

    @Test
    void everyKeyReachesTheSettings() throws Exception {
        PacketsConfig config = PacketsConfig.read(problems().write("""
                app: packets
                source:
                  url: kafka://broker:9092/packets
                  seconds: 5
                  seed: 9
                encoder:
                  bytes: 20
                  code: one-hot
                  steps: 1
                network:
                  hidden: 64
                """));
        assertThat(config.settings()).isEqualTo(new PacketsSettings(5, 9, false, List.of(), 20, ByteCode.ONE_HOT, 1,
                64));
        // The packets carry their labels: the source is its own feedback.
        assertThat(config.endpoints().source()).isEqualTo(Endpoint.parse("kafka://broker:9092/packets"));
        assertThat(config.endpoints().feedback()).isSameAs(config.endpoints().source());
    }

    @Test
    void capturesAreReadFromAFileOrFolder() throws Exception {
        Path capture = Files.createFile(tmp.resolve("traffic.pcap"));
        PacketsConfig config = PacketsConfig.read(problems().write("app: packets\nsource:\n  captures: " + tmp + "\n"));
        assertThat(config.settings().captures()).containsExactly(capture.toString());
        assertThat(config.settings().simulated()).isFalse();
    }

    @Test
    void badValuesAndUnknownKeysAreReportedAtTheirLine() throws Exception {
        ConfigProblems p = problems();
        p.assertProblem("app: packets\nencoder:\n  code: morse\n", 3,
                "encoder.code must be nibbles, one-hot or bits, was 'morse'");
        p.assertProblem("app: packets\nnetwork:\n  hidden: 0\n", 3, "network.hidden: hidden units must be > 0, was 0");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        p.assertProblem("app: packets\nsource:\n  captures: " + empty + "\n", 3,
                "source.captures: the folder " + empty + " holds no .pcap or .pcapng file");
        p.assertProblem("app: packets\nsource:\n  captures: x.pcap\n  seconds: 5\n", 4,
                "source.seconds does not apply with source.captures: the whole capture is classified");
        p.assertProblem("app: packets\nsource:\n  feedback: kafka://broker/labels\n", 3,
                "unknown key 'source.feedback'; known here: kind, seed, seconds, realtime, url, captures");
    }
}
