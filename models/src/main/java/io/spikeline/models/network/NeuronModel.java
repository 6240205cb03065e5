package io.spikeline.models.network;

import io.spikeline.models.neuron.AlifParameters;
import io.spikeline.models.neuron.AlifPopulation;
import io.spikeline.models.neuron.IzhikevichParameters;
import io.spikeline.models.neuron.IzhikevichPopulation;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.LifPopulation;
import io.spikeline.models.neuron.SpikingPopulation;
import io.spikeline.models.neuron.TwoCompartmentParameters;
import io.spikeline.models.neuron.TwoCompartmentPopulation;
import java.util.Objects;

/** The neuron type of a layer, with its parameters; builds the population of a given size. */
public sealed interface NeuronModel {

    /** A population of {@code size} neurons at rest; fails if a per-neuron parameter has another length. */
    SpikingPopulation build(int size);

    record Lif(LifParameters parameters) implements NeuronModel {
        public Lif {
            Objects.requireNonNull(parameters, "LIF parameters");
        }

        @Override
        public SpikingPopulation build(int size) {
            return new LifPopulation(size, parameters);
        }
    }

    record Alif(AlifParameters parameters) implements NeuronModel {
        public Alif {
            Objects.requireNonNull(parameters, "ALIF parameters");
        }

        @Override
        public SpikingPopulation build(int size) {
            return new AlifPopulation(size, parameters);
        }
    }

    record Izhikevich(IzhikevichParameters parameters) implements NeuronModel {
        public Izhikevich {
            Objects.requireNonNull(parameters, "Izhikevich parameters");
        }

        @Override
        public SpikingPopulation build(int size) {
            return new IzhikevichPopulation(size, parameters);
        }
    }

    /** Two-compartment neurons; the layer's synaptic input drives the dendrite. */
    record TwoCompartment(TwoCompartmentParameters parameters) implements NeuronModel {
        public TwoCompartment {
            Objects.requireNonNull(parameters, "two-compartment parameters");
        }

        @Override
        public SpikingPopulation build(int size) {
            return new TwoCompartmentPopulation(size, parameters);
        }
    }
}
