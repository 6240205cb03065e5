package io.spikeline.models.network;

/** Which synapses a connection has: all of them, or each with a probability. */
public sealed interface Connectivity {

    /** The probability that a given presynaptic–postsynaptic pair is connected. */
    double density();

    /** Every presynaptic neuron reaches every postsynaptic neuron. */
    record Dense() implements Connectivity {
        @Override
        public double density() {
            return 1;
        }
    }

    /** Each pair is connected independently with probability {@code density} in (0, 1]. */
    record Sparse(double density) implements Connectivity {
        public Sparse {
            if (!(density > 0 && density <= 1)) {
                throw new IllegalArgumentException("sparse connectivity density must lie in (0, 1], was " + density);
            }
        }
    }
}
