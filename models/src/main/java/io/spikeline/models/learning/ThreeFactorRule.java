package io.spikeline.models.learning;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Three-factor learning: Hebbian pre-before-post coincidences are remembered in per-synapse eligibility
 * traces {@code e_ij} and turned into weight changes only by a modulator, either a scalar reward (minus its
 * running baseline) or a per-output error (see {@code package-info} for the equations and order). State:
 * presynaptic traces, eligibilities (in the weight matrix's synapse order) and the reward baseline, all
 * {@code double}.
 */
public final class ThreeFactorRule implements Snapshottable {
    private static final int TAG = Snapshots.tag("LTF1");
    private static final int VERSION = 1;

    private final ThreeFactorParameters parameters;
    private final double preDecay;
    private final double eligibilityDecay;
    private final double baselineRate;
    private final double[] preTrace;
    private final double[] eligibility;
    private final double[] modulator;
    private final int postCount;
    private double baseline;

    /** A rule for the synapses of {@code weights} (only their shape is kept). */
    public ThreeFactorRule(ThreeFactorParameters parameters, PlasticWeights weights) {
        this.parameters = parameters;
        this.preDecay = Math.exp(-parameters.dtMs() / parameters.preTraceTauMs());
        this.eligibilityDecay = Math.exp(-parameters.dtMs() / parameters.eligibilityTauMs());
        this.baselineRate = 1 - Math.exp(-parameters.dtMs() / parameters.baselineTauMs());
        this.preTrace = new double[weights.preCount()];
        this.eligibility = new double[weights.synapseCount()];
        this.modulator = new double[weights.postCount()];
        this.postCount = weights.postCount();
    }

    /**
     * Advances one step with a scalar {@code reward} delivered in it (0 when none): every synapse is
     * modulated by {@code reward − baseline}, then the baseline moves toward the reward. Returns the number of
     * synapse weight updates.
     */
    public long step(int[] preSpikes, int preCount, int[] postSpikes, int postCount, double reward,
                     PlasticWeights weights) {
        decay(weights);
        accumulateSpikes(postSpikes, postCount, weights);
        Arrays.fill(modulator, reward - baseline);
        baseline += baselineRate * (reward - baseline);
        return modulate(preSpikes, preCount, modulator, weights);
    }

    /**
     * Advances one step with a per-output error ({@code postError[j]}, target minus actual, so that a positive
     * error strengthens eligible synapses onto {@code j}). Returns the number of synapse weight updates.
     */
    public long step(int[] preSpikes, int preCount, int[] postSpikes, int postCount, double[] postError,
                     PlasticWeights weights) {
        requireOutputs(postError.length, "error");
        decay(weights);
        accumulateSpikes(postSpikes, postCount, weights);
        return modulate(preSpikes, preCount, postError, weights);
    }

    /**
     * Advances one step in the e-prop form: the postsynaptic factor of the eligibility is the pseudo-derivative
     * {@code ψ_j} of each neuron's spike with respect to its membrane potential, supplied by the neuron model
     * (neurons with {@code ψ_j = 0} are skipped), and the modulator is the per-output learning signal
     * {@code postError[j]}. Returns the number of synapse weight updates.
     */
    public long step(int[] preSpikes, int preCount, float[] postPseudoDerivative, double[] postError,
                     PlasticWeights weights) {
        requireOutputs(postPseudoDerivative.length, "pseudo-derivative");
        requireOutputs(postError.length, "error");
        decay(weights);
        for (int j = 0; j < postPseudoDerivative.length; j++) {
            if (postPseudoDerivative[j] != 0) {
                weights.accumulateColumn(j, postPseudoDerivative[j], preTrace, eligibility);
            }
        }
        return modulate(preSpikes, preCount, postError, weights);
    }

    private void requireOutputs(int length, String what) {
        if (length != postCount) {
            throw new IllegalArgumentException(what + " has " + length + " outputs, expected " + postCount);
        }
    }

    /** Checks the weights and decays the presynaptic traces and the eligibilities. */
    private void decay(PlasticWeights weights) {
        weights.requireShape(preTrace.length, postCount, "three-factor rule");
        if (weights.synapseCount() != eligibility.length) {
            throw new IllegalArgumentException("three-factor rule was built for " + eligibility.length
                    + " synapses but the weights have " + weights.synapseCount());
        }
        Traces.decay(preTrace, preDecay);
        Traces.decay(eligibility, eligibilityDecay);
    }

    private void accumulateSpikes(int[] postSpikes, int postCount, PlasticWeights weights) {
        for (int k = 0; k < postCount; k++) {
            weights.accumulateColumn(postSpikes[k], 1.0, preTrace, eligibility);
        }
    }

    /** Applies the modulated eligibilities to the weights, then records this step's presynaptic spikes. */
    private long modulate(int[] preSpikes, int preCount, double[] perOutput, PlasticWeights weights) {
        long touched = weights.updateAll(parameters.learningRate(), perOutput, eligibility, parameters.bounds());
        Traces.record(preTrace, preSpikes, preCount, false);
        return touched;
    }

    /** Eligibility of each synapse, in the weight matrix's synapse order; read-only by contract. */
    public double[] eligibility() {
        return eligibility;
    }

    public double baseline() {
        return baseline;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeDoubles(out, preTrace);
        Snapshots.writeDoubles(out, eligibility);
        out.writeDouble(baseline);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readDoubles(in, preTrace, "presynaptic trace");
        Snapshots.readDoubles(in, eligibility, "eligibility");
        baseline = in.readDouble();
    }
}
