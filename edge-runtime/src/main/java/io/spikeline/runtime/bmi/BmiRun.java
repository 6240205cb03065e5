package io.spikeline.runtime.bmi;

import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;

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
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        // A live implant's feedback follows its spikes within milliseconds; network buffers held for the default
        // 100 ms would let the decoder run on that long without it.
        env.setBufferTimeout(0);
        BmiScore score = new BmiScore(settings);
        long startNs = System.nanoTime();
        long firstNs = 0;
        boolean decoding = false;
        long nextProgressNs = 0;
        long progressEveryNs = Math.round(progressEverySeconds * 1e9);
        try (CloseableIterator<Either<Either<Decoding, SampleFrame>, Feedback>> output =
                     BmiJob.build(env, settings).executeAndCollect("spikeline bmi")) {
            while (output.hasNext()) {
                Either<Either<Decoding, SampleFrame>, Feedback> record = output.next();
                long now = System.nanoTime();
                if (!decoding && record.isLeft()) {
                    decoding = true;
                    firstNs = now;
                    nextProgressNs = now + progressEveryNs;
                }
                score.add(record);
                if (decoding && now >= nextProgressNs) {
                    progress.accept(new Progress(score, (now - firstNs) / 1e9));
                    nextProgressNs = now + progressEveryNs;
                }
            }
        }
        long endNs = System.nanoTime();
        if (!score.complete()) {
            throw new IllegalStateException("the job ended with " + score.count() + " of " + settings.batches()
                    + " batches decoded and scored");
        }
        return new Result(score, (firstNs - startNs) / 1e9, (endNs - startNs) / 1e9);
    }
}
