package io.spikeline.models.neuron;

/** When a LIF neuron's reset takes effect relative to its spike (see the package documentation). */
public enum ResetTiming {
    /**
     * Convention A: update, then spike when {@code v >= threshold}, and reset in the same step; the recorded
     * potential of a spiking step is the post-reset value.
     */
    IMMEDIATE,
    /**
     * Convention B (snnTorch {@code Leaky}): update, then spike when {@code v > threshold} (strict); the reset is
     * applied in the next step, after that step's update, so the recorded potential of a spiking step is above
     * threshold.
     */
    DELAYED
}
