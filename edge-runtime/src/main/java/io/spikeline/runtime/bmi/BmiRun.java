package io.spikeline.runtime.bmi;

import io.spikeline.runtime.report.EmbeddedJob;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Runs the {@code bmi} job on an embedded Flink MiniCluster and scores its decodings as they arrive. */
public final class BmiRun {
    private BmiRun() {}

    /**
     * What a run measured: the score, and wall times in seconds from submission to the first decode (start-up)
     * and to the end.
     */
    public record Result(BmiScore score, double startupSeconds, double wallSeconds) {
        /** Wall time spent decoding, after start-up, s. */
        public double decodingSeconds() {
            return wallSeconds - startupSeconds;
        }

        /** Signal seconds decoded per wall second while decoding. */
        public double realTimeFactor() {
            return score.signalSeconds() / decodingSeconds();
        }
    }

    /** What the progress line shows. */
    public record Progress(BmiScore score, double decodingSeconds) {
        public double realTimeFactor() {
            return score.signalSeconds() / decodingSeconds;
        }
    }

    /**
     * Runs {@code settings} to the end, handing {@code progress} a snapshot every {@code progressEverySeconds} of
     * wall time (on the calling thread, between decodings).
     */
    public static Result run(BmiSettings settings, double progressEverySeconds, Consumer<Progress> progress)
            throws Exception {
        StreamExecutionEnvironment env = EmbeddedJob.environment();
        BmiScore score = new BmiScore(settings);
        EmbeddedJob.Timing timing = EmbeddedJob.collect(BmiJob.build(env, settings), "spikeline bmi",
                record -> record.isLeft(), score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        if (!score.complete()) {
            throw new IllegalStateException("the job ended with " + score.count() + " of " + settings.batches()
                    + " batches decoded and scored");
        }
        return new Result(score, timing.startupSeconds(), timing.wallSeconds());
    }
}
