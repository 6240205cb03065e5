package io.spikeline.models.metrics;

/**
 * Energy per operation, in picojoules, for an estimate
 * {@code E = SynOps · synOpPj + MACs · macPj + neuron updates · neuronUpdatePj}. These are configurable
 * first-order estimates of arithmetic energy only: they leave out memory access and data movement, which
 * on real hardware often dominate, and they depend on the process, voltage and number format.
 *
 * @param synOpPj energy of one synaptic operation: a spike adding one weight to a postsynaptic input
 *     (an accumulate)
 * @param macPj energy of one multiply-accumulate, as graded (non-spiking) propagation performs
 * @param neuronUpdatePj energy of one neuron state update per step
 */
public record EnergyCosts(double synOpPj, double macPj, double neuronUpdatePj) {

    /**
     * 32-bit floating point at 45 nm, 0.9 V, after M. Horowitz, "Computing's energy problem (and what we
     * can do about it)", ISSCC 2014: an add costs 0.9 pJ and a multiply 3.7 pJ. A SynOp is one add (0.9 pJ),
     * a MAC one multiply and one add (4.6 pJ), and a leaky integrate-and-fire update
     * {@code v ← β v + I} followed by a threshold comparison one multiply and two adds (5.5 pJ).
     */
    public static final EnergyCosts HOROWITZ_45NM_FP32 = new EnergyCosts(0.9, 3.7 + 0.9, 3.7 + 2 * 0.9);

    public EnergyCosts {
        requireCost("synOpPj", synOpPj);
        requireCost("macPj", macPj);
        requireCost("neuronUpdatePj", neuronUpdatePj);
    }

    private static void requireCost(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("EnergyCosts " + name + " must be finite and >= 0, was " + value);
        }
    }

    /** The estimated energy in picojoules of the given operation counts. */
    public double energyPj(long synOps, long macs, long neuronUpdates) {
        return synOps * synOpPj + macs * macPj + neuronUpdates * neuronUpdatePj;
    }
}
