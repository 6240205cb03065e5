package io.spikeline.models.synapse;

import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Spike propagation through a {@link CsrWeights} matrix with an integer delay per synapse: a spike of
 * presynaptic neuron {@code i} at step {@code t} adds {@code weights[s]} to the input that postsynaptic neuron
 * {@code postIndex[s]} receives at step {@code t + delaySteps[s]}, for every synapse {@code s} leaving {@code i}.
 * Delays lie in {@code 1 .. maxDelay}. The weight is read when the spike is propagated, so a learning rule that
 * changes it meanwhile affects only later spikes.
 *
 * <p>Future input is kept in a ring of {@code maxDelay} slots of one value per postsynaptic neuron; slot
 * {@code (t mod maxDelay)} holds what arrives at step {@code t}. Each step calls {@link #deliver} first (it starts
 * the step and hands over the input due now, freeing its slot) and then {@link #propagateSpikes} with the spikes
 * of that step, which write only into the {@code maxDelay} slots of later steps.
 *
 * <p>The ring and its position are state and are snapshotted; the weights are the {@link CsrWeights}' own state
 * and the delays are configuration, so neither is written here.
 */
public final class DelayedCsrSynapses implements Snapshottable {
    private static final int TAG = Snapshots.tag("DCSR");
    private static final int VERSION = 1;

    private final CsrWeights weights;
    private final int[] delaySteps;
    private final int maxDelay;
    private final int postCount;
    private final float[] pending;
    private int cursor;

    /**
     * @param delaySteps the delay of each synapse in steps, indexed like {@code weights.postIndex()}, each at
     *     least 1 (copied)
     */
    public DelayedCsrSynapses(CsrWeights weights, int[] delaySteps) {
        if (delaySteps.length != weights.synapseCount()) {
            throw new IllegalArgumentException(delaySteps.length + " delays for " + weights.synapseCount()
                    + " synapses");
        }
        int max = 1;
        for (int s = 0; s < delaySteps.length; s++) {
            if (delaySteps[s] < 1) {
                throw new IllegalArgumentException("delaySteps[" + s + "] must be at least 1, was " + delaySteps[s]);
            }
            max = Math.max(max, delaySteps[s]);
        }
        this.weights = weights;
        this.delaySteps = delaySteps.clone();
        this.maxDelay = max;
        this.postCount = weights.postCount();
        this.pending = new float[Math.multiplyExact(max, postCount)];
        this.cursor = max - 1;
    }

    /** Every synapse of {@code weights} with the same delay. */
    public static DelayedCsrSynapses uniform(CsrWeights weights, int delaySteps) {
        int[] delays = new int[weights.synapseCount()];
        Arrays.fill(delays, delaySteps);
        return new DelayedCsrSynapses(weights, delays);
    }

    public CsrWeights weights() {
        return weights;
    }

    /** Read-only by contract. */
    public int[] delaySteps() {
        return delaySteps;
    }

    public int maxDelay() {
        return maxDelay;
    }

    /**
     * Starts the next step: adds the synaptic input due at this step to {@code postInput[0 .. postCount)} and
     * clears it from the ring.
     */
    public void deliver(float[] postInput) {
        if (postInput.length < postCount) {
            throw new IllegalArgumentException("postsynaptic input has length " + postInput.length + ", expected at least "
                    + postCount);
        }
        cursor = cursor + 1 == maxDelay ? 0 : cursor + 1;
        int base = cursor * postCount;
        float[] ring = pending;
        for (int j = 0; j < postCount; j++) {
            postInput[j] += ring[base + j];
        }
        Arrays.fill(ring, base, base + postCount, 0f);
    }

    /**
     * Schedules the outgoing synapses of the {@code activeCount} presynaptic neurons in {@code activePre} that
     * spiked in the current step. Returns the synaptic operations performed (one per synapse reached).
     */
    public long propagateSpikes(int[] activePre, int activeCount) {
        int[] rowOffsets = weights.rowOffsets();
        int[] postIndex = weights.postIndex();
        float[] w = weights.weights();
        float[] ring = pending;
        long ops = 0;
        for (int a = 0; a < activeCount; a++) {
            int i = activePre[a];
            int end = rowOffsets[i + 1];
            for (int s = rowOffsets[i]; s < end; s++) {
                int slot = cursor + delaySteps[s];
                if (slot >= maxDelay) {
                    slot -= maxDelay;
                }
                ring[slot * postCount + postIndex[s]] += w[s];
            }
            ops += end - rowOffsets[i];
        }
        return ops;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(postCount);
        out.writeInt(maxDelay);
        out.writeInt(cursor);
        Snapshots.writeFloats(out, pending);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, postCount, "postsynaptic count");
        Snapshots.expectInt(in, maxDelay, "maximum delay");
        int position = in.readInt();
        if (position < 0 || position >= maxDelay) {
            throw new SnapshotFormatException("snapshot has ring position " + position
                    + " outside 0.." + (maxDelay - 1));
        }
        Snapshots.readFloats(in, pending, "pending synaptic input");
        cursor = position;
    }
}
