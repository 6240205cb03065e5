package io.spikeline.operators.signal;

/** How the filter operator runs its design over a stream. */
public enum FilterMode {
    /** Causal second-order-section filtering: each frame is emitted when it arrives, delayed by the phase. */
    CAUSAL,
    /**
     * Forward then backward within consecutive blocks of B samples: near-zero phase, but each block is
     * emitted only once its last sample has arrived (latency B samples).
     */
    BLOCK_BIDIRECTIONAL
}
