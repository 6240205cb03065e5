package io.spikeline.models.learning;

import io.spikeline.models.synapse.CsrWeights;

/**
 * Which synapses leave each presynaptic neuron (rows) and reach each postsynaptic neuron (columns), with
 * the neuron at the other end of each, so that rules driven by either side touch only those synapses.
 * Synapse {@code s} is an index into the weight array of the matrix the index was built for.
 */
final class SynapseIndex {
    final int preCount;
    final int postCount;
    /** Synapses leaving {@code i}: {@code rowOffsets[i] .. rowOffsets[i + 1]}, targets {@code rowPost[s]}. */
    final int[] rowOffsets;
    final int[] rowPost;
    /** Synapses reaching {@code j}: {@code columnSynapses[k]} for {@code k} in {@code columnOffsets[j] ..}. */
    final int[] columnOffsets;
    final int[] columnSynapses;
    /** The presynaptic neuron of {@code columnSynapses[k]}. */
    final int[] columnPre;

    private SynapseIndex(int preCount, int postCount, int[] rowOffsets, int[] rowPost, int[] columnOffsets,
                         int[] columnSynapses, int[] columnPre) {
        this.preCount = preCount;
        this.postCount = postCount;
        this.rowOffsets = rowOffsets;
        this.rowPost = rowPost;
        this.columnOffsets = columnOffsets;
        this.columnSynapses = columnSynapses;
        this.columnPre = columnPre;
    }

    int synapseCount() {
        return rowPost.length;
    }

    /** Shares the sparse matrix's own row and column index; adds the presynaptic neuron of each column entry. */
    static SynapseIndex of(CsrWeights weights) {
        int[] rowOffsets = weights.rowOffsets();
        int[] columnSynapses = weights.columnSynapses();
        int[] preOfSynapse = new int[weights.synapseCount()];
        for (int i = 0; i < weights.preCount(); i++) {
            for (int s = rowOffsets[i]; s < rowOffsets[i + 1]; s++) {
                preOfSynapse[s] = i;
            }
        }
        int[] columnPre = new int[columnSynapses.length];
        for (int k = 0; k < columnPre.length; k++) {
            columnPre[k] = preOfSynapse[columnSynapses[k]];
        }
        return new SynapseIndex(weights.preCount(), weights.postCount(), rowOffsets, weights.postIndex(),
                weights.columnOffsets(), columnSynapses, columnPre);
    }

    /** All-to-all connectivity stored row-major ({@code s = pre · postCount + post}). */
    static SynapseIndex dense(int preCount, int postCount) {
        if ((long) preCount * postCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a dense matrix of " + preCount + " x " + postCount
                    + " exceeds one array; use CsrWeights");
        }
        int n = preCount * postCount;
        int[] rowOffsets = new int[preCount + 1];
        int[] rowPost = new int[n];
        int[] columnOffsets = new int[postCount + 1];
        int[] columnSynapses = new int[n];
        int[] columnPre = new int[n];
        for (int i = 0; i < preCount; i++) {
            rowOffsets[i + 1] = (i + 1) * postCount;
            for (int j = 0; j < postCount; j++) {
                rowPost[i * postCount + j] = j;
            }
        }
        for (int j = 0; j < postCount; j++) {
            columnOffsets[j + 1] = (j + 1) * preCount;
            for (int i = 0; i < preCount; i++) {
                columnSynapses[j * preCount + i] = i * postCount + j;
                columnPre[j * preCount + i] = i;
            }
        }
        return new SynapseIndex(preCount, postCount, rowOffsets, rowPost, columnOffsets, columnSynapses, columnPre);
    }
}
