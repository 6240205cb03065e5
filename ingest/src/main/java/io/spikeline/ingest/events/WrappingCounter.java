package io.spikeline.ingest.events;

/**
 * Extends a counter of a fixed number of bits (a timestamp or its high part) that wraps to zero into a
 * monotone long: a value that falls back by more than half the counter's range is taken as a wrap, and every
 * later value lies one range further on. A smaller fall-back is left as it is (out-of-order data, not a wrap).
 */
final class WrappingCounter {
    private final long range;
    private long last = -1;
    private long period;

    WrappingCounter(int bits) {
        this.range = 1L << bits;
    }

    /** Whether a value has been seen. */
    boolean started() {
        return last >= 0;
    }

    /** The extended value of {@code raw} (0 to range - 1). */
    long extend(long raw) {
        if (last >= 0 && last - raw > range / 2) {
            period += range;
        }
        last = raw;
        return period + raw;
    }
}
