package io.spikeline.ingest.replay;

import java.util.function.Consumer;

/**
 * How to replay.
 *
 * @param speed event time per wall time: 1 replays at the sensor's pace, 10 ten times faster; 0 (or
 *     {@link #AS_FAST_AS_POSSIBLE}) does not wait at all
 * @param progressIntervalNanos wall time between progress reports
 * @param listener receives progress reports, and a last one when the source ends
 */
public record ReplayOptions(double speed, long progressIntervalNanos, Consumer<ReplayProgress> listener) {
    public static final double AS_FAST_AS_POSSIBLE = 0;

    public ReplayOptions {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be finite and >= 0 (0 = as fast as possible), was "
                    + speed);
        }
        if (progressIntervalNanos <= 0) {
            throw new IllegalArgumentException("progress interval must be > 0 ns, was " + progressIntervalNanos);
        }
        if (listener == null) {
            throw new IllegalArgumentException("progress listener must not be null");
        }
    }

    /** Real-time pace, progress every 5 s to {@code listener}. */
    public static ReplayOptions realTime(Consumer<ReplayProgress> listener) {
        return new ReplayOptions(1, 5_000_000_000L, listener);
    }

    public ReplayOptions withSpeed(double newSpeed) {
        return new ReplayOptions(newSpeed, progressIntervalNanos, listener);
    }
}
