package io.spikeline.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.runtime.ops.LocalOperations;
import io.spikeline.runtime.ops.RunningJob;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which environment the applications get: the cluster's under {@code flink run}, a local MiniCluster otherwise. */
class ClusterEnvironmentTest {

    /** Installs a context environment the way {@code flink run}'s client does before it calls the program's main. */
    private static final class FlinkRunClient extends StreamExecutionEnvironment {
        static void install(Configuration cluster) {
            initializeContextEnvironment(program -> {
                Configuration merged = new Configuration(cluster);
                merged.addAll(program);
                return new StreamExecutionEnvironment(merged);
            });
        }

        static void uninstall() {
            resetContextEnvironment();
        }
    }

    @AfterEach
    void uninstall() {
        FlinkRunClient.uninstall();
    }

    @Test
    void underFlinkRunTheClustersEnvironmentIsUsedWithCheckpointingSwitchedOn() {
        Configuration cluster = new Configuration();
        cluster.set(RestOptions.ADDRESS, "jobmanager");
        cluster.set(RestOptions.PORT, 8081);
        FlinkRunClient.install(cluster);
        StreamExecutionEnvironment env = EmbeddedJob.environment(LocalOperations.defaults());

        assertThat(env).isNotInstanceOf(LocalStreamEnvironment.class);
        assertThat(env.getParallelism()).isEqualTo(1);
        assertThat(env.getBufferTimeout()).isZero();
        assertThat(env.getConfiguration().get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10_000);
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(RunningJob.metrics(env)).isEmpty();
        assertThat(RunningJob.describe(env, "spikeline bmi", new JobID()))
                .contains("at parallelism 1 on the Flink cluster; checkpoints every 10 s exactly-once; "
                        + "restarts: the cluster's default; web UI http://jobmanager:8081/");
    }

    @Test
    void aClusterThatCheckpointsKeepsItsOwnInterval() {
        Configuration cluster = new Configuration();
        cluster.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMinutes(1));
        FlinkRunClient.install(cluster);
        StreamExecutionEnvironment env = EmbeddedJob.environment(LocalOperations.defaults());
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(60_000);
    }

    @Test
    void withoutAClusterTheJobRunsOnALocalMiniClusterThatSaysWhereToLook() {
        StreamExecutionEnvironment env = EmbeddedJob.environment(
                new LocalOperations(Duration.ofMillis(2500), Path.of("/data/ck"), 4, Duration.ofMillis(250),
                        0, 0));
        assertThat(env).isInstanceOf(LocalStreamEnvironment.class);
        assertThat(env.getParallelism()).isEqualTo(1);
        assertThat(env.getBufferTimeout()).isZero();
        assertThat(env.getConfiguration().get(PipelineOptions.GENERIC_TYPES)).isFalse();
        String web = RunningJob.webUi(env).toString();
        String metrics = RunningJob.metrics(env).orElseThrow().toString();
        assertThat(web).matches("http://localhost:[1-9][0-9]*/");
        assertThat(metrics).matches("http://localhost:[1-9][0-9]*/metrics");
        assertThat(RunningJob.describe(env, "spikeline eeg", new JobID())).contains("running 'spikeline eeg' (job ")
                .endsWith(") at parallelism 1 on a local MiniCluster; checkpoints every 2.5 s exactly-once into "
                        + "file:///data/ck; restarts: up to 4, 0.25 s apart, from the last checkpoint; web UI " + web
                        + "; Prometheus metrics " + metrics);
        StreamExecutionEnvironment once = EmbeddedJob.environment(
                new LocalOperations(Duration.ofSeconds(1), Path.of("/data/ck"), 0, Duration.ZERO, 0, 0));
        assertThat(RunningJob.describe(once, "spikeline eeg", new JobID())).contains("; restarts: none; ");
    }
}
