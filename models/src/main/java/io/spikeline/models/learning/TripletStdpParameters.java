package io.spikeline.models.learning;

import static io.spikeline.models.learning.Checks.requireNonNegative;
import static io.spikeline.models.learning.Checks.requirePositive;

/**
 * Parameters of triplet STDP (Pfister &amp; Gerstner 2006, all-to-all interactions; {@link TripletStdp}). The
 * minimal model sets {@code a3Minus = 0}.
 *
 * @param a2Plus pair potentiation amplitude (weight units)
 * @param a3Plus triplet potentiation amplitude (post-pre-post)
 * @param a2Minus pair depression amplitude
 * @param a3Minus triplet depression amplitude (pre-post-pre)
 * @param tauPlusMs time constant of the fast presynaptic trace {@code r1}, ms
 * @param tauXMs time constant of the slow presynaptic trace {@code r2}, ms
 * @param tauMinusMs time constant of the fast postsynaptic trace {@code o1}, ms
 * @param tauYMs time constant of the slow postsynaptic trace {@code o2}, ms
 * @param dtMs length of one step, ms
 * @param bounds how weights are limited
 */
public record TripletStdpParameters(double a2Plus, double a3Plus, double a2Minus, double a3Minus, double tauPlusMs,
                                    double tauXMs, double tauMinusMs, double tauYMs, double dtMs,
                                    WeightBounds bounds) {

    public TripletStdpParameters {
        requireNonNegative(a2Plus, "a2Plus");
        requireNonNegative(a3Plus, "a3Plus");
        requireNonNegative(a2Minus, "a2Minus");
        requireNonNegative(a3Minus, "a3Minus");
        requirePositive(tauPlusMs, "tauPlusMs");
        requirePositive(tauXMs, "tauXMs");
        requirePositive(tauMinusMs, "tauMinusMs");
        requirePositive(tauYMs, "tauYMs");
        requirePositive(dtMs, "dtMs");
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must be given, was null");
        }
    }
}
