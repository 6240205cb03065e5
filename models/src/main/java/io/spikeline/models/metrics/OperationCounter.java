package io.spikeline.models.metrics;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Counts the operations a network performs: synaptic operations (SynOps: one per weight a spike adds to a
 * postsynaptic input, as {@code propagateSpikes} returns them), multiply-accumulates (MACs: graded
 * propagation, as {@code propagateGraded} returns them; also dense readouts) and neuron state updates.
 * Their energy is estimated with {@link EnergyCosts}.
 */
public final class OperationCounter implements Snapshottable {
    private static final int TAG = Snapshots.tag("MOPS");
    private static final int VERSION = 1;

    private long synOps;
    private long macs;
    private long neuronUpdates;

    public void addSynOps(long count) {
        synOps += requireCount("SynOps", count);
    }

    public void addMacs(long count) {
        macs += requireCount("MACs", count);
    }

    public void addNeuronUpdates(long count) {
        neuronUpdates += requireCount("neuron updates", count);
    }

    private static long requireCount(String what, long count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " to add must be >= 0, was " + count);
        }
        return count;
    }

    public long synOps() {
        return synOps;
    }

    public long macs() {
        return macs;
    }

    public long neuronUpdates() {
        return neuronUpdates;
    }

    /** The estimated energy in picojoules of everything counted. */
    public double energyPj(EnergyCosts costs) {
        return costs.energyPj(synOps, macs, neuronUpdates);
    }

    public void reset() {
        synOps = 0;
        macs = 0;
        neuronUpdates = 0;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeLong(synOps);
        out.writeLong(macs);
        out.writeLong(neuronUpdates);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        synOps = in.readLong();
        macs = in.readLong();
        neuronUpdates = in.readLong();
    }
}
