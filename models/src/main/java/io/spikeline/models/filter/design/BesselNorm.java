package io.spikeline.models.filter.design;

/** How the Bessel prototype's frequency axis is scaled (SciPy's {@code norm}); see {@link BesselPrototype}. */
public enum BesselNorm {
    /**
     * Poles scaled by {@code a₀^(−1/N)}: the same high-frequency asymptote as a Butterworth filter of the same
     * order, so the phase response approaches the Butterworth one; DC gain 1. The cutoff is not the −3 dB point.
     */
    PHASE,
    /** Unscaled reverse-Bessel poles: group delay at DC of 1 s (1/ω at cutoff ω); DC gain 1. */
    DELAY,
    /** Poles scaled so that the gain at the cutoff is {@code 1/√2} (−3 dB); DC gain 1. */
    MAG
}
