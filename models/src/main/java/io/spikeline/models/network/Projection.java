package io.spikeline.models.network;

import io.spikeline.models.learning.PlasticWeights;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.synapse.CsrWeights;
import io.spikeline.models.synapse.DelayedCsrSynapses;
import io.spikeline.models.synapse.DenseWeights;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The synapses of one connection as the network steps them: dense weights, sparse weights, or sparse weights
 * behind per-synapse delays. Its state (weights, pending delayed input) is written inside the network's snapshot.
 */
final class Projection {
    private final DenseWeights dense;
    private final CsrWeights sparse;
    private final DelayedCsrSynapses delayed;
    private final PlasticWeights plastic;

    private Projection(DenseWeights dense, CsrWeights sparse, DelayedCsrSynapses delayed) {
        this.dense = dense;
        this.sparse = sparse;
        this.delayed = delayed;
        this.plastic = dense != null ? PlasticWeights.of(dense) : PlasticWeights.of(sparse);
    }

    /**
     * Draws the connection from its seed: dense weights row by row, or each possible synapse's existence then its
     * weight ({@link CsrWeights#random}), then the delays synapse by synapse.
     */
    static Projection build(ConnectionSpec spec, int preCount, int postCount) {
        SeededRandom random = new SeededRandom(spec.seed());
        float min = (float) spec.minWeight();
        float max = (float) spec.maxWeight();
        if (spec.connectivity() instanceof Connectivity.Dense && spec.delays() == null) {
            DenseWeights weights = new DenseWeights(preCount, postCount);
            float[] w = weights.weights();
            for (int s = 0; s < w.length; s++) {
                w[s] = min + (max - min) * random.nextFloat();
            }
            return new Projection(weights, null, null);
        }
        CsrWeights weights = CsrWeights.random(preCount, postCount, spec.connectivity().density(), min, max, random);
        if (spec.delays() == null) {
            return new Projection(null, weights, null);
        }
        int[] delays = new int[weights.synapseCount()];
        int span = spec.delays().maxSteps() - spec.delays().minSteps() + 1;
        for (int s = 0; s < delays.length; s++) {
            delays[s] = spec.delays().minSteps() + random.nextInt(span);
        }
        return new Projection(null, weights, new DelayedCsrSynapses(weights, delays));
    }

    PlasticWeights plastic() {
        return plastic;
    }

    /** Starts a step: adds the delayed input due now to {@code postInput}. */
    void deliver(float[] postInput) {
        if (delayed != null) {
            delayed.deliver(postInput);
        }
    }

    /** Sends this step's presynaptic spikes (now, or into the delay ring); returns the synaptic operations. */
    long propagate(int[] spikes, int count, float[] postInput) {
        if (dense != null) {
            return dense.propagateSpikes(spikes, count, postInput);
        }
        return delayed != null ? delayed.propagateSpikes(spikes, count)
                : sparse.propagateSpikes(spikes, count, postInput);
    }

    /** Writes the weights, then the pending delayed input. */
    void writeState(DataOutput out) throws IOException {
        if (dense != null) {
            dense.writeSnapshot(out);
        } else {
            sparse.writeSnapshot(out);
        }
        if (delayed != null) {
            delayed.writeSnapshot(out);
        }
    }

    void readState(DataInput in) throws IOException {
        if (dense != null) {
            dense.readSnapshot(in);
        } else {
            sparse.readSnapshot(in);
        }
        if (delayed != null) {
            delayed.readSnapshot(in);
        }
    }

    /** Writes only what runs between samples (the delay ring), which a new sample starts without. */
    void writeTransient(DataOutput out) throws IOException {
        if (delayed != null) {
            delayed.writeSnapshot(out);
        }
    }

    void readTransient(DataInput in) throws IOException {
        if (delayed != null) {
            delayed.readSnapshot(in);
        }
    }
}
