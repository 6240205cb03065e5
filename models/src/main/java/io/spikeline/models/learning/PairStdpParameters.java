package io.spikeline.models.learning;

import static io.spikeline.models.learning.Checks.requireNonNegative;
import static io.spikeline.models.learning.Checks.requirePositive;

/**
 * Parameters of pair-based STDP ({@link PairStdp}).
 *
 * @param aPlus amplitude of the change for a presynaptic spike before a postsynaptic one (≥ 0, weight units;
 *     a fraction of the range under soft bounds)
 * @param aMinus amplitude of the change for a postsynaptic spike before a presynaptic one (≥ 0)
 * @param tauPlusMs time constant of the presynaptic trace, ms
 * @param tauMinusMs time constant of the postsynaptic trace, ms
 * @param dtMs length of one step, ms
 * @param pairing which spike pairs count
 * @param window the sign of the post-before-pre branch
 * @param bounds how weights are limited
 */
public record PairStdpParameters(double aPlus, double aMinus, double tauPlusMs, double tauMinusMs, double dtMs,
                                 Pairing pairing, Window window, WeightBounds bounds) {

    /** Which pairs of spikes contribute. */
    public enum Pairing {
        /** Every pre/post pair (traces add 1 per spike). */
        ALL_TO_ALL,
        /**
         * Symmetric nearest-neighbour: a post spike pairs only with the latest earlier pre spike and a pre spike
         * only with the latest earlier post spike (traces are set to 1 per spike).
         */
        NEAREST
    }

    /** The shape of the STDP window. */
    public enum Window {
        /** Pre before post potentiates by {@code aPlus·e^{−Δt/τ+}}, post before pre depresses by {@code aMinus·e^{−|Δt|/τ−}}. */
        CAUSAL,
        /**
         * Both orders potentiate (Hebbian, {@code Δt}-symmetric when {@code aPlus = aMinus} and
         * {@code tauPlusMs = tauMinusMs}).
         */
        SYMMETRIC
    }

    public PairStdpParameters {
        requireNonNegative(aPlus, "aPlus");
        requireNonNegative(aMinus, "aMinus");
        requirePositive(tauPlusMs, "tauPlusMs");
        requirePositive(tauMinusMs, "tauMinusMs");
        requirePositive(dtMs, "dtMs");
        if (pairing == null || window == null || bounds == null) {
            throw new IllegalArgumentException("pairing, window and bounds must be given, were " + pairing + ", "
                    + window + ", " + bounds);
        }
    }

    /** Hebbian symmetric STDP: {@code Δw = amplitude · e^{−|Δt|/τ}} for either order, all-to-all. */
    public static PairStdpParameters symmetric(double amplitude, double tauMs, double dtMs, WeightBounds bounds) {
        return new PairStdpParameters(amplitude, amplitude, tauMs, tauMs, dtMs, Pairing.ALL_TO_ALL, Window.SYMMETRIC,
                bounds);
    }
}
