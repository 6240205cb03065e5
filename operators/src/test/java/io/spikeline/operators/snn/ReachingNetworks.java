package io.spikeline.operators.snn;

import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.StepSize;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.types.Either;

/** The velocity decoder the reaching tests share: 96 cosine-tuned units → a LIF layer → normalised-LMS readout. */
final class ReachingNetworks {
    static final int HIDDEN = 160;

    private ReachingNetworks() {}

    static ReachingParameters session(long seed) {
        return ReachingParameters.defaults(seed);
    }

    /** Decodes once per simulator batch (20 bins of 1 ms), so each velocity feedback matches one decode. */
    static NetworkSpec decoder(ReachingParameters session) {
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), 1.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.25), -0.4, 1.2, 11));
        return NetworkSpec.of(session.channels(), session.binWidthUs(), List.of(hidden), 100,
                new ReadoutSpec.Lms(2, new StepSize.Normalised(0.05, 1e-3)), session.binsPerBatch(), 64);
    }

    /** A reaching session as one ordered input (each spike batch, then its velocity) and its direct decodings. */
    record Session(List<Either<SpikeBatch, Feedback>> inputs, List<float[]> directOutputs) {}

    /**
     * Simulates {@code batches} batches of the session with seed 5 and runs the decoder network directly on them,
     * learning from each batch's velocity after the batch, as the operator does.
     */
    static Session sessionWithDirectOutputs(int batches) {
        return sessionWithDirectOutputs("k", 5, batches);
    }

    /** As {@link #sessionWithDirectOutputs(int)}, for source key {@code key} and a session of seed {@code seed}. */
    static Session sessionWithDirectOutputs(String key, long seed, int batches) {
        return sessionWithDirectOutputs(key, seed, batches, new SpikingNetwork(decoder(session(0))));
    }

    /** As {@link #sessionWithDirectOutputs(String, long, int)}, run directly on {@code direct}. */
    static Session sessionWithDirectOutputs(String key, long seed, int batches, SpikingNetwork direct) {
        List<Either<SpikeBatch, Feedback>> inputs = new ArrayList<>();
        ReachingSimulator simulator = new ReachingSimulator(key, session(seed));
        List<float[]> expected = new ArrayList<>();
        for (int n = 0; n < batches; n++) {
            ReachingBatch batch = simulator.read();
            inputs.add(Either.Left(batch.spikes()));
            inputs.add(Either.Right(batch.velocity()));
            SpikeBatch s = batch.spikes();
            for (int b = 0; b < s.binCount(); b++) {
                int[] spikes = Arrays.copyOfRange(s.channelIndices(), s.binOffsets()[b], s.binOffsets()[b + 1]);
                if (direct.step(s.binStartTimeUs(b), spikes, spikes.length)) {
                    expected.add(direct.output().clone());
                }
            }
            direct.learn(batch.velocity());
        }
        return new Session(inputs, expected);
    }

    /**
     * Passes a record on after 2 ms, so that a bounded input is still flowing when checkpoints or savepoints
     * complete.
     */
    static Either<SpikeBatch, Feedback> paced(Either<SpikeBatch, Feedback> input) throws InterruptedException {
        Thread.sleep(2);
        return input;
    }
}
