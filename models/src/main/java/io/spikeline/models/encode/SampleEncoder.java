package io.spikeline.models.encode;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.Snapshottable;

/**
 * The state of an encoder that turns blocks of uniformly sampled channels into spikes, one time bin per
 * sample. The state carries across frames, so encoding one frame of N samples equals encoding N frames of
 * one sample each; it is snapshottable, and a restored encoder continues bit for bit.
 *
 * <p>The output batch keeps the frame's source key, sequence number and first-sample time; its bin width is
 * the sample period rounded to the nearest microsecond (at least 1 µs), so for sample rates whose period
 * is not a whole number of microseconds the bin start times are approximate while the bin count is exact.
 * One encoder serves one source; it is not thread-safe.
 */
public abstract sealed class SampleEncoder implements Snapshottable
        permits ThresholdCrossingEncoder, DeltaEncoder, SigmaDeltaEncoder, RateEncoder, LatencyEncoder {
    private final int channelCount;
    private final SpikeBatchBuilder builder;

    SampleEncoder(String encoder, int channelCount, int outputChannelsPerChannel) {
        this.channelCount = Checks.positive(encoder, "channelCount", channelCount);
        this.builder = new SpikeBatchBuilder(channelCount * outputChannelsPerChannel);
    }

    /** Input channels per sample. */
    public final int channelCount() {
        return channelCount;
    }

    /** Channels of the produced spike batches. */
    public final int outputChannelCount() {
        return builder.channelCount();
    }

    /** Encodes every sample of {@code frame} (whose channel count must match) into one bin each. */
    public final SpikeBatch encode(SampleFrame frame) {
        if (frame.channelCount() != channelCount) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " for " + channelCount
                    + " channels was given a frame of " + frame.channelCount() + " channels (" + frame + ")");
        }
        encodeBlock(frame.data(), frame.sampleCount(), frame.sampleRateHz(), builder);
        return builder.build(frame.sourceKey(), frame.sequence(), frame.firstSampleTimeUs(),
                binWidthUs(frame.sampleRateHz()));
    }

    /** The bin width of the batches encoded from samples at {@code sampleRateHz}: the rounded sample period. */
    public static long binWidthUs(double sampleRateHz) {
        return Math.max(1, Math.round(1e6 / sampleRateHz));
    }

    /**
     * Opens one bin in {@code out} per sample of the interleaved block {@code data} ({@code sampleCount}
     * samples of {@link #channelCount()} channels) and adds that sample's spikes to it.
     */
    abstract void encodeBlock(float[] data, int sampleCount, double sampleRateHz, SpikeBatchBuilder out);
}
