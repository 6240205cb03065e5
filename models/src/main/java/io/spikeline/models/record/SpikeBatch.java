package io.spikeline.models.record;

import java.util.Arrays;

/**
 * Spikes of {@code channelCount} channels over {@code binCount} consecutive time bins of equal width, in a
 * sparse compressed-row layout: the channels that spiked in bin {@code b} are
 * {@code channelIndices[binOffsets[b] .. binOffsets[b + 1])}, each strictly increasing within its bin.
 * The batch takes ownership of its arrays.
 */
public final class SpikeBatch {
    private static final String RECORD = "SpikeBatch";

    private final String sourceKey;
    private final long sequence;
    private final long startTimeUs;
    private final long binWidthUs;
    private final int channelCount;
    private final int binCount;
    private final int[] binOffsets;
    private final int[] channelIndices;

    public SpikeBatch(String sourceKey, long sequence, long startTimeUs, long binWidthUs, int channelCount,
                      int binCount, int[] binOffsets, int[] channelIndices) {
        this.sourceKey = Records.requireKey(RECORD, sourceKey);
        this.sequence = Records.requireNonNegative(RECORD, "sequence", sequence);
        this.startTimeUs = startTimeUs;
        if (binWidthUs <= 0) {
            throw new IllegalArgumentException(RECORD + ": bin width must be > 0 us, was " + binWidthUs);
        }
        this.binWidthUs = binWidthUs;
        this.channelCount = Records.requirePositive(RECORD, "channel count", channelCount);
        this.binCount = Records.requirePositive(RECORD, "bin count", binCount);
        this.binOffsets = Records.requireNonNull(RECORD, "bin offsets", binOffsets);
        this.channelIndices = Records.requireNonNull(RECORD, "channel indices", channelIndices);
        Records.requireLength(RECORD, "bin offsets", binOffsets.length, (long) binCount + 1, binCount + " bins");
        if (binOffsets[0] != 0 || binOffsets[binCount] != channelIndices.length) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence
                    + ": bin offsets must start at 0 and end at the spike count " + channelIndices.length
                    + ", were " + binOffsets[0] + " .. " + binOffsets[binCount]);
        }
        for (int b = 0; b < binCount; b++) {
            if (binOffsets[b + 1] < binOffsets[b] || binOffsets[b + 1] > channelIndices.length) {
                throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence
                        + ": bin offsets must rise from 0 to " + channelIndices.length + ", but bin " + b + " runs from "
                        + binOffsets[b] + " to " + binOffsets[b + 1]);
            }
        }
        for (int b = 0; b < binCount; b++) {
            for (int i = binOffsets[b]; i < binOffsets[b + 1]; i++) {
                int c = channelIndices[i];
                if (c < 0 || c >= channelCount) {
                    throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence + ": bin " + b
                            + " names channel " + c + ", outside 0.." + (channelCount - 1));
                }
                if (i > binOffsets[b] && c <= channelIndices[i - 1]) {
                    throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence + ": bin " + b
                            + " lists channels out of order or twice (" + channelIndices[i - 1] + " then " + c + ")");
                }
            }
        }
    }

    public String sourceKey() {
        return sourceKey;
    }

    public long sequence() {
        return sequence;
    }

    public long startTimeUs() {
        return startTimeUs;
    }

    public long binWidthUs() {
        return binWidthUs;
    }

    public int channelCount() {
        return channelCount;
    }

    public int binCount() {
        return binCount;
    }

    /** Read-only by contract; length {@code binCount + 1}. */
    public int[] binOffsets() {
        return binOffsets;
    }

    /** Read-only by contract. */
    public int[] channelIndices() {
        return channelIndices;
    }

    public int spikeCount() {
        return channelIndices.length;
    }

    public int spikesInBin(int bin) {
        return binOffsets[bin + 1] - binOffsets[bin];
    }

    public long binStartTimeUs(int bin) {
        return startTimeUs + bin * binWidthUs;
    }

    public long endTimeUs() {
        return startTimeUs + binCount * binWidthUs;
    }

    /** Writes bin {@code bin} as a dense 0/1 vector into {@code out} (length at least channelCount). */
    public void denseBin(int bin, float[] out) {
        Arrays.fill(out, 0, channelCount, 0f);
        for (int i = binOffsets[bin]; i < binOffsets[bin + 1]; i++) {
            out[channelIndices[i]] = 1f;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SpikeBatch)) {
            return false;
        }
        SpikeBatch b = (SpikeBatch) o;
        return sequence == b.sequence && startTimeUs == b.startTimeUs && binWidthUs == b.binWidthUs
                && channelCount == b.channelCount && binCount == b.binCount && sourceKey.equals(b.sourceKey)
                && Arrays.equals(binOffsets, b.binOffsets) && Arrays.equals(channelIndices, b.channelIndices);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sourceKey.hashCode() + Long.hashCode(sequence)) + Arrays.hashCode(channelIndices);
    }

    @Override
    public String toString() {
        return "SpikeBatch{" + sourceKey + " #" + sequence + " t=" + startTimeUs + "us " + binCount + "x"
                + binWidthUs + "us " + channelCount + "ch spikes=" + spikeCount() + "}";
    }
}
