package io.spikeline.ingest.probe;

/**
 * A discontinuity in a sampled recording: the sample after {@code expectedSampleIndex - 1} carried index
 * {@code foundSampleIndex} instead. Sample indices count samples on the recording's own clock (for
 * example the Open Ephys record timestamps); the times are the event times those indices map to.
 *
 * @param expectedSampleIndex the index that would have continued the recording without a break
 * @param foundSampleIndex the index actually found; below the expected one when the clock went back
 * @param expectedTimeUs event time of the expected index
 * @param foundTimeUs event time of the found index: where the frame after the gap starts
 */
public record SampleGap(long expectedSampleIndex, long foundSampleIndex, long expectedTimeUs, long foundTimeUs) {

    /** Samples skipped over; negative when the clock went back and samples overlap. */
    public long missingSamples() {
        return foundSampleIndex - expectedSampleIndex;
    }
}
