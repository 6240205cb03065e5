package io.spikeline.ingest.edf;

/**
 * An EDF+ annotation: text with an onset (microseconds after the recording start) and a duration
 * ({@code -1} when the file gives none).
 */
public record EdfAnnotation(long onsetUs, long durationUs, String text) {
    public static final long NO_DURATION = -1;
}
