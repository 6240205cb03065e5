package io.spikeline.models.record;

import java.util.Arrays;

/**
 * A block of uniformly sampled multi-channel data from one source: {@code sampleCount} samples of
 * {@code channelCount} channels, interleaved sample-major ({@code data[s * channelCount + c]}).
 *
 * <p>A frame carries many samples (for example 1 ms of a 384-channel probe) so that per-record costs are
 * amortised. The frame takes ownership of {@code data}: callers must not modify the array after
 * construction, and readers must treat {@link #data()} as read-only. Sequence numbers count frames per
 * source key, so a gap in them is a gap in the stream.
 */
public final class SampleFrame {
    private static final String RECORD = "SampleFrame";

    private final String sourceKey;
    private final long sequence;
    private final long firstSampleTimeUs;
    private final double sampleRateHz;
    private final int channelCount;
    private final int sampleCount;
    private final float[] data;

    /**
     * @param sourceKey device, implant or headset the samples come from (non-empty)
     * @param sequence frame number within the source, starting at 0
     * @param firstSampleTimeUs event time of sample 0, microseconds since the epoch or since recording start
     * @param sampleRateHz samples per second per channel (finite, positive)
     * @param channelCount channels per sample (positive)
     * @param sampleCount samples per channel in this frame (positive)
     * @param data interleaved samples of length {@code channelCount * sampleCount}; ownership passes to the frame
     */
    public SampleFrame(String sourceKey, long sequence, long firstSampleTimeUs, double sampleRateHz,
                       int channelCount, int sampleCount, float[] data) {
        this.sourceKey = Records.requireKey(RECORD, sourceKey);
        this.sequence = Records.requireNonNegative(RECORD, "sequence", sequence);
        this.firstSampleTimeUs = firstSampleTimeUs;
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "' #" + sequence
                    + ": sample rate must be finite and > 0 Hz, was " + sampleRateHz);
        }
        this.sampleRateHz = sampleRateHz;
        this.channelCount = Records.requirePositive(RECORD, "channel count", channelCount);
        this.sampleCount = Records.requirePositive(RECORD, "sample count", sampleCount);
        this.data = Records.requireNonNull(RECORD, "data", data);
        Records.requireLength(RECORD, "data", data.length, (long) channelCount * sampleCount,
                channelCount + " channels x " + sampleCount + " samples");
    }

    public String sourceKey() {
        return sourceKey;
    }

    public long sequence() {
        return sequence;
    }

    public long firstSampleTimeUs() {
        return firstSampleTimeUs;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    public int channelCount() {
        return channelCount;
    }

    public int sampleCount() {
        return sampleCount;
    }

    /** The interleaved samples, sample-major; read-only by contract. */
    public float[] data() {
        return data;
    }

    public float sample(int sampleIndex, int channel) {
        return data[sampleIndex * channelCount + channel];
    }

    /** Event time of sample {@code sampleIndex}, rounded to the nearest microsecond. */
    public long sampleTimeUs(int sampleIndex) {
        return firstSampleTimeUs + Math.round(sampleIndex * 1e6 / sampleRateHz);
    }

    /** Event time just after the last sample: where the next contiguous frame starts. */
    public long endTimeUs() {
        return sampleTimeUs(sampleCount);
    }

    /** The index of the first channel holding a NaN or infinity, or -1 when every sample is finite. */
    public int firstNonFiniteChannel() {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                return i % channelCount;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SampleFrame)) {
            return false;
        }
        SampleFrame f = (SampleFrame) o;
        return sequence == f.sequence && firstSampleTimeUs == f.firstSampleTimeUs
                && Double.compare(sampleRateHz, f.sampleRateHz) == 0 && channelCount == f.channelCount
                && sampleCount == f.sampleCount && sourceKey.equals(f.sourceKey) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sourceKey.hashCode() + Long.hashCode(sequence)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SampleFrame{" + sourceKey + " #" + sequence + " t=" + firstSampleTimeUs + "us " + sampleRateHz
                + "Hz " + channelCount + "ch x " + sampleCount + "}";
    }
}
