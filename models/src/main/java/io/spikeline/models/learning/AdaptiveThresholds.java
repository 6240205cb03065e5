package io.spikeline.models.learning;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-neuron firing thresholds that integrate the difference between spiking and the target rate:
 * {@code θ_j ← θ_j + η_θ (s_j − ρ)} each step. Since the thresholds integrate the rate error, over any window of
 * {@code W} steps the mean spike probability equals {@code ρ + (θ_end − θ_start) / (η_θ W)}: a neuron whose
 * threshold settles fires at the target rate. A neuron model reads {@link #thresholds()} each step.
 */
public final class AdaptiveThresholds implements Snapshottable {
    private static final int TAG = Snapshots.tag("LAT1");
    private static final int VERSION = 1;

    private final float decrement;
    private final float increment;
    private final float[] thresholds;

    public AdaptiveThresholds(AdaptiveThresholdParameters parameters, int neuronCount) {
        Checks.requirePositiveCount(neuronCount, "neuronCount");
        this.decrement = (float) (parameters.learningRate() * parameters.targetPerStep());
        this.increment = (float) parameters.learningRate();
        this.thresholds = new float[neuronCount];
        Arrays.fill(thresholds, (float) parameters.initialThreshold());
    }

    /** Adapts the thresholds after a step in which {@code spikes[0 .. count)} fired. */
    public void step(int[] spikes, int count) {
        for (int j = 0; j < thresholds.length; j++) {
            thresholds[j] -= decrement;
        }
        for (int k = 0; k < count; k++) {
            thresholds[spikes[k]] += increment;
        }
    }

    /** The current thresholds; read-only by contract. */
    public float[] thresholds() {
        return thresholds;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeFloats(out, thresholds);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readFloats(in, thresholds, "thresholds");
    }
}
