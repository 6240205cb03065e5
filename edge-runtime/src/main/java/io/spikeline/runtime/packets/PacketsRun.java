package io.spikeline.runtime.packets;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.runtime.endpoint.EndpointRun;
import io.spikeline.runtime.endpoint.EndpointStream;
import io.spikeline.runtime.endpoint.EndpointSummary;
import io.spikeline.runtime.endpoint.JobEndpoints;
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

/**
 * Runs the {@code packets} job and scores its verdicts as they arrive: on an embedded Flink MiniCluster over the
 * simulator or capture files, or on {@link JobEndpoints} (a broker topic or a file of labelled packets, the flows'
 * answers to a sink), locally or submitted to a cluster.
 */
public final class PacketsRun {
    private PacketsRun() {}

    /**
     * What a run measured: the score, its wall times, and, for a run on endpoints, what they did.
     *
     * @param timing the wall times; zero for a job submitted to a cluster
     */
    public record Result(PacketsSettings settings, PacketsScore score, EmbeddedJob.Timing timing,
                         Optional<EndpointSummary> endpoints) {
        /** A run of the embedded sources without endpoints. */
        public Result(PacketsSettings settings, PacketsScore score, EmbeddedJob.Timing timing) {
            this(settings, score, timing, Optional.empty());
        }

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
        requireComplete(score);
        return new Result(settings, score, timing);
    }

    /**
     * Runs {@code given} on {@code endpoints}: the labelled packets of their source (or of the simulator or the
     * captures of {@code given}), each packet's flow decoding to the sink. A source of unknown length is scored over
     * its labelled packets, and a broker source ends once {@code given.seconds()} of traffic time are classified,
     * or when {@code stop} is raised. Without endpoints this is {@link #run(PacketsSettings, double, Consumer)}.
     * Submitted by a cluster client, the job is only submitted: the result has an empty score.
     */
    public static Result run(PacketsSettings given, JobEndpoints endpoints, StopSignal stop,
                             double progressEverySeconds, Consumer<Progress> progress) throws Exception {
        if (!endpoints.any()) {
            return run(given, progressEverySeconds, progress);
        }
        if (endpoints.feedback() != null && endpoints.feedback() != endpoints.source()) {
            throw new IllegalArgumentException("packets carry their own labels: the job takes no --feedback");
        }
        if (endpoints.control() != null) {
            throw new IllegalArgumentException("packets takes no --control: its network learns throughout");
        }
        PacketsSettings settings = endpoints.simulator() == null ? given : withSimulator(given, endpoints.simulator());
        StreamExecutionEnvironment env = EndpointRun.environment();
        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        DataStream<PacketRecord> packets;
        PacketsScore score;
        if (endpoints.simulated()) {
            PacketSources.Bounded input = PacketSources.of(env, settings);
            packets = input.packets();
            score = new PacketsScore(settings.classNames(), input.count(), input.seconds());
        } else {
            EndpointStream<PacketRecord> input = PacketSources.fromEndpoint(env, endpoints.source());
            packets = input.records();
            deadLetters.addAll(input.deadLetters());
            score = PacketsScore.open(settings.classNames(), settings.seconds());
        }
        DataStream<PacketVerdict> verdicts = PacketsJob.build(packets, settings);
        long[] unscored = new long[1];
        EndpointRun.Result run = EndpointRun.run(endpoints, verdicts, PacketsJob.VERDICT_TYPE,
                PacketsJob.flowDecodings(verdicts), deadLetters, "spikeline packets", verdict -> true, verdict -> {
                    if (score.scores(verdict)) {
                        score.add(verdict);
                    } else {
                        unscored[0]++;
                    }
                }, score::complete, stop, progressEverySeconds,
                decodingSeconds -> progress.accept(new Progress(score, decodingSeconds)));
        EndpointSummary done = new EndpointSummary(endpoints, run, unscored[0]);
        if (run.submitted()) {
            return new Result(settings, score, new EmbeddedJob.Timing(0, 0), Optional.of(done));
        }
        if (endpoints.simulated()) {
            requireComplete(score);
        }
        return new Result(settings, score, run.outcome().timing(), Optional.of(done));
    }

    /** {@code settings} drawn from the simulator URL's {@code seed}. */
    private static PacketsSettings withSimulator(PacketsSettings settings, SimEndpoint sim) {
        sim.require(SimEndpoint.Simulator.PACKETS).allowOnly(Set.of("seed"));
        if (!settings.simulated()) {
            throw new IllegalArgumentException("'" + sim.url() + "' and capture files are two sources: give one");
        }
        return settings.withSeed(sim.integer("seed", settings.seed()));
    }

    private static void requireComplete(PacketsScore score) {
        if (!score.complete()) {
            throw new IllegalStateException("the job ended with " + score.count() + " packets classified and scored, "
                    + "not all of them");
        }
    }
}
