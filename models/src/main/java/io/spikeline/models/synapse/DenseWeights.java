package io.spikeline.models.synapse;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An all-to-all weight matrix from {@code preCount} presynaptic to {@code postCount} postsynaptic neurons,
 * stored row-major by presynaptic neuron ({@code w[pre * postCount + post]}) so that one presynaptic spike
 * reads one contiguous row. The weights are learned state and are snapshotted.
 */
public final class DenseWeights implements Snapshottable {
    private static final int TAG = Snapshots.tag("DWT1");
    private static final int VERSION = 1;

    private final int preCount;
    private final int postCount;
    private final float[] weights;

    public DenseWeights(int preCount, int postCount) {
        if (preCount <= 0 || postCount <= 0) {
            throw new IllegalArgumentException("dense weights need positive sizes, were " + preCount + " x " + postCount);
        }
        if ((long) preCount * postCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dense weights of " + preCount + " x " + postCount
                    + " exceed one array; use CsrWeights");
        }
        this.preCount = preCount;
        this.postCount = postCount;
        this.weights = new float[preCount * postCount];
    }

    public int preCount() {
        return preCount;
    }

    public int postCount() {
        return postCount;
    }

    /** The backing array, row-major by presynaptic neuron; learning rules update it in place. */
    public float[] weights() {
        return weights;
    }

    public float get(int pre, int post) {
        return weights[pre * postCount + post];
    }

    public void set(int pre, int post, float w) {
        weights[pre * postCount + post] = w;
    }

    /**
     * Adds the rows of the {@code activeCount} spiking presynaptic neurons listed in {@code activePre} to
     * {@code postInput}. Returns the synaptic operations performed (one per synapse read).
     */
    public long propagateSpikes(int[] activePre, int activeCount, float[] postInput) {
        for (int a = 0; a < activeCount; a++) {
            int row = activePre[a] * postCount;
            for (int j = 0; j < postCount; j++) {
                postInput[j] += weights[row + j];
            }
        }
        return (long) activeCount * postCount;
    }

    /**
     * Adds {@code Σ_pre activity[pre] · w[pre][post]} to {@code postInput}, skipping zero activity.
     * Returns the multiply-accumulates performed.
     */
    public long propagateGraded(float[] activity, float[] postInput) {
        long macs = 0;
        for (int i = 0; i < preCount; i++) {
            float a = activity[i];
            if (a == 0f) {
                continue;
            }
            int row = i * postCount;
            for (int j = 0; j < postCount; j++) {
                postInput[j] += a * weights[row + j];
            }
            macs += postCount;
        }
        return macs;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(preCount);
        out.writeInt(postCount);
        Snapshots.writeFloats(out, weights);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, preCount, "presynaptic count");
        Snapshots.expectInt(in, postCount, "postsynaptic count");
        Snapshots.readFloats(in, weights, "weights");
    }
}
