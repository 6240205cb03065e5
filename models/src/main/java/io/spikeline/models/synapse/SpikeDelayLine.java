package io.spikeline.models.synapse;

import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An axonal delay line for spike lists: a spike of neuron {@code i} emitted at step {@code t} comes out at step
 * {@code t + delaySteps[i]}, delays lying in {@code 1 .. maxDelay}. The delayed list feeds any propagation
 * ({@link CsrWeights#propagateSpikes}, {@link DenseWeights}) unchanged.
 *
 * <p>The pending spikes are kept in a ring of {@code maxDelay} slots, one spike list per future step; a slot
 * holds each neuron at most once, because a neuron has one delay and spikes at most once per step. The ring and
 * its position are state and are snapshotted.
 */
public final class SpikeDelayLine implements Snapshottable {
    private static final int TAG = Snapshots.tag("DLIN");
    private static final int VERSION = 1;

    private final int[] delaySteps;
    private final int neuronCount;
    private final int maxDelay;
    private final int[] queued;
    private final int[] queuedCount;
    private int cursor;

    /** @param delaySteps the delay of each neuron's spikes in steps, each at least 1 (copied) */
    public SpikeDelayLine(int[] delaySteps) {
        if (delaySteps.length == 0) {
            throw new IllegalArgumentException("a delay line needs at least one neuron");
        }
        int max = 1;
        for (int i = 0; i < delaySteps.length; i++) {
            if (delaySteps[i] < 1) {
                throw new IllegalArgumentException("delaySteps[" + i + "] must be at least 1, was " + delaySteps[i]);
            }
            max = Math.max(max, delaySteps[i]);
        }
        this.delaySteps = delaySteps.clone();
        this.neuronCount = delaySteps.length;
        this.maxDelay = max;
        this.queued = new int[Math.multiplyExact(max, neuronCount)];
        this.queuedCount = new int[max];
        this.cursor = max - 1;
    }

    public int neuronCount() {
        return neuronCount;
    }

    public int maxDelay() {
        return maxDelay;
    }

    /**
     * Advances one step: takes the {@code count} distinct neurons in {@code spikes} that spiked in this step, and
     * writes to {@code delayedOut} the spikes that arrive in this step (ordered by emission step, then as they were
     * given). Returns the number of arriving spikes; {@code delayedOut} must hold {@link #neuronCount()} entries.
     */
    public int step(int[] spikes, int count, int[] delayedOut) {
        if (delayedOut.length < neuronCount) {
            throw new IllegalArgumentException("delayed spike array has length " + delayedOut.length
                    + ", expected at least " + neuronCount);
        }
        cursor = cursor + 1 == maxDelay ? 0 : cursor + 1;
        int arriving = queuedCount[cursor];
        System.arraycopy(queued, cursor * neuronCount, delayedOut, 0, arriving);
        queuedCount[cursor] = 0;
        for (int k = 0; k < count; k++) {
            int i = spikes[k];
            if (i < 0 || i >= neuronCount) {
                throw new IllegalArgumentException("spike of neuron " + i + " outside 0.." + (neuronCount - 1));
            }
            int slot = cursor + delaySteps[i];
            if (slot >= maxDelay) {
                slot -= maxDelay;
            }
            if (queuedCount[slot] == neuronCount) {
                throw new IllegalArgumentException("neuron " + i + " listed twice among the spikes of one step");
            }
            queued[slot * neuronCount + queuedCount[slot]++] = i;
        }
        return arriving;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(neuronCount);
        out.writeInt(maxDelay);
        out.writeInt(cursor);
        for (int slot = 0; slot < maxDelay; slot++) {
            out.writeInt(queuedCount[slot]);
            for (int k = 0; k < queuedCount[slot]; k++) {
                out.writeInt(queued[slot * neuronCount + k]);
            }
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, neuronCount, "neuron count");
        Snapshots.expectInt(in, maxDelay, "maximum delay");
        int position = readBounded(in, maxDelay - 1, "ring position");
        for (int slot = 0; slot < maxDelay; slot++) {
            int count = readBounded(in, neuronCount, "queued spike count");
            for (int k = 0; k < count; k++) {
                queued[slot * neuronCount + k] = readBounded(in, neuronCount - 1, "queued neuron");
            }
            queuedCount[slot] = count;
        }
        cursor = position;
    }

    private static int readBounded(DataInput in, int max, String what) throws IOException {
        int value = in.readInt();
        if (value < 0 || value > max) {
            throw new SnapshotFormatException("snapshot has " + what + " " + value + " outside 0.." + max);
        }
        return value;
    }
}
