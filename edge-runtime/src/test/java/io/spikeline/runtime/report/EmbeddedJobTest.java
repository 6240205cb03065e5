package io.spikeline.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.operators.signal.BesselFilterFunction;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.runtime.ops.LocalOperations;
import io.spikeline.runtime.ops.RunningJob;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local runs on the MiniCluster: web UI, Prometheus endpoint, live delivery, restarts from checkpoints. */
class EmbeddedJobTest {
    /** Holds the probe's source until the test has looked at the running job. */
    private static final CountDownLatch LOOKED = new CountDownLatch(1);
    /** Set once the injected failure has happened, so that the restarted job runs through. */
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    /** The last count a job without a collecting sink reached. */
    private static final AtomicLong LAST_COUNT = new AtomicLong();

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    /*
     * The source blocks until the client has seen the first frame and asked the endpoints, and no checkpoint can
     * complete meanwhile (its interval is an hour): were records held for a checkpoint, the test would never end.
     */
    @Test
    @Timeout(120)
    void theWebUiAndPrometheusAnswerWhileTheJobRunsAndRecordsArriveBeforeAnyCheckpoint() throws Exception {
        StreamExecutionEnvironment env = EmbeddedJob.environment(
                new LocalOperations(Duration.ofHours(1), tmp, 0, Duration.ZERO, 0, 0));
        DataStream<SampleFrame> frames = env.fromSource(new DataGeneratorSource<>(new HeldFrames(), 20,
                RecordTypes.SAMPLE_FRAME), WatermarkStrategy.noWatermarks(), "frames")
                .keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(FilterSpec.causal(BandType.LOWPASS, 2, new double[] {50},
                        BesselNorm.PHASE))).returns(RecordTypes.SAMPLE_FRAME).name("bessel low-pass");
        URI webUi = RunningJob.webUi(env);
        URI metrics = RunningJob.metrics(env).orElseThrow();
        List<String> seen = new ArrayList<>();
        List<SampleFrame> filtered = new ArrayList<>();
        EmbeddedJob.collect(frames, "spikeline probe", f -> true, f -> {
            if (filtered.isEmpty()) {
                seen.add(get(webUi.resolve("jobs/overview")));
                seen.add(get(metrics));
                LOOKED.countDown();
            }
            filtered.add(f);
        }, 1, s -> { });

        assertThat(filtered).hasSize(20);
        assertThat(tmp).as("the finished job's checkpoint folder is gone").isEmptyDirectory();
        assertThat(seen.get(0)).contains("\"name\":\"spikeline probe\"").contains("\"state\":\"RUNNING\"");
        assertThat(seen.get(1)).containsPattern("flink_jobmanager_numRunningJobs\\{[^}]*\\} 1.0")
                .containsPattern("flink_taskmanager_job_task_operator_channelSamples\\{[^}]*"
                        + "operator_name=\"bessel_low_pass\"");
    }

    /*
     * Flink's own collecting iterator takes records at checkpoints when they are checkpointed exactly-once, so it
     * sees every count once across the restart; the counts go 1..n without a gap or a repeat only when the state and
     * the source's position were both restored from the same checkpoint.
     */
    @Test
    @Timeout(120)
    void aFailedJobRestartsFromItsLastCheckpoint() throws Exception {
        Path checkpoints = tmp.resolve("checkpoints");
        FAILED.set(false);
        int n = 600;
        List<Long> seen = counts(checkpoints, n).executeAndCollect("spikeline restart probe", 2 * n);

        assertThat(FAILED).isTrue();
        assertThat(seen).isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
        try (Stream<Path> jobs = Files.list(checkpoints)) {
            assertThat(jobs).hasSize(1);
        }
    }

    @Test
    @Timeout(120)
    void aRunThatReadsLiveEndsWhenItsJobRestarts() throws Exception {
        FAILED.set(false);
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> EmbeddedJob.collect(counts(tmp, 600), "spikeline restart probe", c -> true,
                seen::add, 1, s -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("'spikeline restart probe' failed or restarted while its records were read");
        assertThat(FAILED).isTrue();
        assertThat(seen).isNotEmpty().hasSizeLessThan(600);
    }

    /** Numbers 0..n-1 at 200 per second, failing once, and their running count in keyed state. */
    private static DataStream<Long> counts(Path checkpoints, int n) {
        StreamExecutionEnvironment env = EmbeddedJob.environment(
                new LocalOperations(Duration.ofSeconds(1), checkpoints, 1, Duration.ofMillis(100), 0, 0));
        return env.fromSource(new DataGeneratorSource<>(index -> index, n,
                        RateLimiterStrategy.perSecond(200), Types.LONG), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new FailOnceAfterACheckpoint()).returns(Types.LONG)
                .keyBy(x -> 0, Types.INT)
                .process(new Count()).returns(Types.LONG);
    }

    @Test
    @Timeout(120)
    void aJobWritingElsewhereRunsToItsEndAndLeavesNoCheckpoints() throws Exception {
        FAILED.set(true);
        LAST_COUNT.set(0);
        DataStream<Long> counts = counts(tmp, 300);
        counts.map(c -> {
            LAST_COUNT.set(c);
            return c;
        }).returns(Types.LONG).sinkTo(new DiscardingSink<>());
        EmbeddedJob.execute(counts.getExecutionEnvironment(), "spikeline sink probe");
        assertThat(LAST_COUNT).hasValue(300);
        assertThat(tmp).isEmptyDirectory();
    }

    private String get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(uri + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Two-channel frames of 10 samples at 1 kHz; the sixth waits until the test has looked at the running job. */
    private static final class HeldFrames implements GeneratorFunction<Long, SampleFrame> {
        @Override
        public SampleFrame map(Long index) throws InterruptedException {
            if (index == 5) {
                LOOKED.await();
            }
            float[] data = new float[20];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) Math.sin(index * 10 + i / 2);
            }
            return new SampleFrame("probe", index, index * 10_000, 1000, 2, 10, data);
        }
    }

    /**
     * Fails the job once, 20 numbers after a completed checkpoint that holds at least 10 numbers, so that records
     * made after the checkpoint have reached the client when the job fails.
     */
    private static final class FailOnceAfterACheckpoint extends RichMapFunction<Long, Long>
            implements CheckpointedFunction, CheckpointListener {
        private final Map<Long, Long> passedAtCheckpoint = new HashMap<>();
        private long passed;
        private long passedAtCompletedCheckpoint;

        @Override
        public Long map(Long value) {
            if (passedAtCompletedCheckpoint >= 10 && passed >= passedAtCompletedCheckpoint + 100
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            passed++;
            return value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            passedAtCheckpoint.put(context.getCheckpointId(), passed);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            passedAtCompletedCheckpoint = passedAtCheckpoint.getOrDefault(checkpointId, passedAtCompletedCheckpoint);
        }
    }

    /** Counts the numbers in keyed state and emits the count so far. */
    private static final class Count extends KeyedProcessFunction<Integer, Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            out.collect(c);
        }
    }
}
