package io.spikeline.runtime.gesture;

import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the {@code gesture} job on an embedded Flink MiniCluster over the simulated camera and scores it as it runs. */
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
     * Runs {@code settings} to the end, handing {@code progress} a snapshot every {@code progressEverySeconds} of
     * wall time (on the calling thread, between records).
     */
    public static Result run(GestureSettings settings, double progressEverySeconds, Consumer<Progress> progress)
            throws Exception {
        GestureScore score = new GestureScore(settings);
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        EmbeddedJob.Timing timing = EmbeddedJob.collect(
                GestureJob.build(env, GestureJob.simulated(env, settings), settings), "spikeline gesture",
                record -> record.isLeft(), score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        if (score.unmatchedLabels() > 0) {
            throw new IllegalStateException("the job ended with " + score.unmatchedLabels()
                    + " gesture labels whose decode never came");
        }
        return new Result(score, timing, events(settings));
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
