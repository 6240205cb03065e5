package io.spikeline.models.filter.design;

/** Which band a filter passes; low- and high-pass have one edge frequency, band-pass and band-stop two. */
public enum BandType {
    LOWPASS(1),
    HIGHPASS(1),
    BANDPASS(2),
    BANDSTOP(2);

    private final int edgeCount;

    BandType(int edgeCount) {
        this.edgeCount = edgeCount;
    }

    /** How many edge frequencies define the band: 1 (cutoff) or 2 (low, high). */
    public int edgeCount() {
        return edgeCount;
    }
}
