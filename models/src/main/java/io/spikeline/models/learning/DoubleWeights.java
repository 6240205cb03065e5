package io.spikeline.models.learning;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * An all-to-all weight matrix in {@code double}, row-major by presynaptic neuron, for small learned
 * matrices that must follow a reference computation exactly (single-synapse rule checks, readouts with
 * tiny learning rates). The weights are learned state and are snapshotted.
 */
public final class DoubleWeights extends PlasticWeights implements Snapshottable {
    private static final int TAG = Snapshots.tag("LDW1");
    private static final int VERSION = 1;

    private final double[] weights;

    public DoubleWeights(int preCount, int postCount, double initialWeight) {
        super(SynapseIndex.dense(Checks.requirePositiveCount(preCount, "preCount"),
                Checks.requirePositiveCount(postCount, "postCount")));
        this.weights = new double[preCount * postCount];
        Arrays.fill(weights, initialWeight);
    }

    @Override
    double weightAt(int synapse) {
        return weights[synapse];
    }

    @Override
    void setWeightAt(int synapse, double w) {
        weights[synapse] = w;
    }

    public void set(int pre, int post, double w) {
        weights[pre * index.postCount + post] = w;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(index.preCount);
        out.writeInt(index.postCount);
        Snapshots.writeDoubles(out, weights);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, index.preCount, "presynaptic count");
        Snapshots.expectInt(in, index.postCount, "postsynaptic count");
        Snapshots.readDoubles(in, weights, "weights");
    }
}
