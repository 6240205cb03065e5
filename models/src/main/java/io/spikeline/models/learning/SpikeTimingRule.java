package io.spikeline.models.learning;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The step shared by the trace-based spike-timing rules: each step, (1) every trace decays by its factor
 * {@code exp(−dt/τ)}; (2) each postsynaptic spike of neuron {@code j} changes every synapse {@code i → j} by
 * {@code potentiation(j) · x_i}; (3) each presynaptic spike of neuron {@code i} changes every synapse
 * {@code i → j} by {@code depression(i) · y_j}; (4) the traces take this step's spikes. Because the traces
 * only hold spikes of earlier steps during (2) and (3), coincident pre and post spikes ({@code Δt = 0})
 * contribute nothing, and the LTP of a post spike is applied before the LTD of a pre spike of the same step.
 *
 * <p>Trace decay costs {@code O(pre + post)} per step; weight updates touch only the synapses of neurons
 * that spiked. Traces are {@code double}.
 */
public abstract sealed class SpikeTimingRule implements Snapshottable permits PairStdp, TripletStdp {
    private static final int VERSION = 1;

    private final int tag;
    private final String name;
    private final WeightBounds bounds;
    private final double preDecay;
    private final double postDecay;
    private final boolean nearestTraces;
    /** Presynaptic trace {@code x_i}: the spikes of neuron i before this step, weighted by {@code exp(−Δt/τ)}. */
    final double[] preTrace;
    /** Postsynaptic trace {@code y_j}. */
    final double[] postTrace;

    SpikeTimingRule(int tag, String name, int preCount, int postCount, double preTauMs, double postTauMs,
                    double dtMs, boolean nearestTraces, WeightBounds bounds) {
        Checks.requirePositiveCount(preCount, "preCount");
        Checks.requirePositiveCount(postCount, "postCount");
        this.tag = tag;
        this.name = name;
        this.bounds = bounds;
        this.preDecay = Math.exp(-dtMs / preTauMs);
        this.postDecay = Math.exp(-dtMs / postTauMs);
        this.nearestTraces = nearestTraces;
        this.preTrace = new double[preCount];
        this.postTrace = new double[postCount];
    }

    /** Factor applied to {@code x_i} on every synapse into spiking post neuron {@code post}. */
    abstract double potentiation(int post);

    /** Factor applied to {@code y_j} on every synapse out of spiking pre neuron {@code pre}. */
    abstract double depression(int pre);

    /** Decays the traces a subclass adds. */
    void decayOwnTraces() {
    }

    /** Adds this step's spikes to the traces a subclass adds. */
    void recordOwnTraces(int[] preSpikes, int preCount, int[] postSpikes, int postCount) {
    }

    void writeOwnTraces(DataOutput out) throws IOException {
    }

    void readOwnTraces(DataInput in) throws IOException {
    }

    /**
     * Advances one time step: {@code preSpikes[0 .. preCount)} and {@code postSpikes[0 .. postCount)} are the
     * neurons that spiked in it. Returns the number of synapse updates performed.
     */
    public final long step(int[] preSpikes, int preCount, int[] postSpikes, int postCount, PlasticWeights weights) {
        weights.requireShape(preTrace.length, postTrace.length, name);
        Traces.decay(preTrace, preDecay);
        Traces.decay(postTrace, postDecay);
        decayOwnTraces();
        long touched = 0;
        for (int k = 0; k < postCount; k++) {
            int j = postSpikes[k];
            touched += weights.updateColumn(j, potentiation(j), preTrace, bounds);
        }
        for (int k = 0; k < preCount; k++) {
            int i = preSpikes[k];
            touched += weights.updateRow(i, depression(i), postTrace, bounds);
        }
        recordOwnTraces(preSpikes, preCount, postSpikes, postCount);
        Traces.record(preTrace, preSpikes, preCount, nearestTraces);
        Traces.record(postTrace, postSpikes, postCount, nearestTraces);
        return touched;
    }

    /** Presynaptic trace {@code x_i}; read-only by contract. */
    public final double[] preTrace() {
        return preTrace;
    }

    /** Postsynaptic trace {@code y_j}; read-only by contract. */
    public final double[] postTrace() {
        return postTrace;
    }

    @Override
    public final void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, tag, VERSION);
        Snapshots.writeDoubles(out, preTrace);
        Snapshots.writeDoubles(out, postTrace);
        writeOwnTraces(out);
    }

    @Override
    public final void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, tag, VERSION);
        Snapshots.readDoubles(in, preTrace, "presynaptic trace");
        Snapshots.readDoubles(in, postTrace, "postsynaptic trace");
        readOwnTraces(in);
    }
}
