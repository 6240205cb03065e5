package io.spikeline.runtime.endpoint;

import io.spikeline.runtime.report.EmbeddedJob;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Predicate;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job whose sources may never end (brokers): it collects and scores the job's output like an embedded run, and
 * ends when the input ends, when the caller has {@code enough}, or when a {@link StopSignal} is raised (Ctrl-C). An
 * early end stops the job with a savepoint rather than cancelling it, so its sinks commit what they wrote (a Kafka
 * exactly-once sink's last transaction included) and its MQTT source acknowledges what it read; the savepoint can
 * resume the job.
 */
public final class LiveJob {
    private static final Logger LOG = LoggerFactory.getLogger(LiveJob.class);
    private static final long STOP_TIMEOUT_SECONDS = 120;

    private LiveJob() {}

    /** How a run ended. */
    public enum Ending {
        /** Every source reached its end. */
        INPUT_ENDED,
        /** The caller had what it asked for. */
        ENOUGH,
        /** A stop was requested. */
        STOPPED
    }

    /**
     * What a run measured.
     *
     * @param savepoint where an early stop saved the job, if it did
     */
    public record Outcome(EmbeddedJob.Timing timing, Ending ending, Optional<String> savepoint) {}

    /**
     * Whether the job's output can be collected by this process: in a local environment; not when a cluster client
     * ({@code flink run}) supplies the environment, where the job's sinks are its only output.
     */
    public static boolean collectable(StreamExecutionEnvironment env) {
        return env instanceof LocalStreamEnvironment;
    }

    /**
     * Executes the job ending in {@code output} and hands each record to {@code score}, until the input ends,
     * {@code enough} holds (checked after each record) or {@code stop} is raised; in the last two cases the job is
     * stopped with a savepoint, and the records it emits until then still go to {@code score}. From the first
     * {@code answer} on, calls {@code progress} with the wall seconds spent answering every
     * {@code progressEverySeconds}, and once at the end.
     */
    public static <T> Outcome collect(DataStream<T> output, String jobName, Predicate<T> answer, Consumer<T> score,
                                      BooleanSupplier enough, StopSignal stop, double progressEverySeconds,
                                      DoubleConsumer progress) throws Exception {
        StreamExecutionEnvironment env = output.getExecutionEnvironment();
        CloseableIterator<T> records = output.collectAsync();
        long startNs = System.nanoTime();
        JobClient job = env.executeAsync(jobName);
        // The stop runs beside the collecting loop, which must keep draining the job for the savepoint to pass.
        AtomicReference<CompletableFuture<String>> stopping = new AtomicReference<>();
        stop.whenRequested(() -> stopping.compareAndSet(null,
                CompletableFuture.supplyAsync(() -> stopWithSavepoint(job, env))));
        long firstNs = 0;
        boolean answering = false;
        long nextProgressNs = 0;
        long progressEveryNs = Math.round(progressEverySeconds * 1e9);
        Ending ending = Ending.INPUT_ENDED;
        try (records) {
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
                if (!stop.requested() && enough.getAsBoolean()) {
                    ending = Ending.ENOUGH;
                    stop.request();
                }
            }
        } catch (RuntimeException e) {
            if (!stop.requested()) {
                throw e;
            }
            // The job went down under the stop; what was collected stands.
            LOG.debug("collecting ended with the stop of job {}", job.getJobID(), e);
        }
        if (stop.requested() && ending == Ending.INPUT_ENDED) {
            ending = Ending.STOPPED;
        }
        long endNs = System.nanoTime();
        if (answering) {
            progress.accept((endNs - firstNs) / 1e9);
        }
        double startup = answering ? (firstNs - startNs) / 1e9 : (endNs - startNs) / 1e9;
        CompletableFuture<String> stopped = stopping.get();
        Optional<String> savepoint = Optional.ofNullable(stopped == null ? null : stopped.get());
        return new Outcome(new EmbeddedJob.Timing(startup, (endNs - startNs) / 1e9, counters(job)), ending,
                savepoint);
    }

    /**
     * The counters of the job, which has ended or is ending: those of its result; none when it failed or its result
     * does not come within {@link #STOP_TIMEOUT_SECONDS}.
     */
    private static Map<String, Long> counters(JobClient job) {
        try {
            return EmbeddedJob.counters(job.getJobExecutionResult().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            LOG.debug("job {} ended without a result; its counters are unknown", job.getJobID(), e);
            return Map.of();
        }
    }

    /** Submits the job without collecting anything (its sinks are its output); returns its id. */
    public static String submit(StreamExecutionEnvironment env, String jobName) throws Exception {
        return env.executeAsync(jobName).getJobID().toString();
    }

    private static String stopWithSavepoint(JobClient job, StreamExecutionEnvironment env) {
        try {
            String path = job.stopWithSavepoint(false, savepointDirectory(env), SavepointFormatType.CANONICAL)
                    .get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("job {} stopped with savepoint {}", job.getJobID(), path);
            return path;
        } catch (Exception e) {
            // The job may have ended by itself meanwhile; otherwise cancel it rather than leave it running.
            LOG.warn("stopping job {} with a savepoint failed ({}); cancelling it", job.getJobID(), e.toString());
            try {
                job.cancel().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception ended) {
                LOG.debug("cancelling job {}: it has ended", job.getJobID(), ended);
            }
            return null;
        }
    }

    /** The configured savepoint directory, else a fresh temporary one. */
    private static String savepointDirectory(StreamExecutionEnvironment env) throws Exception {
        Optional<String> configured = env.getConfiguration().getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY);
        return configured.isPresent() ? configured.get()
                : Files.createTempDirectory("spikeline-savepoints").toUri().toString();
    }
}
