package io.spikeline.operators.signal;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.operators.sideoutput.SequenceGap;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Where one source's frame stream should continue: the next sequence number and the event time at which the
 * previous frame ended. Part of a key's state.
 *
 * <p>A frame is judged against it: sequence number below the expected one, or a start more than half a
 * sample period before the previous end, is {@link Verdict#LATE} (a duplicate or a frame overtaken by later
 * ones); a sequence number above the expected one, or a start more than half a period after the previous
 * end, is a {@link Verdict#GAP}. The half-period tolerance absorbs the microsecond rounding of sample times.
 */
final class FrameContinuity {
    enum Verdict { FIRST, CONTIGUOUS, GAP, LATE }

    private static final long NONE = -1;

    private long nextSequence = NONE;
    private long nextTimeUs;

    Verdict check(SampleFrame frame) {
        if (nextSequence == NONE) {
            return Verdict.FIRST;
        }
        long toleranceUs = Math.round(0.5e6 / frame.sampleRateHz());
        long driftUs = frame.firstSampleTimeUs() - nextTimeUs;
        if (frame.sequence() < nextSequence || driftUs < -toleranceUs) {
            return Verdict.LATE;
        }
        if (frame.sequence() > nextSequence || driftUs > toleranceUs) {
            return Verdict.GAP;
        }
        return Verdict.CONTIGUOUS;
    }

    /** The stream now continues after {@code frame}. */
    void advance(SampleFrame frame) {
        nextSequence = frame.sequence() + 1;
        nextTimeUs = frame.endTimeUs();
    }

    /** Forgets the stream, so that the next frame is {@link Verdict#FIRST}. */
    void clear() {
        nextSequence = NONE;
        nextTimeUs = 0;
    }

    /** The gap between the expected continuation and {@code frame}. */
    SequenceGap gapTo(SampleFrame frame, int discardedSamples) {
        return new SequenceGap(frame.sourceKey(), nextSequence, frame.sequence(), frame.sequence() - nextSequence,
                nextTimeUs, frame.firstSampleTimeUs(), discardedSamples);
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(nextSequence);
        out.writeLong(nextTimeUs);
    }

    void read(DataInput in) throws IOException {
        nextSequence = in.readLong();
        nextTimeUs = in.readLong();
    }
}
