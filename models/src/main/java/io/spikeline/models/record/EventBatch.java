package io.spikeline.models.record;

import java.util.Arrays;

/**
 * A batch of event-camera events from one sensor, stored column-wise: timestamps (µs, non-decreasing),
 * x, y and polarity (1 = ON / brighter, 0 = OFF / darker). The batch takes ownership of its arrays.
 */
public final class EventBatch {
    private static final String RECORD = "EventBatch";

    private final String sourceKey;
    private final long sequence;
    private final int width;
    private final int height;
    private final long[] timestampsUs;
    private final short[] x;
    private final short[] y;
    private final byte[] polarity;

    public EventBatch(String sourceKey, long sequence, int width, int height,
                      long[] timestampsUs, short[] x, short[] y, byte[] polarity) {
        this.sourceKey = Records.requireKey(RECORD, sourceKey);
        this.sequence = Records.requireNonNegative(RECORD, "sequence", sequence);
        this.width = Records.requirePositive(RECORD, "sensor width", width);
        this.height = Records.requirePositive(RECORD, "sensor height", height);
        this.timestampsUs = Records.requireNonNull(RECORD, "timestamps", timestampsUs);
        this.x = Records.requireNonNull(RECORD, "x", x);
        this.y = Records.requireNonNull(RECORD, "y", y);
        this.polarity = Records.requireNonNull(RECORD, "polarity", polarity);
        int n = timestampsUs.length;
        Records.requireLength(RECORD, "x", x.length, n, "the timestamp count");
        Records.requireLength(RECORD, "y", y.length, n, "the timestamp count");
        Records.requireLength(RECORD, "polarity", polarity.length, n, "the timestamp count");
        for (int i = 0; i < n; i++) {
            if (x[i] < 0 || x[i] >= width || y[i] < 0 || y[i] >= height) {
                throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence + ": event " + i
                        + " at (" + x[i] + ", " + y[i] + ") lies outside the " + width + "x" + height + " sensor");
            }
            if (polarity[i] != 0 && polarity[i] != 1) {
                throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence + ": event " + i
                        + " has polarity " + polarity[i] + ", expected 0 or 1");
            }
            if (i > 0 && timestampsUs[i] < timestampsUs[i - 1]) {
                throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence + ": event " + i
                        + " at " + timestampsUs[i] + "us precedes event " + (i - 1) + " at " + timestampsUs[i - 1]
                        + "us; timestamps must be non-decreasing");
            }
        }
    }

    public String sourceKey() {
        return sourceKey;
    }

    public long sequence() {
        return sequence;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int size() {
        return timestampsUs.length;
    }

    /** Read-only by contract. */
    public long[] timestampsUs() {
        return timestampsUs;
    }

    /** Read-only by contract. */
    public short[] x() {
        return x;
    }

    /** Read-only by contract. */
    public short[] y() {
        return y;
    }

    /** Read-only by contract: 1 = ON, 0 = OFF. */
    public byte[] polarity() {
        return polarity;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EventBatch)) {
            return false;
        }
        EventBatch b = (EventBatch) o;
        return sequence == b.sequence && width == b.width && height == b.height && sourceKey.equals(b.sourceKey)
                && Arrays.equals(timestampsUs, b.timestampsUs) && Arrays.equals(x, b.x) && Arrays.equals(y, b.y)
                && Arrays.equals(polarity, b.polarity);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sourceKey.hashCode() + Long.hashCode(sequence)) + Arrays.hashCode(timestampsUs);
    }

    @Override
    public String toString() {
        return "EventBatch{" + sourceKey + " #" + sequence + " " + width + "x" + height + " events=" + size() + "}";
    }
}
