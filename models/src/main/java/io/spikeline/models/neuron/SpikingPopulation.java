package io.spikeline.models.neuron;

import io.spikeline.models.snapshot.Snapshottable;

/**
 * A population of spiking neurons whose struct-of-arrays state advances as a whole, one time step per call.
 *
 * <p>Convention shared by every model: {@link #step} reads one input value per neuron from
 * {@code input[0 .. size())} (never written), writes the indices of the neurons that spike in this step,
 * in increasing order, to {@code spikesOut[0 .. count)} and returns {@code count}. {@code spikesOut} must hold
 * at least {@link #size()} entries. The call allocates nothing. A population is not thread-safe: one owner (one
 * key) steps it.
 */
public interface SpikingPopulation extends Snapshottable {

    /** The number of neurons. */
    int size();

    /** Advances every neuron by one time step; returns how many spiked (their indices are in {@code spikesOut}). */
    int step(float[] input, int[] spikesOut);
}
