package io.spikeline.models.network;

import java.util.List;
import java.util.Objects;

/**
 * One layer: {@code size} neurons of one model, fed by one connection from the previous layer (or the network
 * input for the first layer), whose weights the {@code rules} (possibly none) change as the network runs.
 */
public record LayerSpec(NeuronModel neuron, int size, ConnectionSpec input, List<LearningRule> rules) {
    public LayerSpec {
        Objects.requireNonNull(neuron, "neuron model");
        Objects.requireNonNull(input, "input connection");
        if (size <= 0) {
            throw new IllegalArgumentException("layer size must be > 0, was " + size);
        }
        rules = List.copyOf(rules);
    }

    /** A layer whose weights do not learn. */
    public static LayerSpec of(NeuronModel neuron, int size, ConnectionSpec input) {
        return new LayerSpec(neuron, size, input, List.of());
    }
}
