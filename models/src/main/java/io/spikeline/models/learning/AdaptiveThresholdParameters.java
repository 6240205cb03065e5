package io.spikeline.models.learning;

import static io.spikeline.models.learning.Checks.requirePositive;

/**
 * Parameters of homeostatic adaptive thresholds ({@link AdaptiveThresholds}).
 *
 * @param learningRate η_θ, threshold change per unit of (spike − target probability), in threshold units
 * @param targetRateHz target firing rate, Hz; with {@code dtMs} it must give a spike probability per step below 1
 * @param initialThreshold threshold every neuron starts from, in the neuron's membrane units
 * @param dtMs length of one step, ms
 */
public record AdaptiveThresholdParameters(double learningRate, double targetRateHz, double initialThreshold,
                                          double dtMs) {

    public AdaptiveThresholdParameters {
        requirePositive(learningRate, "learningRate");
        requirePositive(targetRateHz, "targetRateHz");
        requirePositive(dtMs, "dtMs");
        if (!Double.isFinite(initialThreshold)) {
            throw new IllegalArgumentException("initialThreshold must be finite, was " + initialThreshold);
        }
        if (targetRateHz * dtMs / 1000 >= 1) {
            throw new IllegalArgumentException("targetRateHz " + targetRateHz + " cannot be reached with steps of "
                    + dtMs + " ms");
        }
    }

    /** The target spike probability per step, ρ = targetRateHz · dtMs / 1000. */
    public double targetPerStep() {
        return targetRateHz * dtMs / 1000;
    }
}
