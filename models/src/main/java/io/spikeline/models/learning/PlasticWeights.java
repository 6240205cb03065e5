package io.spikeline.models.learning;

import io.spikeline.models.synapse.CsrWeights;
import io.spikeline.models.synapse.DenseWeights;

/**
 * The synapse-level operations the learning rules need, written once over a {@link SynapseIndex} and a
 * weight store that is either the {@code float} array of a {@link CsrWeights} / {@link DenseWeights}
 * ({@link #of(CsrWeights)}, {@link #of(DenseWeights)}: updates are computed in {@code double} and rounded
 * to {@code float} on store) or a {@code double} matrix ({@link DoubleWeights}, for exact reference runs).
 *
 * <p>A view is built once (it allocates the index) and then used every step without allocation. All
 * operations return the number of synapses they touched. Values indexed by neuron ({@code preValue},
 * {@code postValue}) are traces or factors; values indexed by synapse ({@code perSynapse}) follow the
 * weight array's order, of length {@link #synapseCount()}.
 */
public abstract sealed class PlasticWeights permits FloatPlasticWeights, DoubleWeights {
    final SynapseIndex index;

    PlasticWeights(SynapseIndex index) {
        this.index = index;
    }

    /** A view that updates the sparse matrix's weights in place. */
    public static PlasticWeights of(CsrWeights weights) {
        return new FloatPlasticWeights(SynapseIndex.of(weights), weights.weights());
    }

    /**
     * A view that updates the dense matrix's weights in place. Its index holds three ints per synapse; for
     * large, mostly zero matrices prefer {@link CsrWeights}.
     */
    public static PlasticWeights of(DenseWeights weights) {
        return new FloatPlasticWeights(SynapseIndex.dense(weights.preCount(), weights.postCount()),
                weights.weights());
    }

    abstract double weightAt(int synapse);

    abstract void setWeightAt(int synapse, double w);

    public final int preCount() {
        return index.preCount;
    }

    public final int postCount() {
        return index.postCount;
    }

    public final int synapseCount() {
        return index.synapseCount();
    }

    /** The weight from {@code pre} to {@code post}, or 0 where there is no synapse. */
    public final double weight(int pre, int post) {
        for (int s = index.rowOffsets[pre]; s < index.rowOffsets[pre + 1]; s++) {
            if (index.rowPost[s] == post) {
                return weightAt(s);
            }
        }
        return 0;
    }

    /** For each synapse {@code s} from {@code pre} to {@code j}: {@code w_s ← bounds(w_s, amplitude · postValue[j])}. */
    public final long updateRow(int pre, double amplitude, double[] postValue, WeightBounds bounds) {
        int end = index.rowOffsets[pre + 1];
        int[] rowPost = index.rowPost;
        for (int s = index.rowOffsets[pre]; s < end; s++) {
            setWeightAt(s, bounds.apply(weightAt(s), amplitude * postValue[rowPost[s]]));
        }
        return end - index.rowOffsets[pre];
    }

    /** For each synapse {@code s} from {@code i} to {@code post}: {@code w_s ← bounds(w_s, amplitude · preValue[i])}. */
    public final long updateColumn(int post, double amplitude, double[] preValue, WeightBounds bounds) {
        int end = index.columnOffsets[post + 1];
        int[] synapses = index.columnSynapses;
        int[] pres = index.columnPre;
        for (int k = index.columnOffsets[post]; k < end; k++) {
            int s = synapses[k];
            setWeightAt(s, bounds.apply(weightAt(s), amplitude * preValue[pres[k]]));
        }
        return end - index.columnOffsets[post];
    }

    /** For each synapse {@code s} from {@code i} to {@code post}: {@code perSynapse[s] += factor · preValue[i]}. */
    public final long accumulateColumn(int post, double factor, double[] preValue, double[] perSynapse) {
        int end = index.columnOffsets[post + 1];
        for (int k = index.columnOffsets[post]; k < end; k++) {
            perSynapse[index.columnSynapses[k]] += factor * preValue[index.columnPre[k]];
        }
        return end - index.columnOffsets[post];
    }

    /**
     * For every synapse {@code s} to {@code j} with {@code postValue[j] ≠ 0}:
     * {@code w_s ← bounds(w_s, amplitude · postValue[j] · perSynapse[s])}.
     */
    public final long updateAll(double amplitude, double[] postValue, double[] perSynapse, WeightBounds bounds) {
        long touched = 0;
        for (int j = 0; j < index.postCount; j++) {
            double factor = amplitude * postValue[j];
            if (factor == 0) {
                continue;
            }
            int end = index.columnOffsets[j + 1];
            for (int k = index.columnOffsets[j]; k < end; k++) {
                int s = index.columnSynapses[k];
                setWeightAt(s, bounds.apply(weightAt(s), factor * perSynapse[s]));
            }
            touched += end - index.columnOffsets[j];
        }
        return touched;
    }

    /** Multiplies every weight reaching {@code post} by {@code factor}. */
    public final long scaleColumn(int post, double factor) {
        int end = index.columnOffsets[post + 1];
        for (int k = index.columnOffsets[post]; k < end; k++) {
            int s = index.columnSynapses[k];
            setWeightAt(s, weightAt(s) * factor);
        }
        return end - index.columnOffsets[post];
    }

    /** Fails unless this matrix connects {@code preCount} to {@code postCount} neurons; {@code rule} names the caller. */
    final void requireShape(int preCount, int postCount, String rule) {
        if (index.preCount != preCount || index.postCount != postCount) {
            throw new IllegalArgumentException(rule + " was built for " + preCount + " x " + postCount
                    + " neurons but the weights are " + index.preCount + " x " + index.postCount);
        }
    }
}
