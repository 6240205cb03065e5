package io.spikeline.ingest.probe;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.SampleFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects blocks of interleaved samples, each placed on the recording's sample clock, into frames of a
 * fixed size. A frame never spans a discontinuity: when a block does not continue the previous one, the
 * samples collected so far leave as a shorter frame, the gap is recorded, and the next frame starts at the
 * block's own time. Event time of sample index {@code i}: {@code originUs + round(i × 10⁶ / rate)}.
 */
final class FrameAssembler {
    private final String sourceKey;
    private final double sampleRateHz;
    private final int channels;
    private final int samplesPerFrame;
    private final long originUs;
    private final ArrayDeque<SampleFrame> ready = new ArrayDeque<>();
    private final List<SampleGap> gaps = new ArrayList<>();

    private float[] pending;
    private int pendingSamples;
    private long pendingFirstIndex;
    private long nextIndex = Long.MIN_VALUE;
    private long nextSequence;
    private IngestException error;

    FrameAssembler(String sourceKey, double sampleRateHz, int channels, int samplesPerFrame, long originUs) {
        this.sourceKey = sourceKey;
        this.sampleRateHz = sampleRateHz;
        this.channels = channels;
        this.samplesPerFrame = samplesPerFrame;
        this.originUs = originUs;
        this.pending = new float[samplesPerFrame * channels];
    }

    long timeUs(long sampleIndex) {
        return originUs + Math.round(sampleIndex * 1e6 / sampleRateHz);
    }

    /**
     * Appends {@code count} interleaved samples of {@code block} starting at its sample {@code from}; the
     * first of them is sample {@code firstIndex} of the recording's clock.
     */
    void append(long firstIndex, float[] block, int from, int count) {
        if (nextIndex != Long.MIN_VALUE && firstIndex != nextIndex) {
            gaps.add(new SampleGap(nextIndex, firstIndex, timeUs(nextIndex), timeUs(firstIndex)));
            flush();
        }
        for (int s = 0; s < count; ) {
            if (pendingSamples == 0) {
                pendingFirstIndex = firstIndex + s;
            }
            int take = Math.min(samplesPerFrame - pendingSamples, count - s);
            System.arraycopy(block, (from + s) * channels, pending, pendingSamples * channels, take * channels);
            pendingSamples += take;
            s += take;
            if (pendingSamples == samplesPerFrame) {
                flush();
            }
        }
        nextIndex = firstIndex + count;
    }

    /** Sends the samples collected so far as a (possibly short) frame. */
    void flush() {
        if (pendingSamples == 0) {
            return;
        }
        float[] data = pending;
        if (pendingSamples < samplesPerFrame) {
            data = Arrays.copyOf(pending, pendingSamples * channels);
        } else {
            pending = new float[pending.length];
        }
        ready.add(new SampleFrame(sourceKey, nextSequence++, timeUs(pendingFirstIndex), sampleRateHz, channels,
                pendingSamples, data));
        pendingSamples = 0;
    }

    boolean hasFrame() {
        return !ready.isEmpty();
    }

    /** Ends the stream with {@code error}: the samples collected so far leave first, then {@link #poll} throws. */
    void fail(IngestException error) {
        flush();
        this.error = error;
    }

    /** The next finished frame; null when there is none, or the error once the frames before it are out. */
    SampleFrame poll() throws IngestException {
        if (!ready.isEmpty()) {
            return ready.poll();
        }
        if (error != null) {
            IngestException e = error;
            error = null;
            throw e;
        }
        return null;
    }

    /** The gaps found since the last call, in stream order. */
    List<SampleGap> pollGaps() {
        List<SampleGap> out = List.copyOf(gaps);
        gaps.clear();
        return out;
    }
}
