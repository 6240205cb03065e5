package io.spikeline.models.neuron;

import java.util.Objects;

/**
 * Parameters of a two-compartment (dendrite + soma) LIF population of the TS-LIF family (equations in the
 * package documentation). Potentials, threshold, bias and inputs share one arbitrary unit; time is in steps.
 *
 * @param somaDecay beta, somatic decay per step, in (0, 1]; default 0.9
 * @param dendriteDecay alpha_d, dendritic decay per step, in [0, 1); default 0.8
 * @param coupling g, the fraction of the dendritic potential driven into the soma each step, >= 0; 0 decouples
 *     the compartments; default 0.2
 * @param threshold somatic firing threshold, positive; default 1
 * @param bias constant somatic input per step, finite; default 0
 * @param refractorySteps steps after a spike during which the soma is held and cannot fire (the dendrite keeps
 *     integrating), a whole number; default 0
 * @param reset somatic reset; default {@link ResetMode#SUBTRACT}
 */
public record TwoCompartmentParameters(PerNeuron somaDecay, PerNeuron dendriteDecay, PerNeuron coupling,
                                       PerNeuron threshold, PerNeuron bias, PerNeuron refractorySteps,
                                       ResetMode reset) {

    public TwoCompartmentParameters {
        Objects.requireNonNull(reset, "reset");
        somaDecay.require(x -> x > 0 && x <= 1, "somaDecay", "in (0, 1]");
        dendriteDecay.require(x -> x >= 0 && x < 1, "dendriteDecay", "in [0, 1)");
        coupling.require(x -> x >= 0 && x < Double.POSITIVE_INFINITY, "coupling", ">= 0 and finite");
        threshold.require(x -> x > 0 && x < Double.POSITIVE_INFINITY, "threshold", "positive and finite");
        bias.require(Double::isFinite, "bias", "finite");
        refractorySteps.requireCount("refractorySteps");
    }

    /** beta 0.9, alpha_d 0.8, g 0.2, threshold 1, bias 0, no refractory period, subtractive reset. */
    public static TwoCompartmentParameters defaults() {
        return new TwoCompartmentParameters(PerNeuron.of(0.9), PerNeuron.of(0.8), PerNeuron.of(0.2), PerNeuron.of(1),
                PerNeuron.of(0), PerNeuron.of(0), ResetMode.SUBTRACT);
    }

    public TwoCompartmentParameters withSomaDecay(PerNeuron newSomaDecay) {
        return new TwoCompartmentParameters(newSomaDecay, dendriteDecay, coupling, threshold, bias, refractorySteps,
                reset);
    }

    public TwoCompartmentParameters withDendriteDecay(PerNeuron newDendriteDecay) {
        return new TwoCompartmentParameters(somaDecay, newDendriteDecay, coupling, threshold, bias, refractorySteps,
                reset);
    }

    public TwoCompartmentParameters withCoupling(PerNeuron newCoupling) {
        return new TwoCompartmentParameters(somaDecay, dendriteDecay, newCoupling, threshold, bias, refractorySteps,
                reset);
    }

    public TwoCompartmentParameters withThreshold(PerNeuron newThreshold) {
        return new TwoCompartmentParameters(somaDecay, dendriteDecay, coupling, newThreshold, bias, refractorySteps,
                reset);
    }

    public TwoCompartmentParameters withBias(PerNeuron newBias) {
        return new TwoCompartmentParameters(somaDecay, dendriteDecay, coupling, threshold, newBias, refractorySteps,
                reset);
    }

    public TwoCompartmentParameters withRefractorySteps(PerNeuron newRefractorySteps) {
        return new TwoCompartmentParameters(somaDecay, dendriteDecay, coupling, threshold, bias, newRefractorySteps,
                reset);
    }

    public TwoCompartmentParameters withReset(ResetMode newReset) {
        return new TwoCompartmentParameters(somaDecay, dendriteDecay, coupling, threshold, bias, refractorySteps,
                newReset);
    }
}
