package io.spikeline.runtime.ops;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Where a job runs and how it is operated, read back from its environment's configuration. */
public final class RunningJob {
    private RunningJob() {}

    /** The Flink web UI of a local run, or of the cluster a submitted job runs on. */
    public static URI webUi(StreamExecutionEnvironment env) {
        ReadableConfig config = env.getConfiguration();
        return URI.create("http://" + config.get(RestOptions.ADDRESS) + ":" + config.get(RestOptions.PORT) + "/");
    }

    /** The Prometheus endpoint of a local run; a cluster's reporters are its own configuration's. */
    public static Optional<URI> metrics(StreamExecutionEnvironment env) {
        if (!(env instanceof LocalStreamEnvironment)) {
            return Optional.empty();
        }
        return env.getConfiguration().getOptional(LocalOperations.PROMETHEUS_PORT_OPTION)
                .map(port -> URI.create("http://localhost:" + port + "/metrics"));
    }

    /** One line saying what runs where: job, parallelism, checkpointing, restarts, web UI and metrics. */
    public static String describe(StreamExecutionEnvironment env, String jobName, JobID id) {
        ReadableConfig config = env.getConfiguration();
        boolean local = env instanceof LocalStreamEnvironment;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "running '%s' (job %s) at parallelism %d %s",
                jobName, id, env.getParallelism(), local ? "on a local MiniCluster" : "on the Flink cluster"));
        Optional<Duration> interval = config.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        if (interval.isPresent()) {
            line.append("; checkpoints every ").append(seconds(interval.get())).append(' ')
                    .append(config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE).toString()
                            .toLowerCase(Locale.ROOT).replace('_', '-'));
            config.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
                    .ifPresent(dir -> line.append(" into ").append(dir));
        } else {
            line.append("; no checkpoints");
        }
        line.append("; restarts: ").append(restarts(config));
        line.append("; web UI ").append(webUi(env));
        metrics(env).ifPresent(uri -> line.append("; Prometheus metrics ").append(uri));
        return line.toString();
    }

    /**
     * Removes a finished local job's checkpoint folder: local runs retain no checkpoint of a finished job (Flink
     * discards them itself, in the background, and keeps the job's folders).
     */
    public static void removeCheckpoints(StreamExecutionEnvironment env, JobID id) throws IOException {
        Optional<String> dir = env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        if (!(env instanceof LocalStreamEnvironment) || dir.isEmpty()) {
            return;
        }
        delete(Path.of(URI.create(dir.get())).resolve(id.toString()));
    }

    /** Deletes {@code path} and what it holds, while Flink's own discarding may remove parts of it. */
    private static void delete(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    delete(child);
                }
            } catch (NoSuchFileException gone) {
                return;
            }
        }
        Files.deleteIfExists(path);
    }

    private static String restarts(ReadableConfig config) {
        Optional<String> strategy = config.getOptional(RestartStrategyOptions.RESTART_STRATEGY);
        if (strategy.isEmpty()) {
            return "the cluster's default";
        }
        if (strategy.get().equals("fixed-delay")) {
            int attempts = config.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS);
            return attempts == 0 ? "none" : String.format(Locale.ROOT, "up to %d, %s apart, from the last checkpoint",
                    attempts, seconds(config.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY)));
        }
        return strategy.get();
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
