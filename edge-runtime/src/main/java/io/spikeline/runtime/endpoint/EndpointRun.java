package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.record.Decoding;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Predicate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * Runs an application's job on its {@link JobEndpoints}: decodings to the sink, dead letters to theirs (or counted
 * and logged), and, where the job runs locally, its output collected and scored for the progress line and the report
 * ({@link LiveJob}). Submitted by a cluster client ({@code flink run}), the job is only submitted: its sinks are its
 * output, and nothing comes back to the client.
 */
public final class EndpointRun {
    /** Checkpoint interval of runs that do not configure one: Kafka exactly-once output becomes visible at this pace. */
    public static final long CHECKPOINT_INTERVAL_MS = 1000;

    private EndpointRun() {}

    /**
     * What the run did: its outcome and the dead letters it collected, or the id of the job it submitted to a cluster.
     */
    public record Result(LiveJob.Outcome outcome, DeadLetterTally deadLetters, String submittedJobId) {
        public boolean submitted() {
            return submittedJobId != null;
        }
    }

    /**
     * The applications' environment ({@link EmbeddedJob#environment()}), checkpointing every
     * {@value #CHECKPOINT_INTERVAL_MS} ms unless it is configured otherwise: Kafka exactly-once sinks commit with
     * checkpoints and the MQTT source acknowledges with them.
     */
    public static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        }
        return env;
    }

    /**
     * Adds the sinks to the job and runs it: collected (each output record to {@code score}, until the input ends,
     * {@code enough} holds (for a job that does not end by itself) or {@code stop} is raised) where it runs locally,
     * else submitted. See
     * {@link LiveJob#collect} for {@code answer} and {@code progress}.
     */
    public static <T> Result run(JobEndpoints endpoints, DataStream<T> output, TypeInformation<T> outputType,
                                 DataStream<Decoding> decodings, List<DataStream<DeadLetter>> deadLetterStreams,
                                 String jobName,
                                 Predicate<T> answer, Consumer<T> score, BooleanSupplier enough, StopSignal stop,
                                 double progressEverySeconds, DoubleConsumer progress) throws Exception {
        StreamExecutionEnvironment env = output.getExecutionEnvironment();
        // Simulators and files yield no dead letters.
        DataStream<DeadLetter> deadLetters = deadLetterStreams.isEmpty() ? null
                : EndpointStream.union(deadLetterStreams.get(0), deadLetterStreams.subList(1, deadLetterStreams.size()));
        if (endpoints.sink() != null) {
            EndpointSinks.decodings(decodings, endpoints.sink());
        }
        if (endpoints.deadLetters() != null) {
            // Built even when the inputs yield no dead letters, so that a mistaken URL is refused all the same.
            Sink<DeadLetter> sink = EndpointSinks.deadLetterSink(endpoints.deadLetters(), env);
            if (deadLetters != null) {
                deadLetters.sinkTo(sink).name("dead letters to " + endpoints.deadLetters().url())
                        .uid("sink " + endpoints.deadLetters().url());
            }
        }
        DeadLetterTally tally = new DeadLetterTally();
        if (!LiveJob.collectable(env)) {
            if (endpoints.sink() == null) {
                throw new IllegalArgumentException("on a cluster the job's output cannot come back to this client: "
                        + "give --sink");
            }
            if (endpoints.deadLetters() == null && deadLetters != null) {
                deadLetters.sinkTo(new LoggedDeadLetters()).name("dead letters to the log");
            }
            return new Result(null, tally, LiveJob.submit(env, jobName));
        }
        TypeInformation<Either<T, DeadLetter>> type = new EitherTypeInfo<>(outputType, RecordTypes.DEAD_LETTER);
        DataStream<Either<T, DeadLetter>> collected = output.map(o -> Either.<T, DeadLetter>Left(o)).returns(type);
        if (deadLetters != null) {
            collected = collected.union(deadLetters.map(d -> Either.<T, DeadLetter>Right(d)).returns(type));
        }
        LiveJob.Outcome outcome = LiveJob.collect(collected, jobName, e -> e.isLeft() && answer.test(e.left()), e -> {
            if (e.isLeft()) {
                score.accept(e.left());
            } else {
                tally.add(e.right());
            }
        }, endpoints.jobEnds() ? () -> false : enough, stop, progressEverySeconds, progress);
        return new Result(outcome, tally, null);
    }
}
