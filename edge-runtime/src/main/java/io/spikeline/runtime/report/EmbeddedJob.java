package io.spikeline.runtime.report;

import io.spikeline.runtime.ops.LocalOperations;
import io.spikeline.runtime.ops.RunningJob;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RpcOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.collect.CollectResultIterator;
import org.apache.flink.streaming.api.operators.collect.CollectSinkOperatorFactory;
import org.apache.flink.streaming.api.operators.collect.CollectStreamSink;
import org.apache.flink.util.CloseableIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the applications' runs share: the environment (a local MiniCluster, or the cluster the command was submitted
 * to) and the collecting loop that times a run.
 */
public final class EmbeddedJob {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedJob.class);

    private EmbeddedJob() {}

    /**
     * Wall times in seconds from submission to the first answer (start-up) and to the end, and the job's counters
     * at its end: its accumulators that are counts ({@link #counters(JobExecutionResult)}), empty when the job's
     * result was not had.
     */
    public record Timing(double startupSeconds, double wallSeconds, Map<String, Long> counters) {
        public Timing {
            counters = Map.copyOf(counters);
        }

        /** Timing without counters. */
        public Timing(double startupSeconds, double wallSeconds) {
            this(startupSeconds, wallSeconds, Map.of());
        }

        /** Counter {@code name}; 0 when the job kept none of that name. */
        public long counter(String name) {
            return counters.getOrDefault(name, 0L);
        }

        /** Wall time spent answering, after start-up, s. */
        public double answeringSeconds() {
            return wallSeconds - startupSeconds;
        }
    }

    /** {@link #environment(LocalOperations)} operated as the process environment's variables say. */
    public static StreamExecutionEnvironment environment() {
        return environment(LocalOperations.fromEnvironment(System.getenv()));
    }

    /**
     * An environment at parallelism 1 with generic types disabled and unbuffered network exchanges: a live sensor's
     * feedback follows its signal within milliseconds, and buffers held for the default 100 ms would let a learner
     * run on that long without it. When the command runs inside {@code flink run}, it is the cluster's context
     * environment, under the cluster's configuration (checkpointing switched on at {@code local}'s interval, exactly
     * once, when the cluster leaves it off); otherwise a local MiniCluster operated as {@code local} says.
     */
    public static StreamExecutionEnvironment environment(LocalOperations local) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        if (env instanceof LocalStreamEnvironment) {
            local.configure(config);
            env = StreamExecutionEnvironment.createLocalEnvironment(config);
        } else if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(local.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        }
        env.setParallelism(1);
        env.setBufferTimeout(0);
        return env;
    }

    /**
     * Executes the job that ends in {@code output} and hands each of its records to {@code score}; from the first
     * record that is an {@code answer} on, calls {@code progress} with the wall seconds spent answering every
     * {@code progressEverySeconds} (on the calling thread, between records), and once more at the end. Logs what
     * runs where once the job is submitted.
     *
     * <p>Records reach {@code score} as soon as the job makes them, not when a checkpoint commits them: exactly-once
     * delivery to this loop would hold every record for up to a checkpoint interval, and the progress line and the
     * timing would measure the checkpoints. The records since the last checkpoint cannot be taken back, so when the
     * job restarts after a failure the run ends with an {@link IllegalStateException} naming it, and the job is
     * cancelled. Jobs that write to brokers resume from their checkpoints instead.
     */
    public static <T> Timing collect(DataStream<T> output, String jobName, Predicate<T> answer, Consumer<T> score,
                                     double progressEverySeconds, DoubleConsumer progress) throws Exception {
        long startNs = System.nanoTime();
        long firstNs = 0;
        boolean answering = false;
        long nextProgressNs = 0;
        long progressEveryNs = Math.round(progressEverySeconds * 1e9);
        StreamExecutionEnvironment env = output.getExecutionEnvironment();
        CloseableIterator<T> live = liveRecords(output);
        JobClient job = submit(env, jobName);
        try (CloseableIterator<T> records = live) {
            while (more(records, jobName)) {
                T record = records.next();
                long now = System.nanoTime();
                if (!answering && answer.test(record)) {
                    answering = true;
                    firstNs = now;
                    nextProgressNs = now + progressEveryNs;
                }
                score.accept(record);
                if (answering && now >= nextProgressNs) {
                    progress.accept((now - firstNs) / 1e9);
                    nextProgressNs = now + progressEveryNs;
                }
            }
        }
        JobExecutionResult result = awaitEnd(env, job);
        long endNs = System.nanoTime();
        if (answering) {
            progress.accept((endNs - firstNs) / 1e9);
        }
        return new Timing((firstNs - startNs) / 1e9, (endNs - startNs) / 1e9, counters(result));
    }

    /**
     * Executes the job built on {@code env}, logging what runs where; waits for its end unless it was submitted
     * detached to a cluster ({@code flink run --detached}).
     */
    public static void execute(StreamExecutionEnvironment env, String jobName) throws Exception {
        JobClient job = submit(env, jobName);
        if (env instanceof LocalStreamEnvironment || env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            awaitEnd(env, job);
        }
    }

    private static JobClient submit(StreamExecutionEnvironment env, String jobName) throws Exception {
        JobClient job = env.executeAsync(jobName);
        LOG.info(RunningJob.describe(env, jobName, job.getJobID()));
        return job;
    }

    private static JobExecutionResult awaitEnd(StreamExecutionEnvironment env, JobClient job) throws Exception {
        JobExecutionResult result = job.getJobExecutionResult().get();
        RunningJob.removeCheckpoints(env, job.getJobID());
        return result;
    }

    /** The accumulators of {@code result} that are counts (integer-valued), by name. */
    public static Map<String, Long> counters(JobExecutionResult result) {
        Map<String, Long> counters = new TreeMap<>();
        for (Map.Entry<String, Object> a : result.getAllAccumulatorResults().entrySet()) {
            if (a.getValue() instanceof Long || a.getValue() instanceof Integer) {
                counters.put(a.getKey(), ((Number) a.getValue()).longValue());
            }
        }
        return counters;
    }

    private static boolean more(CloseableIterator<?> records, String jobName) {
        try {
            return records.hasNext();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("'" + jobName + "' failed or restarted while its records were read ("
                    + cause.getMessage() + "); records cannot be read again after a restart, so the run ends here", e);
        }
    }

    /**
     * The records of {@code output} as they are made. {@code collectAsync} would choose its buffer from the job's
     * checkpointing, and under exactly-once checkpoints release records only when a checkpoint commits them; this
     * collector is {@code collectAsync}'s with the buffer chosen as without checkpoints: live, and failing on a
     * restart rather than handing over records a second time.
     */
    private static <T> CloseableIterator<T> liveRecords(DataStream<T> output) {
        StreamExecutionEnvironment env = output.getExecutionEnvironment();
        ReadableConfig config = env.getConfiguration();
        TypeSerializer<T> serializer = output.getType().createSerializer(env.getConfig().getSerializerConfig());
        String accumulator = "spikeline-collect-" + UUID.randomUUID();
        CollectStreamSink<T> sink = new CollectStreamSink<>(output, new CollectSinkOperatorFactory<>(serializer,
                accumulator, config.get(CollectSinkOperatorFactory.MAX_BATCH_SIZE),
                config.get(CollectSinkOperatorFactory.SOCKET_TIMEOUT)));
        String uid = "spikeline-collect-sink-" + sink.getTransformation().getId();
        sink.name("collect").uid(uid);
        CollectResultIterator<T> records = new CollectResultIterator<>(uid, serializer, accumulator,
                new CheckpointConfig(), config.get(RpcOptions.ASK_TIMEOUT_DURATION).toMillis());
        env.addOperator(sink.getTransformation());
        env.registerCollectIterator(records);
        return records;
    }

    /** Quantile {@code q} in [0, 1] of the first {@code count} of {@code values} (nearest rank); 0 when none. */
    public static long quantile(long[] values, int count, double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}
