package io.spikeline.ingest.probe;

/**
 * How to cut a continuous probe recording into frames.
 *
 * @param sourceKey key of the produced frames; {@code null} takes a name derived from the recording's files
 * @param samplesPerFrame samples per channel in each full frame (positive); a frame is shorter only before a
 *     discontinuity or at the end of the recording
 */
public record ProbeOptions(String sourceKey, int samplesPerFrame) {

    /** Samples per frame unless chosen: one Open Ephys record, 25.6 ms at 40 kHz. */
    public static final int DEFAULT_SAMPLES_PER_FRAME = 1024;

    public ProbeOptions {
        if (sourceKey != null && sourceKey.isEmpty()) {
            throw new IllegalArgumentException("source key must be null (derive it from the file name) or non-empty");
        }
        if (samplesPerFrame <= 0) {
            throw new IllegalArgumentException("samples per frame must be > 0, was " + samplesPerFrame);
        }
    }

    public static ProbeOptions defaults() {
        return new ProbeOptions(null, DEFAULT_SAMPLES_PER_FRAME);
    }

    public ProbeOptions withSourceKey(String key) {
        return new ProbeOptions(key, samplesPerFrame);
    }

    public ProbeOptions withSamplesPerFrame(int samples) {
        return new ProbeOptions(sourceKey, samples);
    }

    String sourceKeyOr(String derived) {
        return sourceKey != null ? sourceKey : derived;
    }
}
