package io.spikeline.models.network;

/**
 * Per-synapse integer delays, each drawn uniformly from {@code minSteps .. maxSteps} (in bins, at least 1) by
 * the connection's seeded generator.
 */
public record DelaySpec(int minSteps, int maxSteps) {
    public DelaySpec {
        if (minSteps < 1) {
            throw new IllegalArgumentException("delay minSteps must be >= 1, was " + minSteps);
        }
        if (maxSteps < minSteps) {
            throw new IllegalArgumentException("delay maxSteps must be >= minSteps " + minSteps + ", was " + maxSteps);
        }
    }
}
