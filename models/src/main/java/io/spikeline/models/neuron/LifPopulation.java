package io.spikeline.models.neuron;

import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A population of leaky integrate-and-fire neurons in single precision (equations and the two reset
 * conventions in the package documentation). Each step runs three phases over the whole population: the state
 * update {@code v <- beta*v + input + bias}, a branch-free loop over arrays that the JIT vectorises; then the
 * threshold, a scan that touches a neuron further only when it crosses, and the reset of the spiking neurons
 * (convention A), or the reset of the previous step's spiking neurons followed by the threshold (convention B).
 */
public final class LifPopulation implements SpikingPopulation {
    private static final int TAG = Snapshots.tag("NLIF");
    private static final int VERSION = 1;

    private final LifParameters parameters;
    private final float[] beta;
    private final float[] threshold;
    private final float[] bias;
    private final ThresholdReset thresholdReset;
    private final float[] v;
    private final int[] pendingResets;
    private int pendingCount;

    /** A population of {@code size} neurons at rest ({@code v = 0}). */
    public LifPopulation(int size, LifParameters parameters) {
        this.parameters = parameters;
        this.beta = parameters.beta().toFloats(size, "beta");
        this.threshold = parameters.threshold().toFloats(size, "threshold");
        this.bias = parameters.bias().toFloats(size, "bias");
        this.thresholdReset = new ThresholdReset(parameters.reset(), parameters.refractorySteps().toInts(size,
                "refractorySteps"));
        this.v = new float[size];
        this.pendingResets = new int[parameters.timing() == ResetTiming.DELAYED ? size : 0];
    }

    public LifParameters parameters() {
        return parameters;
    }

    @Override
    public int size() {
        return v.length;
    }

    /**
     * The membrane potentials after the latest step (post-reset under convention A, pre-reset under B).
     * Read-only by contract.
     */
    public float[] potential() {
        return v;
    }

    @Override
    public int step(float[] input, int[] spikesOut) {
        ThresholdReset.requireCapacity(v.length, input, spikesOut);
        integrate(input);
        if (parameters.timing() == ResetTiming.IMMEDIATE) {
            thresholdReset.holdRefractory(v);
            return thresholdReset.fire(v, threshold, spikesOut);
        }
        thresholdReset.reset(v, threshold, pendingResets, pendingCount);
        return recordStrictCrossings(spikesOut);
    }

    private void integrate(float[] input) {
        float[] v = this.v;
        float[] beta = this.beta;
        float[] bias = this.bias;
        for (int i = 0; i < v.length; i++) {
            v[i] = beta[i] * v[i] + input[i] + bias[i];
        }
    }

    private int recordStrictCrossings(int[] spikesOut) {
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] > threshold[i]) {
                spikesOut[count++] = i;
            }
        }
        System.arraycopy(spikesOut, 0, pendingResets, 0, count);
        pendingCount = count;
        return count;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeFloats(out, v);
        thresholdReset.writeState(out);
        out.writeInt(pendingCount);
        for (int k = 0; k < pendingCount; k++) {
            out.writeInt(pendingResets[k]);
        }
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readFloats(in, v, "membrane potential");
        thresholdReset.readState(in);
        int count = in.readInt();
        if (count < 0 || count > pendingResets.length) {
            throw new SnapshotFormatException("snapshot holds " + count
                    + " pending resets but this population holds at most " + pendingResets.length);
        }
        for (int k = 0; k < count; k++) {
            int i = in.readInt();
            if (i < 0 || i >= v.length) {
                throw new SnapshotFormatException("snapshot holds a pending reset of neuron " + i + " outside 0.."
                        + (v.length - 1));
            }
            pendingResets[k] = i;
        }
        pendingCount = count;
    }
}
