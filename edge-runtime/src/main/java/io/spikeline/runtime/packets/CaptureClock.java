package io.spikeline.runtime.packets;

import java.io.Serializable;

/**
 * The time line of captures replayed one after another: the first packet is at 0 µs and each later one follows the
 * one before it by the gap between their capture times, clamped to [0, {@link #MAX_GAP_US}]. So files join without
 * the hours or years between their recordings, an idle stretch replays as one second, and a clock stepping back
 * does not reorder time.
 */
final class CaptureClock implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The longest gap between two consecutive packets that is replayed as it was, µs. */
    static final long MAX_GAP_US = 1_000_000;

    private long lastCaptureUs;
    private long lastUs = -1;

    /** The replay time of the next packet, captured at {@code captureUs}; {@code newFile} when it opens a file. */
    long next(long captureUs, boolean newFile) {
        if (lastUs < 0) {
            lastUs = 0;
        } else if (!newFile) {
            lastUs += Math.max(0, Math.min(MAX_GAP_US, captureUs - lastCaptureUs));
        }
        lastCaptureUs = captureUs;
        return lastUs;
    }
}
