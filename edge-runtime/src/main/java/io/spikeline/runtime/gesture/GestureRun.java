package io.spikeline.runtime.gesture;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.endpoint.EndpointRun;
import io.spikeline.runtime.endpoint.EndpointStream;
import io.spikeline.runtime.endpoint.EndpointSummary;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.endpoint.LoggedDeadLetters;
import io.spikeline.runtime.endpoint.SimEndpoint;
import io.spikeline.runtime.endpoint.StopSignal;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * Runs the {@code gesture} job and scores it as it runs: on an embedded Flink MiniCluster over the simulated camera, or
 * on {@link JobEndpoints} (events and labels from brokers or files, decodings to a sink), locally or submitted to a
 * cluster.
 */
public final class GestureRun {
    /** {@link Result#events} of a run whose camera events were not counted: those of an endpoint. */
    public static final long UNCOUNTED = -1;

    private GestureRun() {}

    /**
     * What a run measured: the score, its wall times, the events the camera sent ({@link #UNCOUNTED} for a source
     * endpoint), and, for a run on endpoints, what they did.
     */
    public record Result(GestureScore score, EmbeddedJob.Timing timing, long events,
                         Optional<EndpointSummary> endpoints) {
        /** A run of the built-in simulator without endpoints. */
        public Result(GestureScore score, EmbeddedJob.Timing timing, long events) {
            this(score, timing, events, Optional.empty());
        }

        /** Signal seconds classified per wall second while classifying. */
        public double realTimeFactor() {
            return score.signalSeconds() / timing.answeringSeconds();
        }

        /** Camera events processed per wall second while classifying. */
        public double eventsPerSecond() {
            return events / timing.answeringSeconds();
        }

        /** Whether the events came from the simulator (counted), not from an endpoint. */
        public boolean simulated() {
            return events != UNCOUNTED;
        }
    }

    /** What the progress line shows. */
    public record Progress(GestureScore score, double decodingSeconds) {
        public double realTimeFactor() {
            return score.signalSeconds() / decodingSeconds;
        }
    }

    /**
     * Runs {@code settings} on the simulated camera to the end, handing {@code progress} a snapshot every
     * {@code progressEverySeconds} of wall time (on the calling thread, between records).
     */
    public static Result run(GestureSettings settings, double progressEverySeconds, Consumer<Progress> progress)
            throws Exception {
        GestureScore score = new GestureScore(settings);
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        GestureJob.Output output = GestureJob.build(env, GestureJob.simulated(env, settings), settings);
        output.unmatchedLabels().sinkTo(new LoggedDeadLetters()).name("unmatched labels to the log");
        EmbeddedJob.Timing timing = EmbeddedJob.collect(output.results(), "spikeline gesture",
                record -> record.isLeft(), score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        requireMatched(score);
        return new Result(score, timing, events(settings));
    }

    /**
     * Runs {@code given} on {@code endpoints}: the camera's events and the gesture labels from their endpoints (or
     * the simulator), the decodings to the sink. It ends when the inputs end, once the gestures scored reach
     * {@code given.seconds()} of signal, or when {@code stop} is raised. Without endpoints this is {@link
     * #run(GestureSettings, double, Consumer)}. Submitted by a cluster client, the job is only submitted: the result
     * has an empty score.
     */
    public static Result run(GestureSettings given, JobEndpoints endpoints, StopSignal stop,
                             double progressEverySeconds, Consumer<Progress> progress) throws Exception {
        if (!endpoints.any()) {
            return run(given, progressEverySeconds, progress);
        }
        if (endpoints.control() != null) {
            throw new IllegalArgumentException("gesture takes no --control: its network learns throughout");
        }
        GestureSettings settings = endpoints.simulator() == null ? given : withSimulator(given, endpoints.simulator());
        StreamExecutionEnvironment env = EndpointRun.environment();
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        DataStream<Either<EventBatch, Feedback>> device;
        long events;
        if (endpoints.simulated()) {
            device = GestureJob.simulated(env, settings);
            events = events(settings);
        } else {
            EndpointStream<Either<EventBatch, Feedback>> input = GestureJob.fromEndpoints(env, endpoints.source(),
                    endpoints.feedback());
            device = input.records();
            deadLetters.addAll(input.deadLetters());
            events = UNCOUNTED;
        }
        GestureJob.Output job = GestureJob.build(env, device, settings);
        deadLetters.add(job.unmatchedLabels());
        DataStream<Either<Decoding, Feedback>> output = job.results();
        DataStream<Decoding> decodings = output.filter(o -> o.isLeft()).map(o -> o.left())
                .returns(RecordTypes.DECODING);
        GestureScore score = new GestureScore(settings);
        EndpointRun.Result run = EndpointRun.run(endpoints, output, GestureJob.OUTPUT_TYPE, decodings, deadLetters,
                "spikeline gesture", record -> record.isLeft(), score::add,
                () -> score.signalSeconds() >= settings.seconds(), stop, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        EndpointSummary done = new EndpointSummary(endpoints, run, 0);
        if (run.submitted()) {
            return new Result(score, new EmbeddedJob.Timing(0, 0), events, Optional.of(done));
        }
        if (endpoints.simulated()) {
            requireMatched(score);
        }
        return new Result(score, run.outcome().timing(), events, Optional.of(done));
    }

    /** {@code settings} drawn from the simulator URL's {@code seed}. */
    private static GestureSettings withSimulator(GestureSettings settings, SimEndpoint sim) {
        sim.require(SimEndpoint.Simulator.GESTURE).allowOnly(Set.of("seed"));
        return settings.withSeed(sim.integer("seed", settings.seed()));
    }

    private static void requireMatched(GestureScore score) {
        if (score.unmatchedLabels() > 0) {
            throw new IllegalStateException("the job ended with " + score.unmatchedLabels()
                    + " gesture labels whose decode never came");
        }
    }

    /** The events of the simulated recording, counted on a replay of it (the simulator is seeded). */
    static long events(GestureSettings settings) {
        long events = 0;
        try (GestureSimulator simulator = new GestureSimulator(GestureSettings.SOURCE_KEY, settings.recording())) {
            for (long b = 0; b < settings.batches(); b++) {
                events += simulator.read().events().size();
            }
        }
        return events;
    }
}
