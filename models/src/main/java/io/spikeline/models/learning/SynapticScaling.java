package io.spikeline.models.learning;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Multiplicative synaptic scaling toward a target rate: each neuron keeps an exponential estimate {@code r_j}
 * of its spike probability per step and every step multiplies all its incoming weights by
 * {@code 1 + η_s (ρ − r_j) / ρ}, where {@code ρ} is the target probability; the factor lies in
 * {@code (1 − η_s (1 − ρ)/ρ, 1 + η_s]}, so relative weights onto a neuron are preserved. The rate estimates
 * start at the target and are {@code double}. Costs {@code O(synapses)} per step.
 */
public final class SynapticScaling implements Snapshottable {
    private static final int TAG = Snapshots.tag("LSS1");
    private static final int VERSION = 1;

    private final double rateDecay;
    private final double target;
    private final double learningRate;
    private final double[] rates;

    public SynapticScaling(SynapticScalingParameters parameters, int neuronCount) {
        Checks.requirePositiveCount(neuronCount, "neuronCount");
        this.rateDecay = Math.exp(-parameters.dtMs() / parameters.rateTauMs());
        this.target = parameters.targetPerStep();
        this.learningRate = parameters.learningRate();
        this.rates = new double[neuronCount];
        Arrays.fill(rates, target);
    }

    /**
     * Updates the rate estimates with the step's spikes ({@code spikes[0 .. count)}) and scales the incoming
     * weights of every neuron. Returns the number of synapses scaled.
     */
    public long step(int[] spikes, int count, PlasticWeights weights) {
        if (weights.postCount() != rates.length) {
            throw new IllegalArgumentException("synaptic scaling was built for " + rates.length
                    + " neurons but the weights reach " + weights.postCount());
        }
        Traces.decay(rates, rateDecay);
        for (int k = 0; k < count; k++) {
            rates[spikes[k]] += 1 - rateDecay;
        }
        long touched = 0;
        for (int j = 0; j < rates.length; j++) {
            touched += weights.scaleColumn(j, 1 + learningRate * (target - rates[j]) / target);
        }
        return touched;
    }

    /** The estimated spike probability per step of each neuron; read-only by contract. */
    public double[] rates() {
        return rates;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeDoubles(out, rates);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readDoubles(in, rates, "rate estimates");
    }
}
