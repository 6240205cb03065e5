package io.spikeline.models.network;

import java.util.Objects;

/**
 * The synapses into a layer from the layer before it (or from the network input): their connectivity, their
 * initial weights, uniform in [{@code minWeight}, {@code maxWeight}) and drawn from {@code seed}, and optionally
 * per-synapse integer delays ({@code delays == null}: a spike reaches the next layer in the step it is emitted).
 */
public record ConnectionSpec(Connectivity connectivity, double minWeight, double maxWeight, long seed,
                             DelaySpec delays) {
    public ConnectionSpec {
        Objects.requireNonNull(connectivity, "connectivity");
        if (!Double.isFinite(minWeight) || !Double.isFinite(maxWeight) || minWeight > maxWeight) {
            throw new IllegalArgumentException("connection weights need finite minWeight <= maxWeight, were "
                    + minWeight + " and " + maxWeight);
        }
    }

    /** Undelayed synapses. */
    public static ConnectionSpec of(Connectivity connectivity, double minWeight, double maxWeight, long seed) {
        return new ConnectionSpec(connectivity, minWeight, maxWeight, seed, null);
    }

    public ConnectionSpec withDelays(DelaySpec newDelays) {
        return new ConnectionSpec(connectivity, minWeight, maxWeight, seed, newDelays);
    }
}
