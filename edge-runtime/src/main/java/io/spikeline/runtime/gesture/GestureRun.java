package io.spikeline.runtime.gesture;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.EndpointSinks;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

/**
 * Runs the {@code gesture} job on an embedded Flink MiniCluster, over the simulated camera or another bounded stream
 * of events and labels, and scores it as it runs.
 */
public final class GestureRun {
    private GestureRun() {}

    /** What a run measured: the score, its wall times, and the events the camera sent. */
    public record Result(GestureScore score, EmbeddedJob.Timing timing, long events) {
        /** Signal seconds classified per wall second while classifying. */
        public double realTimeFactor() {
            return score.signalSeconds() / timing.answeringSeconds();
        }

        /** Camera events processed per wall second while classifying. */
        public double eventsPerSecond() {
            return events / timing.answeringSeconds();
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
        return run(settings, env -> GestureJob.simulated(env, settings), events(settings), null, progressEverySeconds,
                progress);
    }

    /**
     * Runs the job on the bounded stream {@code device} builds in the run's environment, which carries
     * {@code events} camera events; writes the decodings to {@code sink} too, unless it is null.
     */
    public static Result run(GestureSettings settings,
                             Function<StreamExecutionEnvironment, DataStream<Either<EventBatch, Feedback>>> device,
                             long events, Endpoint sink, double progressEverySeconds, Consumer<Progress> progress)
            throws Exception {
        GestureScore score = new GestureScore(settings);
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        DataStream<Either<Decoding, Feedback>> output = GestureJob.build(env, device.apply(env), settings);
        if (sink != null) {
            EndpointSinks.decodings(output.filter(o -> o.isLeft()).map(o -> o.left()).returns(RecordTypes.DECODING),
                    sink);
        }
        EmbeddedJob.Timing timing = EmbeddedJob.collect(output, "spikeline gesture", record -> record.isLeft(),
                score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        if (score.unmatchedLabels() > 0) {
            throw new IllegalStateException("the job ended with " + score.unmatchedLabels()
                    + " gesture labels whose decode never came");
        }
        return new Result(score, timing, events);
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
