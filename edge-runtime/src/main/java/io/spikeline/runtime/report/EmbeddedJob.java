package io.spikeline.runtime.report;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** What the applications' embedded runs share: the MiniCluster environment and the collecting loop that times it. */
public final class EmbeddedJob {
    private EmbeddedJob() {}

    /**
     * Wall times in seconds from submission to the first answer (start-up) and to the end.
     */
    public record Timing(double startupSeconds, double wallSeconds) {
        /** Wall time spent answering, after start-up, s. */
        public double answeringSeconds() {
            return wallSeconds - startupSeconds;
        }
    }

    /**
     * A local environment at parallelism 1 with generic types disabled, no restarts and unbuffered network
     * exchanges: a live sensor's feedback follows its signal within milliseconds, and buffers held for the default
     * 100 ms would let a learner run on that long without it.
     */
    public static StreamExecutionEnvironment environment() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.setBufferTimeout(0);
        return env;
    }

    /**
     * Executes the job that ends in {@code output} and hands each of its records to {@code score}; from the first
     * record that is an {@code answer} on, calls {@code progress} with the wall seconds spent answering every
     * {@code progressEverySeconds} (on the calling thread, between records), and once more at the end.
     */
    public static <T> Timing collect(DataStream<T> output, String jobName, Predicate<T> answer, Consumer<T> score,
                                     double progressEverySeconds, DoubleConsumer progress) throws Exception {
        long startNs = System.nanoTime();
        long firstNs = 0;
        boolean answering = false;
        long nextProgressNs = 0;
        long progressEveryNs = Math.round(progressEverySeconds * 1e9);
        try (CloseableIterator<T> records = output.executeAndCollect(jobName)) {
            while (records.hasNext()) {
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
        long endNs = System.nanoTime();
        if (answering) {
            progress.accept((endNs - firstNs) / 1e9);
        }
        return new Timing((firstNs - startNs) / 1e9, (endNs - startNs) / 1e9);
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
