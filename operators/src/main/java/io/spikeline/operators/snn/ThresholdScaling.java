package io.spikeline.operators.snn;

import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.neuron.PerNeuron;

/**
 * Which layers a {@link NetworkControl.Action#THRESHOLD_SCALE} can act on. The network applies a threshold scale
 * {@code s} as a gain {@code 1/s} on the layer's synaptic input ({@code SpikingNetwork.setThresholdScale}). Where the
 * state update is linear in the potentials and the input with no constant drive — LIF, ALIF and two-compartment
 * neurons whose bias is 0 everywhere — every potential then stays {@code 1/s} times that of the same layer built
 * with its firing threshold times {@code s}, and the spikes are the same: it is a scale of the threshold, with
 * the potential held in units of the threshold. For ALIF the whole adaptive threshold {@code b0 + β_a·a} is scaled
 * (base threshold and adaptation strength); for two-compartment neurons the somatic threshold, the dendrite being
 * held in the same units. A bias would have to be scaled with it, which the network does not do, and an
 * Izhikevich neuron has no threshold to scale (its cut-off {@code peakMv} only ends an upstroke that the quadratic
 * dynamics make explosive, and its dynamics are not linear), so on those layers the gain would not be a threshold
 * scale: the control is refused there.
 */
final class ThresholdScaling {
    private ThresholdScaling() {
    }

    /** Whether a threshold scale of a layer of {@code neuron}s scales its firing threshold exactly. */
    static boolean scalesThreshold(NeuronModel neuron) {
        if (neuron instanceof NeuronModel.Lif lif) {
            return zero(lif.parameters().bias());
        }
        if (neuron instanceof NeuronModel.Alif alif) {
            return zero(alif.parameters().bias());
        }
        if (neuron instanceof NeuronModel.TwoCompartment twoCompartment) {
            return zero(twoCompartment.parameters().bias());
        }
        return false;
    }

    private static boolean zero(PerNeuron values) {
        if (values.isUniform()) {
            return values.get(0) == 0;
        }
        for (int i = 0; i < values.length(); i++) {
            if (values.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
