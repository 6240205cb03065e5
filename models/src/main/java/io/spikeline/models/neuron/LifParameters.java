package io.spikeline.models.neuron;

import java.util.Objects;

/**
 * Parameters of a leaky integrate-and-fire population (equations in the package documentation). The potential,
 * threshold, bias and input share one arbitrary unit (input is charge per step); time is counted in steps.
 *
 * @param beta membrane decay per step, in (0, 1]; {@code exp(-dt/tau)} (see {@link #withTauMs}); default 0.9
 * @param threshold firing threshold, positive; default 1
 * @param bias constant input added every step, finite; default 0
 * @param refractorySteps steps after a spike during which the potential is held and the neuron cannot fire,
 *     a whole number; default 0. Only with {@link ResetTiming#IMMEDIATE}.
 * @param reset subtract the threshold or reset to zero; default {@link ResetMode#SUBTRACT}
 * @param timing reset convention A or B; default {@link ResetTiming#IMMEDIATE}
 */
public record LifParameters(PerNeuron beta, PerNeuron threshold, PerNeuron bias, PerNeuron refractorySteps,
                            ResetMode reset, ResetTiming timing) {

    public LifParameters {
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(timing, "timing");
        beta.require(x -> x > 0 && x <= 1, "beta", "in (0, 1]");
        threshold.require(x -> x > 0 && x < Double.POSITIVE_INFINITY, "threshold", "positive and finite");
        bias.require(Double::isFinite, "bias", "finite");
        refractorySteps.requireCount("refractorySteps");
        if (timing == ResetTiming.DELAYED) {
            refractorySteps.require(x -> x == 0, "refractorySteps", "0 with the delayed (snnTorch) reset");
        }
    }

    /** beta 0.9, threshold 1, bias 0, no refractory period, subtractive immediate reset. */
    public static LifParameters defaults() {
        return new LifParameters(PerNeuron.of(0.9), PerNeuron.of(1), PerNeuron.of(0), PerNeuron.of(0),
                ResetMode.SUBTRACT, ResetTiming.IMMEDIATE);
    }

    public LifParameters withBeta(PerNeuron newBeta) {
        return new LifParameters(newBeta, threshold, bias, refractorySteps, reset, timing);
    }

    /** beta = exp(-dtMs / tauMs) for membrane time constants {@code tauMs} and step {@code dtMs} (ms). */
    public LifParameters withTauMs(PerNeuron tauMs, double dtMs) {
        return withBeta(PerNeuron.decayFactors(tauMs, dtMs));
    }

    public LifParameters withThreshold(PerNeuron newThreshold) {
        return new LifParameters(beta, newThreshold, bias, refractorySteps, reset, timing);
    }

    public LifParameters withBias(PerNeuron newBias) {
        return new LifParameters(beta, threshold, newBias, refractorySteps, reset, timing);
    }

    public LifParameters withRefractorySteps(PerNeuron newRefractorySteps) {
        return new LifParameters(beta, threshold, bias, newRefractorySteps, reset, timing);
    }

    public LifParameters withReset(ResetMode newReset) {
        return new LifParameters(beta, threshold, bias, refractorySteps, newReset, timing);
    }

    public LifParameters withTiming(ResetTiming newTiming) {
        return new LifParameters(beta, threshold, bias, refractorySteps, reset, newTiming);
    }
}
