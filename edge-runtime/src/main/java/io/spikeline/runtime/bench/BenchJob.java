package io.spikeline.runtime.bench;

import io.spikeline.models.record.Decoding;
import io.spikeline.runtime.ops.LocalOperations;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * One run of a scenario's pipeline on an embedded MiniCluster: the paced sensor sends a given number of records at a
 * load, the chosen {@link Via} carries them to the pipeline, and each decoding is handed over as it comes out.
 */
final class BenchJob {
    /** Wall time a job may run beyond the sensor time it is sent before it is cancelled: start-up and a tail. */
    private static final long GRACE_SECONDS = 60;

    private BenchJob() {}

    /** How a run ended. */
    enum End {
        /** Every expected decoding came out (or the job ended). */
        FINISHED,
        /** The consumer of decodings asked to stop. */
        STOPPED,
        /** The job ran past its deadline and was cancelled. */
        TIMED_OUT
    }

    /** The decodings handed over, and how the run ended. */
    record Outcome(long decodings, End end) {}

    /**
     * Runs {@code records} records of {@code scenario} at {@code load} until {@code expected} decodings came out,
     * handing each to {@code decoding} (which returns false to stop the run); {@code configure} adjusts the
     * environment first (checkpointing). The job is cancelled when the run ends before it does, and past a deadline
     * of the settings' sensor seconds plus {@value #GRACE_SECONDS} s.
     */
    static <I> Outcome run(Scenario<I> scenario, long load, long records, long expected, TrialSettings settings,
                           Consumer<StreamExecutionEnvironment> configure, Predicate<Decoding> decoding)
            throws Exception {
        // Trials follow each other in one process, each on a fresh MiniCluster, while the previous one may still be
        // releasing its ports: every trial serves its web UI and metrics on ports of its own.
        LocalOperations operations = LocalOperations.fromEnvironment(System.getenv());
        StreamExecutionEnvironment env = EmbeddedJob.environment(new LocalOperations(operations.checkpointInterval(),
                operations.checkpointDir(), operations.restartAttempts(), operations.restartDelay(), 0, 0));
        env.setParallelism(settings.parallelism());
        configure.accept(env);
        DataStream<I> sent = env.fromSource(new DataGeneratorSource<>(new PacedGenerator<>(scenario.sensor(load)),
                        records, scenario.type()), WatermarkStrategy.noWatermarks(), scenario.name() + " sensor")
                .setParallelism(1);
        String topic = "spikeline-bench-" + scenario.name() + "-" + load + "-" + UUID.randomUUID();
        DataStream<Decoding> decodings = scenario.decode(settings.via().carry(sent, scenario, topic));
        CloseableIterator<Decoding> out = decodings.collectAsync();
        JobClient job = env.executeAsync("spikeline bench " + scenario.name() + " at " + load + " "
                + scenario.loadUnit());
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.schedule(() -> {
            timedOut.set(true);
            job.cancel();
        }, (long) Math.ceil(settings.seconds()) + GRACE_SECONDS, TimeUnit.SECONDS);
        long count = 0;
        End end = End.FINISHED;
        try {
            while (count < expected && out.hasNext()) {
                count++;
                if (!decoding.test(out.next())) {
                    end = End.STOPPED;
                    break;
                }
            }
        } catch (RuntimeException e) {
            if (!timedOut.get()) {
                throw e;
            }
        } finally {
            watchdog.shutdownNow();
            out.close();
            awaitEnd(job);
        }
        if (timedOut.get() && end == End.FINISHED && count < expected) {
            end = End.TIMED_OUT;
        }
        return new Outcome(count, end);
    }

    /** Cancels the job unless it has ended, and waits for it to end. */
    private static void awaitEnd(JobClient job) throws InterruptedException {
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        try {
            if (!result.isDone()) {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
            result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            // The job ended meanwhile, or ended by the cancellation; the run's outcome is already known.
        }
    }
}
