/**
 * Flink functions that keep the {@code models} objects in keyed state: filtering, encoding, spiking networks, decoding and learning; they hold no arithmetic of their own.
 */
package io.spikeline.operators;
