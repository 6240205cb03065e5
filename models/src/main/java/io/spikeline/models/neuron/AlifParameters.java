package io.spikeline.models.neuron;

import java.util.Objects;

/**
 * Parameters of an adaptive-threshold LIF population (Bellec et al. 2018, LSNN; equations in the package
 * documentation). Potential, thresholds, bias and input share one arbitrary unit; time is counted in steps.
 *
 * @param alpha membrane decay per step, in (0, 1]; default exp(-1/20) (20 ms at 1 ms steps)
 * @param baseThreshold threshold b0 of an unadapted neuron, positive; default 1
 * @param adaptationStrength beta_a, how much the adaptation variable raises the threshold, >= 0; default 1.8
 * @param adaptationDecay rho, decay per step of the adaptation variable, in (0, 1); default exp(-1/200)
 * @param bias constant input added every step, finite; default 0
 * @param refractorySteps steps after a spike during which the potential is held and the neuron cannot fire,
 *     a whole number; default 0
 * @param reset subtract the current (adapted) threshold or reset to zero; default {@link ResetMode#SUBTRACT}
 */
public record AlifParameters(PerNeuron alpha, PerNeuron baseThreshold, PerNeuron adaptationStrength,
                             PerNeuron adaptationDecay, PerNeuron bias, PerNeuron refractorySteps, ResetMode reset) {

    public AlifParameters {
        Objects.requireNonNull(reset, "reset");
        alpha.require(x -> x > 0 && x <= 1, "alpha", "in (0, 1]");
        baseThreshold.require(x -> x > 0 && x < Double.POSITIVE_INFINITY, "baseThreshold", "positive and finite");
        adaptationStrength.require(x -> x >= 0 && x < Double.POSITIVE_INFINITY, "adaptationStrength",
                ">= 0 and finite");
        adaptationDecay.require(x -> x > 0 && x < 1, "adaptationDecay", "in (0, 1)");
        bias.require(Double::isFinite, "bias", "finite");
        refractorySteps.requireCount("refractorySteps");
    }

    /** alpha exp(-1/20), b0 1, beta_a 1.8, rho exp(-1/200), bias 0, no refractory period, subtractive reset. */
    public static AlifParameters defaults() {
        return new AlifParameters(PerNeuron.of(Math.exp(-1.0 / 20)), PerNeuron.of(1), PerNeuron.of(1.8),
                PerNeuron.of(Math.exp(-1.0 / 200)), PerNeuron.of(0), PerNeuron.of(0), ResetMode.SUBTRACT);
    }

    public AlifParameters withAlpha(PerNeuron newAlpha) {
        return new AlifParameters(newAlpha, baseThreshold, adaptationStrength, adaptationDecay, bias, refractorySteps,
                reset);
    }

    /** alpha = exp(-dtMs / tauMs) for membrane time constants {@code tauMs} and step {@code dtMs} (ms). */
    public AlifParameters withMembraneTauMs(PerNeuron tauMs, double dtMs) {
        return withAlpha(PerNeuron.decayFactors(tauMs, dtMs));
    }

    public AlifParameters withBaseThreshold(PerNeuron newBaseThreshold) {
        return new AlifParameters(alpha, newBaseThreshold, adaptationStrength, adaptationDecay, bias, refractorySteps,
                reset);
    }

    public AlifParameters withAdaptationStrength(PerNeuron newStrength) {
        return new AlifParameters(alpha, baseThreshold, newStrength, adaptationDecay, bias, refractorySteps, reset);
    }

    public AlifParameters withAdaptationDecay(PerNeuron newDecay) {
        return new AlifParameters(alpha, baseThreshold, adaptationStrength, newDecay, bias, refractorySteps, reset);
    }

    /** rho = exp(-dtMs / tauMs) for adaptation time constants {@code tauMs} and step {@code dtMs} (ms). */
    public AlifParameters withAdaptationTauMs(PerNeuron tauMs, double dtMs) {
        return withAdaptationDecay(PerNeuron.decayFactors(tauMs, dtMs));
    }

    public AlifParameters withBias(PerNeuron newBias) {
        return new AlifParameters(alpha, baseThreshold, adaptationStrength, adaptationDecay, newBias, refractorySteps,
                reset);
    }

    public AlifParameters withRefractorySteps(PerNeuron newRefractorySteps) {
        return new AlifParameters(alpha, baseThreshold, adaptationStrength, adaptationDecay, bias, newRefractorySteps,
                reset);
    }

    public AlifParameters withReset(ResetMode newReset) {
        return new AlifParameters(alpha, baseThreshold, adaptationStrength, adaptationDecay, bias, refractorySteps,
                newReset);
    }
}
