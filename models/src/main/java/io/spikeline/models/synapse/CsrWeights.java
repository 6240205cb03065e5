package io.spikeline.models.synapse;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A sparse weight matrix in compressed-row form (rows = presynaptic neurons): the synapses leaving
 * {@code pre} are the indices {@code rowOffsets[pre] .. rowOffsets[pre + 1])}, each with a postsynaptic
 * target {@code postIndex[s]} (increasing within the row) and a weight {@code weights[s]}. A column index
 * ({@code columnOffsets}, {@code columnSynapses}) lists, for each postsynaptic neuron, the synapses that
 * reach it, so that rules driven by postsynaptic spikes touch only those synapses.
 *
 * <p>The connectivity is fixed at construction; the weights are learned state and are snapshotted.
 */
public final class CsrWeights implements Snapshottable {
    private static final int TAG = Snapshots.tag("CSR1");
    private static final int VERSION = 1;

    private final int preCount;
    private final int postCount;
    private final int[] rowOffsets;
    private final int[] postIndex;
    private final float[] weights;
    private final int[] columnOffsets;
    private final int[] columnSynapses;

    /**
     * @param rowOffsets length {@code preCount + 1}, non-decreasing, from 0 to the synapse count
     * @param postIndex the target of each synapse, strictly increasing within a row
     * @param weights the initial weight of each synapse (copied)
     */
    public CsrWeights(int preCount, int postCount, int[] rowOffsets, int[] postIndex, float[] weights) {
        if (preCount <= 0 || postCount <= 0) {
            throw new IllegalArgumentException("sparse weights need positive sizes, were " + preCount + " x " + postCount);
        }
        if (rowOffsets.length != preCount + 1) {
            throw new IllegalArgumentException("row offsets have length " + rowOffsets.length + ", expected "
                    + (preCount + 1));
        }
        int nnz = postIndex.length;
        if (weights.length != nnz) {
            throw new IllegalArgumentException(weights.length + " weights for " + nnz + " synapses");
        }
        if (rowOffsets[0] != 0 || rowOffsets[preCount] != nnz) {
            throw new IllegalArgumentException("row offsets must run from 0 to the synapse count " + nnz
                    + ", ran from " + rowOffsets[0] + " to " + rowOffsets[preCount]);
        }
        for (int i = 0; i < preCount; i++) {
            if (rowOffsets[i + 1] < rowOffsets[i]) {
                throw new IllegalArgumentException("row offsets decrease at presynaptic neuron " + i);
            }
            for (int s = rowOffsets[i]; s < rowOffsets[i + 1]; s++) {
                int j = postIndex[s];
                if (j < 0 || j >= postCount) {
                    throw new IllegalArgumentException("synapse " + s + " from " + i + " targets " + j
                            + ", outside 0.." + (postCount - 1));
                }
                if (s > rowOffsets[i] && j <= postIndex[s - 1]) {
                    throw new IllegalArgumentException("synapses from " + i + " must target increasing, distinct "
                            + "neurons; found " + postIndex[s - 1] + " then " + j);
                }
            }
        }
        this.preCount = preCount;
        this.postCount = postCount;
        this.rowOffsets = rowOffsets.clone();
        this.postIndex = postIndex.clone();
        this.weights = weights.clone();
        this.columnOffsets = new int[postCount + 1];
        this.columnSynapses = new int[nnz];
        for (int s = 0; s < nnz; s++) {
            columnOffsets[postIndex[s] + 1]++;
        }
        for (int j = 0; j < postCount; j++) {
            columnOffsets[j + 1] += columnOffsets[j];
        }
        int[] fill = Arrays.copyOf(columnOffsets, postCount);
        for (int i = 0; i < preCount; i++) {
            for (int s = rowOffsets[i]; s < rowOffsets[i + 1]; s++) {
                columnSynapses[fill[postIndex[s]]++] = s;
            }
        }
    }

    /**
     * Random connectivity: each of the {@code preCount × postCount} possible synapses exists with
     * probability {@code density}, with weight uniform in [{@code minWeight}, {@code maxWeight}).
     */
    public static CsrWeights random(int preCount, int postCount, double density, float minWeight, float maxWeight,
                                    SeededRandom random) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must lie in [0, 1], was " + density);
        }
        int[] offsets = new int[preCount + 1];
        int[] targets = new int[Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8,
                (long) (preCount * (double) postCount * density * 1.1) + 16))];
        float[] w = new float[targets.length];
        int nnz = 0;
        for (int i = 0; i < preCount; i++) {
            for (int j = 0; j < postCount; j++) {
                if (random.nextDouble() < density) {
                    if (nnz == targets.length) {
                        targets = Arrays.copyOf(targets, targets.length * 2);
                        w = Arrays.copyOf(w, w.length * 2);
                    }
                    targets[nnz] = j;
                    w[nnz] = minWeight + (maxWeight - minWeight) * random.nextFloat();
                    nnz++;
                }
            }
            offsets[i + 1] = nnz;
        }
        return new CsrWeights(preCount, postCount, offsets, Arrays.copyOf(targets, nnz), Arrays.copyOf(w, nnz));
    }

    public int preCount() {
        return preCount;
    }

    public int postCount() {
        return postCount;
    }

    public int synapseCount() {
        return postIndex.length;
    }

    /** Read-only by contract. */
    public int[] rowOffsets() {
        return rowOffsets;
    }

    /** Read-only by contract. */
    public int[] postIndex() {
        return postIndex;
    }

    /** The backing weight array, indexed by synapse; learning rules update it in place. */
    public float[] weights() {
        return weights;
    }

    /** Read-only by contract: synapses reaching post {@code j} are {@code columnSynapses[columnOffsets[j] ..]}. */
    public int[] columnOffsets() {
        return columnOffsets;
    }

    /** Read-only by contract. */
    public int[] columnSynapses() {
        return columnSynapses;
    }

    /** The presynaptic neuron of synapse {@code s} (binary search over the row offsets). */
    public int preOf(int s) {
        int lo = 0;
        int hi = preCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowOffsets[mid] <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The weight from {@code pre} to {@code post}, or 0 where there is no synapse. */
    public float get(int pre, int post) {
        int s = Arrays.binarySearch(postIndex, rowOffsets[pre], rowOffsets[pre + 1], post);
        return s >= 0 ? weights[s] : 0f;
    }

    /**
     * Adds the outgoing weights of the {@code activeCount} spiking presynaptic neurons in {@code activePre}
     * to {@code postInput}. Returns the synaptic operations performed.
     */
    public long propagateSpikes(int[] activePre, int activeCount, float[] postInput) {
        long ops = 0;
        for (int a = 0; a < activeCount; a++) {
            int i = activePre[a];
            int end = rowOffsets[i + 1];
            for (int s = rowOffsets[i]; s < end; s++) {
                postInput[postIndex[s]] += weights[s];
            }
            ops += end - rowOffsets[i];
        }
        return ops;
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
