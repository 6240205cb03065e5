package io.spikeline.models.learning;

import static io.spikeline.models.learning.Checks.requirePositive;

/**
 * Parameters of the reward- or error-modulated eligibility-trace rule ({@link ThreeFactorRule}).
 *
 * @param learningRate η (weight units per unit of modulator and eligibility)
 * @param preTraceTauMs time constant of the presynaptic trace {@code x}, ms
 * @param eligibilityTauMs time constant of the eligibility traces {@code e}, ms
 * @param baselineTauMs time constant of the running reward baseline {@code b}, ms
 * @param dtMs length of one step, ms
 * @param bounds how weights are limited
 */
public record ThreeFactorParameters(double learningRate, double preTraceTauMs, double eligibilityTauMs,
                                    double baselineTauMs, double dtMs, WeightBounds bounds) {

    public ThreeFactorParameters {
        requirePositive(learningRate, "learningRate");
        requirePositive(preTraceTauMs, "preTraceTauMs");
        requirePositive(eligibilityTauMs, "eligibilityTauMs");
        requirePositive(baselineTauMs, "baselineTauMs");
        requirePositive(dtMs, "dtMs");
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must be given, was null");
        }
    }
}
