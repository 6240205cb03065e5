package io.spikeline.runtime.eeg;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
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
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the {@code eeg} job and scores its decodings as they arrive: on an embedded Flink MiniCluster over the EEG
 * simulator, or on {@link JobEndpoints} (brokers, files), locally or submitted to a cluster.
 */
public final class EegRun {
    private EegRun() {}

    /** What a run measured: the score, its wall times, and, for a run on endpoints, what they did. */
    public record Result(EegScore score, EmbeddedJob.Timing timing, Optional<EndpointSummary> endpoints) {
        /** A run of the built-in simulator without endpoints. */
        public Result(EegScore score, EmbeddedJob.Timing timing) {
            this(score, timing, Optional.empty());
        }

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
        EmbeddedJob.Timing timing = EmbeddedJob.collect(EegJob.simulated(EmbeddedJob.environment(), settings, List.of()).output(),
                "spikeline eeg", record -> record.isLeft(), score::add, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        requireComplete(score);
        return new Result(score, timing);
    }

    /**
     * Runs {@code settings} on {@code endpoints}: EEG frames (of the channels and rate of {@code settings.recording()})
     * and the eyes state feedback from their endpoints (or the simulator), the decodings to the sink. It ends when the
     * inputs end, when {@code settings}' frames are all scored, or when {@code stop} is raised. Without endpoints this
     * is {@link #run(EegSettings, double, Consumer)}. Submitted by a cluster client, the job is only submitted: the
     * result has an empty score.
     */
    public static Result run(EegSettings settings, JobEndpoints endpoints, StopSignal stop, double progressEverySeconds,
                             Consumer<Progress> progress) throws Exception {
        if (!endpoints.any()) {
            return run(settings, progressEverySeconds, progress);
        }
        StreamExecutionEnvironment env = EndpointRun.environment();
        EegJob.Streams job;
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        List<DataStream<NetworkControl>> controls = EndpointSources.controls(env, endpoints, deadLetters);
        if (endpoints.simulated()) {
            job = EegJob.simulated(env, settings, controls);
        } else {
            EndpointStream<SampleFrame> frames = EndpointSources.read(env, endpoints.source(),
                    KafkaRecordType.sampleFrames(SamplePacking.float32()));
            EndpointStream<Feedback> feedback = EndpointSources.read(env, endpoints.feedback(), KafkaRecordType.feedback());
            job = EegJob.fromFrames(env, settings, frames.records(), feedback.records(), controls);
            deadLetters.addAll(frames.deadLettersWith(feedback));
        }
        EegScore score = new EegScore(settings);
        long[] unscored = new long[1];
        EndpointRun.Result run = EndpointRun.run(endpoints, job.output(), EegJob.OUTPUT_TYPE, job.decodings(),
                deadLetters, "spikeline eeg", record -> record.isLeft(), record -> {
                    if (score.scores(record)) {
                        score.add(record);
                    } else {
                        unscored[0]++;
                    }
                }, score::complete, stop, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        EndpointSummary done = new EndpointSummary(endpoints, run, unscored[0]);
        if (run.submitted()) {
            return new Result(score, new EmbeddedJob.Timing(0, 0), Optional.of(done));
        }
        if (endpoints.bounded()) {
            requireComplete(score);
        }
        return new Result(score, run.outcome().timing(), Optional.of(done));
    }

    private static void requireComplete(EegScore score) {
        if (!score.complete()) {
            throw new IllegalStateException("the job ended with " + score.count() + " of " + score.settings().frames()
                    + " frames decoded and scored");
        }
    }
}
