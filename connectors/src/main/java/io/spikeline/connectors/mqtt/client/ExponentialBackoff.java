package io.spikeline.connectors.mqtt.client;

import java.time.Duration;

/**
 * Reconnection delays that double after each failed attempt, from {@code initial} up to {@code max}:
 * {@code delay(n) = min(max, initial * 2^n)} before attempt {@code n + 1} (n failures so far).
 */
public record ExponentialBackoff(Duration initial, Duration max) {

    public ExponentialBackoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maximum backoff must be at least the initial " + initial + ", was " + max);
        }
    }

    /** The delay before the next attempt after {@code failures} consecutive failures (0 after a lost connection). */
    public Duration delay(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("failure count must be >= 0, was " + failures);
        }
        long initialMs = initial.toMillis();
        // Past 62 doublings any positive initial delay exceeds every representable bound.
        if (failures >= 62 || initialMs > (max.toMillis() >> Math.min(failures, 62))) {
            return max;
        }
        return Duration.ofMillis(Math.min(max.toMillis(), initialMs << failures));
    }
}
