package io.spikeline.operators.snn;

/** What the SNN operator does with a spike batch whose lag exceeds the configured bound. */
public enum StaleInputPolicy {
    /** Integrate and decode every batch, however late. */
    DECODE_ALL,
    /** Skip the batch (counted): the network does not see it, so it catches up with real time. */
    SKIP
}
