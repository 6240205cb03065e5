package io.spikeline.ingest.edf;

/** The dialects the reader understands, from the version and reserved header fields. */
public enum EdfVariant {
    /** Plain EDF (1992): 16-bit samples, no annotations, contiguous records. */
    EDF(2, false),
    /** EDF+ continuous ({@code EDF+C}). */
    EDF_PLUS_CONTINUOUS(2, false),
    /** EDF+ discontinuous ({@code EDF+D}): each record's start time comes from its time-keeping annotation. */
    EDF_PLUS_DISCONTINUOUS(2, true),
    /** BioSemi BDF: 24-bit samples ({@code 24BIT}); {@code BDF+C} / {@code BDF+D} add annotations. */
    BDF(3, false),
    BDF_PLUS_CONTINUOUS(3, false),
    BDF_PLUS_DISCONTINUOUS(3, true);

    private final int bytesPerSample;
    private final boolean discontinuous;

    EdfVariant(int bytesPerSample, boolean discontinuous) {
        this.bytesPerSample = bytesPerSample;
        this.discontinuous = discontinuous;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    public boolean isDiscontinuous() {
        return discontinuous;
    }
}
