package io.spikeline.models.encode;

/**
 * Parameters of {@link LatencyEncoder} (time-to-first-spike).
 *
 * @param windowBins bins per coding window; each channel fires at most once per window (>= 1)
 * @param mapping how intensity maps to delay
 * @param threshold intensities below it do not fire; at it a channel fires in the window's last bin
 *     (finite; > 0 for {@link LatencyMapping#LOGARITHMIC})
 * @param saturation intensities at or above it fire in the window's first bin (finite, > threshold)
 */
public record LatencyParams(int windowBins, LatencyMapping mapping, double threshold, double saturation) {
    private static final String RECORD = "LatencyParams";

    public LatencyParams {
        Checks.positive(RECORD, "windowBins", windowBins);
        Checks.nonNull(RECORD, "mapping", mapping);
        Checks.finite(RECORD, "threshold", threshold);
        Checks.finite(RECORD, "saturation", saturation);
        if (!(saturation > threshold)) {
            throw new IllegalArgumentException(RECORD + ": saturation must exceed threshold " + threshold
                    + ", was " + saturation);
        }
        if (mapping == LatencyMapping.LOGARITHMIC && !(threshold > 0)) {
            throw new IllegalArgumentException(RECORD + ": threshold must be > 0 for the logarithmic mapping, was "
                    + threshold);
        }
    }

    /**
     * The bin within the window (0 .. windowBins-1) at which intensity {@code x} fires, or -1 when it does
     * not fire (below threshold or NaN): {@code round((windowBins - 1) · f(x))} with f clipped to [0, 1].
     */
    public int spikeBin(double x) {
        if (!(x >= threshold)) {
            return -1;
        }
        if (x >= saturation) {
            return 0;
        }
        double delay = switch (mapping) {
            case LINEAR -> (saturation - x) / (saturation - threshold);
            case LOGARITHMIC -> Math.log(saturation / x) / Math.log(saturation / threshold);
        };
        return (int) Math.round((windowBins - 1) * Math.min(1.0, delay));
    }
}
