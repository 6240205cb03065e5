package io.spikeline.runtime.eeg;

import io.spikeline.runtime.report.EmbeddedJob;
import java.util.function.Consumer;

/** Runs the {@code eeg} job on an embedded Flink MiniCluster and scores its decodings as they arrive. */
public final class EegRun {
    private EegRun() {}

    /** What a run measured: the score, and its wall times. */
    public record Result(EegScore score, EmbeddedJob.Timing timing) {
        /** Signal seconds decoded per wall second while decoding. */
        public double realTimeFactor() {
            return score.signalSeconds() / timing.answeringSeconds();
        }
    }

    /** What the progress line shows. */
    public record Progress(EegScore score, double decodingSeconds) {
        public double realTimeFactor() {
            return score.signalSeconds() / decodingSeconds;
        }
    }

    /**
     * Runs {@code settings} to the end, handing {@code progress} a snapshot every {@code progressEverySeconds} of
     * wall time (on the calling thread, between decodings).
     */
    public static Result run(EegSettings settings, double progressEverySeconds, Consumer<Progress> progress)
            throws Exception {
        EegScore score = new EegScore(settings);
        EmbeddedJob.Timing timing = EmbeddedJob.collect(EegJob.build(EmbeddedJob.environment(), settings),
                "spikeline eeg", record -> record.isLeft(), score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        if (!score.complete()) {
            throw new IllegalStateException("the job ended with " + score.count() + " of " + settings.frames()
                    + " frames decoded and scored");
        }
        return new Result(score, timing);
    }
}
