package io.spikeline.runtime.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * How a local run is operated: exactly-once checkpoints every {@code checkpointInterval} into
 * {@code checkpointDir}, up to {@code restartAttempts} restarts {@code restartDelay} apart from the last checkpoint,
 * the Flink web UI on {@code webUiPort} and the Prometheus metrics endpoint on {@code metricsPort} (a taken port
 * falls back to a free one; 0 asks for any free port).
 */
public record LocalOperations(Duration checkpointInterval, Path checkpointDir, int restartAttempts,
                              Duration restartDelay, int webUiPort, int metricsPort) {

    /** Flink's own lower bound on the checkpoint interval. */
    static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(10);
    /** The reporter that serves {@code /metrics} for Prometheus to scrape. */
    static final String PROMETHEUS_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";
    static final ConfigOption<String> PROMETHEUS_FACTORY_OPTION =
            ConfigOptions.key("metrics.reporter.prometheus.factory.class").stringType().noDefaultValue();
    static final ConfigOption<String> PROMETHEUS_PORT_OPTION =
            ConfigOptions.key("metrics.reporter.prometheus.port").stringType().noDefaultValue();

    public LocalOperations {
        if (checkpointInterval == null || checkpointInterval.compareTo(MIN_CHECKPOINT_INTERVAL) < 0) {
            throw new IllegalArgumentException("checkpointInterval must be at least " + MIN_CHECKPOINT_INTERVAL
                    + ", was " + checkpointInterval);
        }
        if (checkpointDir == null) {
            throw new IllegalArgumentException("checkpointDir must be given, was null");
        }
        if (restartAttempts < 0) {
            throw new IllegalArgumentException("restartAttempts must be >= 0, was " + restartAttempts);
        }
        if (restartDelay == null || restartDelay.isNegative()) {
            throw new IllegalArgumentException("restartDelay must be >= 0, was " + restartDelay);
        }
        requirePort("webUiPort", webUiPort);
        requirePort("metricsPort", metricsPort);
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must lie in [0, 65535], was " + port);
        }
    }

    /** Checkpoints every 10 s into the temporary folder, 3 restarts 2 s apart, web UI on 8081, metrics on 9249. */
    public static LocalOperations defaults() {
        return new LocalOperations(Duration.ofSeconds(10),
                Path.of(System.getProperty("java.io.tmpdir"), "spikeline-checkpoints"), 3, Duration.ofSeconds(2),
                8081, 9249);
    }

    /**
     * The defaults with what {@code environment} overrides: {@code SPIKELINE_CHECKPOINT_SECONDS},
     * {@code SPIKELINE_CHECKPOINT_DIR}, {@code SPIKELINE_RESTART_ATTEMPTS}, {@code SPIKELINE_WEB_PORT},
     * {@code SPIKELINE_METRICS_PORT}.
     */
    public static LocalOperations fromEnvironment(Map<String, String> environment) {
        LocalOperations d = defaults();
        return new LocalOperations(
                read(environment, "SPIKELINE_CHECKPOINT_SECONDS", "a number of seconds", d.checkpointInterval,
                        s -> Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000))),
                read(environment, "SPIKELINE_CHECKPOINT_DIR", "a path", d.checkpointDir, Path::of),
                read(environment, "SPIKELINE_RESTART_ATTEMPTS", "a whole number", d.restartAttempts, Integer::parseInt),
                d.restartDelay,
                read(environment, "SPIKELINE_WEB_PORT", "a port number", d.webUiPort, Integer::parseInt),
                read(environment, "SPIKELINE_METRICS_PORT", "a port number", d.metricsPort, Integer::parseInt));
    }

    private static <T> T read(Map<String, String> environment, String name, String what, T fallback,
                              Function<String, T> parse) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be " + what + ", was '" + value + "'", e);
        }
    }

    /**
     * Writes these operations into {@code config}, choosing the ports now: the web UI on localhost and the
     * metrics endpoint each get their port, or a free one when it is taken.
     */
    public void configure(Configuration config) {
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toAbsolutePath().toUri().toString());
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, restartDelay);
        int web = availablePort(webUiPort);
        config.set(RestOptions.BIND_ADDRESS, "localhost");
        config.set(RestOptions.ADDRESS, "localhost");
        config.set(RestOptions.BIND_PORT, Integer.toString(web));
        config.set(RestOptions.PORT, web);
        config.set(PROMETHEUS_FACTORY_OPTION, PROMETHEUS_FACTORY);
        config.set(PROMETHEUS_PORT_OPTION, Integer.toString(availablePort(metricsPort)));
    }

    /**
     * {@code preferred} when it can be bound now, else a free port (0: any free port). The port is probed on the
     * loopback address (where the web UI listens) and on every address (where the metrics listen), without address
     * reuse: a server already listening on either must count as taken.
     */
    static int availablePort(int preferred) {
        if (preferred != 0 && bindable(new InetSocketAddress(InetAddress.getLoopbackAddress(), preferred))
                && bindable(new InetSocketAddress(preferred))) {
            return preferred;
        }
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port to listen on", e);
        }
    }

    private static boolean bindable(InetSocketAddress address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(address);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
