package io.spikeline.runtime.bmi;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.NetworkControl;
import io.spikeline.runtime.endpoint.EndpointRun;
import io.spikeline.runtime.endpoint.EndpointSources;
import io.spikeline.runtime.endpoint.EndpointStream;
import io.spikeline.runtime.endpoint.EndpointSummary;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.endpoint.StopSignal;
import io.spikeline.runtime.report.EmbeddedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code bmi} job and scores its decodings as they arrive: on an embedded Flink MiniCluster over the reaching
 * simulator, or on {@link JobEndpoints} (brokers, files), locally or submitted to a cluster.
 */
public final class BmiRun {
    private static final Logger LOG = LoggerFactory.getLogger(BmiRun.class);
    /** Signal the classical baselines are fitted on at least, s: below it a fit says more about the data's stillness. */
    static final double MINIMUM_TRAIN_SECONDS = 10;

    private BmiRun() {}

    /**
     * What a run measured: the score, wall times in seconds from submission to the first decode (start-up) and to the
     * end, for a run on endpoints what they did, and for a complete run of the simulator the classical decoders on
     * the same session ({@link #baselines(BmiScore)}), and the job's counters at its end (empty when unknown).
     */
    public record Result(BmiScore score, double startupSeconds, double wallSeconds, Optional<EndpointSummary> endpoints,
                         Optional<BmiBaselines> baselines, Map<String, Long> counters) {
        public Result {
            counters = Map.copyOf(counters);
        }

        /** A run of the built-in simulator without endpoints, baselines or counters. */
        public Result(BmiScore score, double startupSeconds, double wallSeconds) {
            this(score, startupSeconds, wallSeconds, Optional.empty(), Optional.empty(), Map.of());
        }

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
        EmbeddedJob.Timing timing = EmbeddedJob.collect(BmiJob.simulated(env, settings, List.of()).output(), "spikeline bmi",
                record -> record.isLeft(), score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        requireComplete(score);
        return new Result(score, timing.startupSeconds(), timing.wallSeconds(), Optional.empty(), baselines(score),
                timing.counters());
    }

    /**
     * The classical decoders fitted on the run's session but its last {@link BmiReport#partDecodes(int)} batches and
     * scored on those, the span of the report's "R2 last"; empty when the run is not complete, has less than
     * {@value #MINIMUM_TRAIN_SECONDS} s of signal to fit them on, or its session cannot be fitted.
     */
    static Optional<BmiBaselines> baselines(BmiScore score) {
        int heldOut = BmiReport.partDecodes(score.count());
        int training = score.count() - heldOut;
        if (!score.complete() || training < BmiBaselines.MINIMUM_TRAIN_BATCHES
                || training * score.settings().batchSeconds() < MINIMUM_TRAIN_SECONDS) {
            return Optional.empty();
        }
        try {
            return Optional.of(BmiBaselines.compute(score.settings(), heldOut));
        } catch (IllegalArgumentException degenerate) {
            // A session can be too still to fit on (no movement, silent channels): the run stands without them.
            LOG.warn("no classical baselines for this run: {}", degenerate.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs {@code settings} on {@code endpoints}: the probe stream ({@code settings.input()} says whether it carries
     * broadband frames or spike counts, of {@code settings.channels()} channels) and the velocity feedback from their
     * endpoints (or the simulator), the decodings to the sink. It ends when the inputs end, when {@code settings}'
     * batches are all scored, or when {@code stop} is raised. Without endpoints this is {@link #run(BmiSettings,
     * double, Consumer)}. Submitted by a cluster client, the job is only submitted: the result has an empty score.
     */
    public static Result run(BmiSettings settings, JobEndpoints endpoints, StopSignal stop, double progressEverySeconds,
                             Consumer<Progress> progress) throws Exception {
        if (!endpoints.any()) {
            return run(settings, progressEverySeconds, progress);
        }
        StreamExecutionEnvironment env = EndpointRun.environment();
        BmiJob.Streams job;
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        List<DataStream<NetworkControl>> controls = EndpointSources.controls(env, endpoints, deadLetters);
        if (endpoints.simulated()) {
            job = BmiJob.simulated(env, settings, controls);
        } else {
            EndpointStream<Feedback> feedback = EndpointSources.read(env, endpoints.feedback(), KafkaRecordType.feedback());
            if (settings.input() == BmiSettings.Input.BROADBAND) {
                EndpointStream<SampleFrame> frames = EndpointSources.read(env, endpoints.source(),
                        KafkaRecordType.sampleFrames(SamplePacking.float32()));
                job = BmiJob.fromBroadband(env, settings, frames.records(), feedback.records(), controls);
                deadLetters.addAll(frames.deadLettersWith(feedback));
            } else {
                EndpointStream<SpikeBatch> spikes = EndpointSources.read(env, endpoints.source(),
                        KafkaRecordType.spikeBatches());
                job = BmiJob.fromSpikeCounts(env, settings, spikes.records(), feedback.records(), controls);
                deadLetters.addAll(spikes.deadLettersWith(feedback));
            }
        }
        BmiScore score = new BmiScore(settings);
        long[] unscored = new long[1];
        EndpointRun.Result run = EndpointRun.run(endpoints, job.output(), BmiJob.OUTPUT_TYPE, job.decodings(),
                deadLetters, "spikeline bmi", record -> record.isLeft(), record -> {
                    if (score.scores(record)) {
                        score.add(record);
                    } else {
                        unscored[0]++;
                    }
                }, score::complete, stop, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        EndpointSummary done = new EndpointSummary(endpoints, run, unscored[0]);
        if (run.submitted()) {
            return new Result(score, 0, 0, Optional.of(done), Optional.empty(), Map.of());
        }
        if (endpoints.bounded()) {
            requireComplete(score);
        }
        EmbeddedJob.Timing timing = run.outcome().timing();
        return new Result(score, timing.startupSeconds(), timing.wallSeconds(), Optional.of(done),
                endpoints.simulated() ? baselines(score) : Optional.empty(), timing.counters());
    }

    private static void requireComplete(BmiScore score) {
        if (!score.complete()) {
            throw new IllegalStateException("the job ended with " + score.count() + " of "
                    + score.settings().batches() + " batches decoded and scored");
        }
    }
}
