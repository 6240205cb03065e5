package io.spikeline.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;

class LocalOperationsTest {

    @Test
    void theDefaultsCheckpointEveryTenSecondsAndServeOnFlinkAndPrometheusPorts() {
        LocalOperations d = LocalOperations.defaults();
        assertThat(d.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.checkpointDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "spikeline-checkpoints"));
        assertThat(d.webUiPort()).isEqualTo(8081);
        assertThat(d.metricsPort()).isEqualTo(9249);
        assertThat(LocalOperations.fromEnvironment(Map.of())).isEqualTo(d);
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        LocalOperations o = LocalOperations.fromEnvironment(Map.of("SPIKELINE_CHECKPOINT_SECONDS", "2.5",
                "SPIKELINE_CHECKPOINT_DIR", "/var/spikeline", "SPIKELINE_RESTART_ATTEMPTS", "0",
                "SPIKELINE_WEB_PORT", "0", "SPIKELINE_METRICS_PORT", "19249"));
        assertThat(o).isEqualTo(new LocalOperations(Duration.ofMillis(2500), Path.of("/var/spikeline"), 0,
                LocalOperations.defaults().restartDelay(), 0, 19249));
        assertThatThrownBy(() -> LocalOperations.fromEnvironment(Map.of("SPIKELINE_WEB_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SPIKELINE_WEB_PORT must be a port number, was 'eighty'");
        assertThatThrownBy(() -> LocalOperations.fromEnvironment(Map.of("SPIKELINE_METRICS_PORT", "70000")))
                .hasMessage("metricsPort must lie in [0, 65535], was 70000");
        assertThatThrownBy(() -> LocalOperations.fromEnvironment(Map.of("SPIKELINE_CHECKPOINT_SECONDS", "0.001")))
                .hasMessage("checkpointInterval must be at least PT0.01S, was PT0.001S");
    }

    @Test
    void invalidOperationsAreRefusedNamingTheField() {
        Path dir = Path.of("ck");
        assertThatThrownBy(() -> new LocalOperations(Duration.ofSeconds(1), dir, -1, Duration.ZERO, 0, 0))
                .hasMessage("restartAttempts must be >= 0, was -1");
        assertThatThrownBy(() -> new LocalOperations(Duration.ofSeconds(1), dir, 1, Duration.ofSeconds(-1), 0, 0))
                .hasMessage("restartDelay must be >= 0, was PT-1S");
        assertThatThrownBy(() -> new LocalOperations(Duration.ofSeconds(1), null, 1, Duration.ZERO, 0, 0))
                .hasMessage("checkpointDir must be given, was null");
        assertThatThrownBy(() -> new LocalOperations(Duration.ofSeconds(1), dir, 1, Duration.ZERO, -2, 0))
                .hasMessage("webUiPort must lie in [0, 65535], was -2");
    }

    @Test
    void aTakenPortFallsBackToAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            int chosen = LocalOperations.availablePort(port);
            assertThat(chosen).isNotEqualTo(port).isPositive();
            try (ServerSocket free = new ServerSocket(chosen)) {
                assertThat(free.getLocalPort()).isEqualTo(chosen);
            }
        }
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        assertThat(LocalOperations.availablePort(free)).isEqualTo(free);
    }

    @Test
    void aPortTakenOnlyOnTheLoopbackAddressCountsAsTaken() throws Exception {
        // The web UI of another local run listens on 127.0.0.1 only; a probe on every address alone would pass.
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(LocalOperations.availablePort(port)).isNotEqualTo(port);
        }
    }

    @Test
    void theConfigurationCheckpointsExactlyOnceIntoTheFolderAndRestartsWithAFixedDelay() {
        Configuration config = new Configuration();
        new LocalOperations(Duration.ofSeconds(3), Path.of("/data/ck"), 5, Duration.ofMillis(500), 0, 0)
                .configure(config);
        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE))
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///data/ck");
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS)).isEqualTo(5);
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY))
                .isEqualTo(Duration.ofMillis(500));
        assertThat(config.get(RestOptions.BIND_ADDRESS)).isEqualTo("localhost");
        assertThat(Integer.parseInt(config.get(RestOptions.BIND_PORT))).isEqualTo(config.get(RestOptions.PORT))
                .isPositive();
        assertThat(config.get(LocalOperations.PROMETHEUS_FACTORY_OPTION)).isEqualTo(LocalOperations.PROMETHEUS_FACTORY);
    }
}
