package io.spikeline.operators.sideoutput;

/** What an operator does with a frame holding NaN or infinite samples. */
public enum NonFinitePolicy {
    /** The whole frame is dropped; continuous state restarts at the next frame, as after a gap. */
    DROP_FRAME,
    /** Each bad value is replaced by the last finite value of its channel (0 before the first one). */
    HOLD_LAST,
    /** Each bad value is replaced by 0. */
    ZERO
}
