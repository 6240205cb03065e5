package io.spikeline.operators.signal;

import io.spikeline.models.record.SampleFrame;

/** What {@link FrameScreen} needs of a key's state: the stream's shape, continuity and last finite values. */
interface ScreenedStream {

    /** Whether {@code frame} has the shape (sample rate, channel count) of the current stream. */
    boolean fits(SampleFrame frame);

    /** Restarts the state for a stream of {@code frame}'s shape, as at its first frame. */
    void start(SampleFrame frame);

    /**
     * Restarts the continuous state after a break in the stream, from the next frame processed.
     *
     * @return the samples per channel held back and dropped with the break
     */
    int restart();

    FrameContinuity continuity();

    /** The last finite value of each channel, for {@code NonFinitePolicy.HOLD_LAST}. */
    float[] lastFinite();
}
