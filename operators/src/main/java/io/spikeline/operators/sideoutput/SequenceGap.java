package io.spikeline.operators.sideoutput;

/**
 * A discontinuity in one source's frame stream: frames were missing (the sequence number jumped) or time
 * jumped ahead of where the previous frame ended. Operators that keep continuous state (filters) restart it
 * at {@code receivedSequence}.
 *
 * @param sourceKey the source whose stream broke
 * @param expectedSequence the sequence number that should have come next
 * @param receivedSequence the sequence number that came
 * @param missingFrames {@code receivedSequence − expectedSequence}; 0 when only time jumped
 * @param expectedTimeUs where the previous frame ended (event time, µs)
 * @param receivedTimeUs first-sample event time of the received frame (µs)
 * @param discardedSamples samples per channel held back by the operator (an incomplete filter block) and
 *     dropped because the stream broke before they could be completed
 */
public record SequenceGap(String sourceKey, long expectedSequence, long receivedSequence, long missingFrames,
                          long expectedTimeUs, long receivedTimeUs, int discardedSamples) {

    /** Event time missing between the end of the previous frame and the start of the received one (µs). */
    public long missingTimeUs() {
        return receivedTimeUs - expectedTimeUs;
    }
}
