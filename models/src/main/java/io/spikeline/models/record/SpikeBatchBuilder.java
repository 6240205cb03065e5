package io.spikeline.models.record;

import java.util.Arrays;

/**
 * Accumulates spikes bin by bin into growable primitive arrays and produces immutable {@link SpikeBatch}es.
 * One builder is reused for many batches: {@link #build} copies the accumulated spikes into a new batch and
 * clears the builder while keeping its arrays, so after warm-up appending spikes allocates nothing (the
 * arrays grow geometrically, so growth is amortised).
 *
 * <p>Spikes go into the most recently opened bin and, as {@link SpikeBatch} requires, each bin lists its
 * channels in strictly increasing order; {@link #add} enforces this. Not thread-safe.
 */
public final class SpikeBatchBuilder {
    private static final int INITIAL_CAPACITY = 64;

    private final int channelCount;
    private int[] binOffsets = new int[INITIAL_CAPACITY + 1];
    private int[] channelIndices = new int[INITIAL_CAPACITY];
    private int binCount;
    private int spikeCount;

    /** @param channelCount channels of the batches this builder produces (positive) */
    public SpikeBatchBuilder(int channelCount) {
        this.channelCount = Records.requirePositive("SpikeBatchBuilder", "channel count", channelCount);
    }

    public int channelCount() {
        return channelCount;
    }

    /** Bins opened since the last {@link #build} or {@link #clear}. */
    public int binCount() {
        return binCount;
    }

    /** Spikes added since the last {@link #build} or {@link #clear}. */
    public int spikeCount() {
        return spikeCount;
    }

    /** Forgets every bin and spike; keeps the arrays for reuse. */
    public void clear() {
        binCount = 0;
        spikeCount = 0;
    }

    /** Opens a new, empty bin after the current one; later spikes go into it. */
    public void openBin() {
        if (binCount + 2 > binOffsets.length) {
            binOffsets = Arrays.copyOf(binOffsets, grow(binOffsets.length));
        }
        binCount++;
        binOffsets[binCount] = spikeCount;
    }

    /** Opens {@code count} consecutive empty bins (the last one stays open for spikes). */
    public void openBins(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("bin count to open must be >= 0, was " + count);
        }
        for (int i = 0; i < count; i++) {
            openBin();
        }
    }

    /**
     * Adds a spike of {@code channel} to the open bin. Channels within a bin must be added in strictly
     * increasing order.
     */
    public void add(int channel) {
        if (binCount == 0) {
            throw new IllegalStateException("no bin is open: call openBin() before adding spikes");
        }
        if (channel < 0 || channel >= channelCount) {
            throw new IllegalArgumentException("spike channel " + channel + " lies outside 0.." + (channelCount - 1));
        }
        if (spikeCount > binOffsets[binCount - 1] && channel <= channelIndices[spikeCount - 1]) {
            throw new IllegalArgumentException("spike channel " + channel + " added after channel "
                    + channelIndices[spikeCount - 1] + " in bin " + (binCount - 1)
                    + "; channels within a bin must strictly increase");
        }
        if (spikeCount == channelIndices.length) {
            channelIndices = Arrays.copyOf(channelIndices, grow(channelIndices.length));
        }
        channelIndices[spikeCount++] = channel;
        binOffsets[binCount] = spikeCount;
    }

    /**
     * A batch of the bins and spikes added so far, starting at {@code startTimeUs} with bins
     * {@code binWidthUs} wide; the builder is then cleared. At least one bin must be open.
     */
    public SpikeBatch build(String sourceKey, long sequence, long startTimeUs, long binWidthUs) {
        SpikeBatch batch = new SpikeBatch(sourceKey, sequence, startTimeUs, binWidthUs, channelCount, binCount,
                Arrays.copyOf(binOffsets, binCount + 1), Arrays.copyOf(channelIndices, spikeCount));
        clear();
        return batch;
    }

    private static int grow(int length) {
        int grown = length + (length >> 1) + 1;
        if (grown < 0 || grown > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("spike batch exceeds the largest array, at " + length + " entries");
        }
        return grown;
    }
}
