package io.spikeline.models.neuron;

/** What a spike does to the membrane potential. */
public enum ResetMode {
    /** {@code v <- v - threshold}: the charge above threshold is kept (rate coding stays linear). */
    SUBTRACT,
    /** {@code v <- 0}. */
    ZERO
}
