package io.spikeline.integration.faults;

import io.spikeline.connectors.kafka.KafkaTestClients;
import io.spikeline.connectors.mqtt.testing.CollectingSink;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.operators.snn.ModelSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One submission of a {@link ReachingPipeline} job to the test's MiniCluster: unbounded sources, checkpoints every
 * 200 ms kept on cancellation under {@code checkpoints}, restarts on failure, optionally restored from a
 * checkpoint or savepoint. A run ends when the test cancels or stops it, or at the latest when it is closed.
 */
final class PipelineRun implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofMinutes(3);

    private final MiniCluster cluster;
    private final JobClient job;
    private final Path checkpoints;
    private final CollectingSink<ModelSnapshot> exports;

    private PipelineRun(MiniCluster cluster, JobClient job, Path checkpoints, CollectingSink<ModelSnapshot> exports) {
        this.cluster = cluster;
        this.job = job;
        this.checkpoints = checkpoints;
        this.exports = exports;
    }

    /** Adds a job to an environment; the job sends the models its decoder exports to {@code exports}. */
    @FunctionalInterface
    interface Job {
        void build(StreamExecutionEnvironment env, CollectingSink<ModelSnapshot> exports);
    }

    /**
     * Submits {@code job}.
     *
     * @param restorePath a retained checkpoint or a savepoint to start from, or {@code null}
     */
    static PipelineRun start(MiniCluster cluster, int parallelism, Path checkpoints, String restorePath, Job job)
            throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restorePath != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.enableCheckpointing(200);
        CollectingSink<ModelSnapshot> exports = new CollectingSink<>();
        job.build(env, exports);
        return new PipelineRun(cluster, env.executeAsync("reaching decoder"), checkpoints, exports);
    }

    /** The models the decoder exported so far. */
    List<ModelSnapshot> exports() {
        return exports.results();
    }

    /**
     * Waits until at least {@code count} decodings are committed to the run's topic; returns them all. Polls
     * with a {@code read_committed} consumer, which sees a decoding only once the checkpoint after it completed.
     */
    static List<ConsumerRecord<byte[], byte[]>> awaitCommitted(KafkaTestClients clients, String topic, int count)
            throws Exception {
        // Polled every 300 ms, not at Poll's pace: each look opens a consumer and reads the topic to its end.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> committed = clients.readCommitted(topic);
            if (committed.size() >= count) {
                return committed;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PATIENCE + " waiting for " + count
                        + " committed decodings on " + topic + ", have " + committed.size());
            }
            Thread.sleep(300);
        }
    }

    /**
     * Waits until the run has decoded its whole input and committed every decoding: every key has exported its
     * model (which the decoder does on the key's last frame, in the same step as the frame's decodings), then a
     * checkpoint triggered after that has completed (its barrier followed those decodings into the sink, whose
     * transaction commits when it completes). Returns what a {@code read_committed} consumer then reads, which
     * includes that transaction once it is committed.
     */
    List<ConsumerRecord<byte[], byte[]>> awaitEnd(KafkaTestClients clients, String topic, int keys) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Poll.until(PATIENCE, () -> exports().stream().map(ModelSnapshot::sourceKey).distinct().count() >= keys,
                () -> "exports of " + keys + " keys, have " + exports());
        long exportedMs = System.currentTimeMillis();
        // One patience for both waits: what is left of it after the exports.
        Poll.until(Duration.ofNanos(deadline - System.nanoTime()),
                checked(() -> latestCompletedCheckpointTriggerMs() > exportedMs),
                () -> "a checkpoint after the exports");
        return clients.readCommitted(topic);
    }

    /** The parallelism of the job's operator named {@code name} (as the job graph names its chain). */
    int parallelismOf(String name) throws Exception {
        for (AccessExecutionJobVertex vertex : cluster.getArchivedExecutionGraph(job.getJobID()).get()
                .getAllVertices().values()) {
            if (vertex.getName().startsWith(name)) {
                return vertex.getParallelism();
            }
        }
        throw new AssertionError("no operator " + name + " in job " + job.getJobID());
    }

    private long latestCompletedCheckpointTriggerMs() throws Exception {
        CheckpointStatsSnapshot stats = cluster.getArchivedExecutionGraph(job.getJobID()).get()
                .getCheckpointStatsSnapshot();
        CompletedCheckpointStats latest = stats == null ? null : stats.getHistory().getLatestCompletedCheckpoint();
        return latest == null ? Long.MIN_VALUE : latest.getTriggerTimestamp();
    }

    /** Cancels the job and waits until it is cancelled; its latest completed checkpoint stays on disk. */
    void cancel() throws Exception {
        job.cancel().get();
        awaitTerminal();
    }

    /** Stops the job with a canonical savepoint under {@code directory}; returns the savepoint's path. */
    String stopWithSavepoint(Path directory) throws Exception {
        String path = job.stopWithSavepoint(false, directory.toUri().toString(), SavepointFormatType.CANONICAL).get();
        awaitTerminal();
        return path;
    }

    /** The newest checkpoint of this job retained under the run's checkpoint directory. */
    String retainedCheckpoint() throws IOException {
        Path jobDir = checkpoints.resolve(job.getJobID().toString());
        try (Stream<Path> dirs = Files.list(jobDir)) {
            Optional<Path> newest = dirs
                    .filter(d -> d.getFileName().toString().startsWith("chk-"))
                    .filter(d -> Files.exists(d.resolve("_metadata")))
                    .max(Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(4))));
            return newest.orElseThrow(() -> new AssertionError("no retained checkpoint under " + jobDir))
                    .toUri().toString();
        }
    }

    /** Cancels the job unless it has ended, so that a failed test leaves the cluster's slots to the next. */
    @Override
    public void close() throws Exception {
        if (!job.getJobStatus().get().isGloballyTerminalState()) {
            cancel();
        }
    }

    private void awaitTerminal() {
        Poll.until(PATIENCE, checked(() -> job.getJobStatus().get().isGloballyTerminalState()),
                () -> "job " + job.getJobID() + " to end");
    }

    /** A condition whose checked failure fails the wait. */
    private static BooleanSupplier checked(Callable<Boolean> condition) {
        return () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
