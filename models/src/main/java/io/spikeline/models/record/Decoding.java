package io.spikeline.models.record;

import java.util.Arrays;

/**
 * A decoder's answer for one source at one event time: an output vector (for example decoded velocity),
 * and for classifiers the winning class with its confidence ({@link #NO_CLASS} and NaN otherwise).
 * {@code ingestWallTimeUs} is when the newest input that produced it entered the pipeline and
 * {@code emitWallTimeUs} when the answer left the decoder, both wall-clock microseconds, so their
 * difference is the pipeline latency. The record takes ownership of {@code output}.
 */
public final class Decoding {
    public static final int NO_CLASS = -1;
    private static final String RECORD = "Decoding";

    private final String sourceKey;
    private final long eventTimeUs;
    private final float[] output;
    private final int classId;
    private final float confidence;
    private final long ingestWallTimeUs;
    private final long emitWallTimeUs;

    public Decoding(String sourceKey, long eventTimeUs, float[] output, int classId, float confidence,
                    long ingestWallTimeUs, long emitWallTimeUs) {
        this.sourceKey = Records.requireKey(RECORD, sourceKey);
        this.eventTimeUs = eventTimeUs;
        this.output = Records.requireNonNull(RECORD, "output", output);
        if (classId < NO_CLASS) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': class id must be >= 0 or NO_CLASS, was "
                    + classId);
        }
        if (classId != NO_CLASS && !(confidence >= 0f && confidence <= 1f)) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': confidence must lie in [0, 1], was "
                    + confidence);
        }
        if (emitWallTimeUs < ingestWallTimeUs) {
            throw new IllegalArgumentException(RECORD + " '" + sourceKey + "': emitted at " + emitWallTimeUs
                    + "us, before its input arrived at " + ingestWallTimeUs + "us");
        }
        this.classId = classId;
        this.confidence = classId == NO_CLASS ? Float.NaN : confidence;
        this.ingestWallTimeUs = ingestWallTimeUs;
        this.emitWallTimeUs = emitWallTimeUs;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public long eventTimeUs() {
        return eventTimeUs;
    }

    /** Read-only by contract. */
    public float[] output() {
        return output;
    }

    public boolean hasClass() {
        return classId != NO_CLASS;
    }

    public int classId() {
        return classId;
    }

    public float confidence() {
        return confidence;
    }

    public long ingestWallTimeUs() {
        return ingestWallTimeUs;
    }

    public long emitWallTimeUs() {
        return emitWallTimeUs;
    }

    public long latencyUs() {
        return emitWallTimeUs - ingestWallTimeUs;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Decoding)) {
            return false;
        }
        Decoding d = (Decoding) o;
        return eventTimeUs == d.eventTimeUs && classId == d.classId && Float.compare(confidence, d.confidence) == 0
                && ingestWallTimeUs == d.ingestWallTimeUs && emitWallTimeUs == d.emitWallTimeUs
                && sourceKey.equals(d.sourceKey) && Arrays.equals(output, d.output);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sourceKey.hashCode() + Long.hashCode(eventTimeUs)) + Arrays.hashCode(output);
    }

    @Override
    public String toString() {
        return "Decoding{" + sourceKey + " t=" + eventTimeUs + "us out=" + Arrays.toString(output)
                + (hasClass() ? " class=" + classId + " p=" + confidence : "") + " latency=" + latencyUs() + "us}";
    }
}
