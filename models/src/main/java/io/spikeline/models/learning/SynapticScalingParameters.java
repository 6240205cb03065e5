package io.spikeline.models.learning;

import static io.spikeline.models.learning.Checks.requirePositive;

/**
 * Parameters of multiplicative synaptic scaling ({@link SynapticScaling}).
 *
 * @param learningRate η_s, relative weight change per step per unit of relative rate error
 * @param targetRateHz target firing rate, Hz
 * @param rateTauMs time constant of each neuron's rate estimate, ms
 * @param dtMs length of one step, ms
 */
public record SynapticScalingParameters(double learningRate, double targetRateHz, double rateTauMs, double dtMs) {

    public SynapticScalingParameters {
        requirePositive(learningRate, "learningRate");
        requirePositive(targetRateHz, "targetRateHz");
        requirePositive(rateTauMs, "rateTauMs");
        requirePositive(dtMs, "dtMs");
        if (targetRateHz * dtMs / 1000 >= 1) {
            throw new IllegalArgumentException("targetRateHz " + targetRateHz + " cannot be reached with steps of "
                    + dtMs + " ms");
        }
        if (learningRate >= 1) {
            throw new IllegalArgumentException("learningRate must be below 1 so that weights keep their sign, was "
                    + learningRate);
        }
    }

    /** The target spike probability per step, ρ = targetRateHz · dtMs / 1000. */
    public double targetPerStep() {
        return targetRateHz * dtMs / 1000;
    }
}
