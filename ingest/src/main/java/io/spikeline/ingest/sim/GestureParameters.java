package io.spikeline.ingest.sim;

/**
 * Parameters of the simulated event camera watching a hand perform {@link Gesture}s.
 *
 * <p>Model: the hand is a bright disk on a dark background; each rendering step of {@code stepUs}, a pixel
 * that the disk's edge crosses changes log intensity past the contrast threshold once: an ON event where the
 * disk arrives, an OFF event where it leaves, timed uniformly within the step. On top come background
 * activity (Poisson, {@code noiseHzPerPixel} per pixel, random polarity) and {@code hotPixels} pixels that fire
 * at {@code hotPixelHz}. Gestures last {@code gestureMs} each (scaled per repetition by a random factor in
 * 0.8–1.2) and are separated by pauses of {@code pauseMs}; classes come in a shuffled round robin, so every
 * class appears once in each {@code Gesture.values().length} gestures.
 */
public record GestureParameters(long seed, int width, int height, double radiusPx, double gestureMs, double pauseMs,
                                long stepUs, long batchUs, double noiseHzPerPixel, int hotPixels, double hotPixelHz) {

    public GestureParameters {
        if (width < 16 || height < 16 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("sensor must be 16..4096 pixels each way, was " + width + "x" + height);
        }
        if (!(radiusPx >= 1) || radiusPx > Math.min(width, height) / 4.0) {
            throw new IllegalArgumentException("radius must lie in 1.." + Math.min(width, height) / 4.0 + " px, was "
                    + radiusPx);
        }
        if (!(gestureMs > 0) || !(pauseMs >= 0)) {
            throw new IllegalArgumentException("gesture duration must be > 0 and pause >= 0 ms, were " + gestureMs
                    + " and " + pauseMs);
        }
        if (stepUs < 10 || batchUs < stepUs || batchUs % stepUs != 0) {
            throw new IllegalArgumentException("step must be >= 10 us and divide the batch span; were " + stepUs
                    + " and " + batchUs + " us");
        }
        if (!(noiseHzPerPixel >= 0) || hotPixels < 0 || !(hotPixelHz >= 0)) {
            throw new IllegalArgumentException("noise rate, hot pixel count and rate must be >= 0");
        }
    }

    /** A 128×128 sensor (as DVS128), 12 px hand, 1.5 s gestures with 0.5 s pauses, 10 ms batches. */
    public static GestureParameters defaults(long seed) {
        return new GestureParameters(seed, 128, 128, 12, 1500, 500, 500, 10_000, 0.2, 4, 200);
    }
}
