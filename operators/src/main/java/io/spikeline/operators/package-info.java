/**
 * Flink functions that keep the {@code models} objects in keyed state: filtering, encoding, spiking networks,
 * decoding and learning. They adapt models to state, time and I/O and hold no arithmetic of their own.
 */
package io.spikeline.operators;
