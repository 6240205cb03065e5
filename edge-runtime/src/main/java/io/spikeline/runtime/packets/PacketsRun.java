package io.spikeline.runtime.packets;

import io.spikeline.runtime.report.EmbeddedJob;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the {@code packets} job on an embedded Flink MiniCluster and scores its verdicts as they arrive. */
public final class PacketsRun {
    private PacketsRun() {}

    /** What a run measured: the score, and its wall times. */
    public record Result(PacketsSettings settings, PacketsScore score, EmbeddedJob.Timing timing) {
        /** Traffic seconds classified per wall second while classifying. */
        public double realTimeFactor() {
            return score.signalSeconds() / timing.answeringSeconds();
        }

        /** Packets classified per wall second while classifying. */
        public double packetsPerSecond() {
            return score.count() / timing.answeringSeconds();
        }
    }

    /** What the progress line shows. */
    public record Progress(PacketsScore score, double decodingSeconds) {}

    /**
     * Runs {@code settings} to the end, handing {@code progress} a snapshot every {@code progressEverySeconds} of
     * wall time (on the calling thread, between verdicts).
     */
    public static Result run(PacketsSettings settings, double progressEverySeconds, Consumer<Progress> progress)
            throws Exception {
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        PacketSources.Bounded input = PacketSources.of(env, settings);
        PacketsScore score = new PacketsScore(settings.classNames(), input.count(), input.seconds());
        EmbeddedJob.Timing timing = EmbeddedJob.collect(PacketsJob.build(input.packets(), settings),
                "spikeline packets", verdict -> true, score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        if (!score.complete()) {
            throw new IllegalStateException("the job ended with " + score.count() + " of " + input.count()
                    + " packets classified and scored");
        }
        return new Result(settings, score, timing);
    }
}
