package io.spikeline.models.network;

/**
 * A Bessel low-pass (phase normalisation) of order {@code order} and cutoff {@code cutoffHz} applied to the
 * readout output at the decode rate; the cutoff must lie below half that rate.
 */
public record OutputFilterSpec(int order, double cutoffHz) {
    public OutputFilterSpec {
        if (order < 1 || order > 10) {
            throw new IllegalArgumentException("output filter order must lie in 1..10, was " + order);
        }
        if (!(cutoffHz > 0) || !Double.isFinite(cutoffHz)) {
            throw new IllegalArgumentException("output filter cutoffHz must be finite and > 0, was " + cutoffHz);
        }
    }
}
