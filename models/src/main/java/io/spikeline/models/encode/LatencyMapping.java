package io.spikeline.models.encode;

/**
 * How {@link LatencyEncoder} maps an intensity x in [threshold, saturation] to a normalised delay
 * f(x) in [0, 1] (0 = first bin of the window, 1 = last).
 */
public enum LatencyMapping {
    /** {@code f(x) = (saturation - x) / (saturation - threshold)}: equal intensity steps, equal delays. */
    LINEAR,
    /**
     * {@code f(x) = ln(saturation / x) / ln(saturation / threshold)}: equal intensity ratios, equal delays;
     * needs threshold > 0.
     */
    LOGARITHMIC
}
