package io.spikeline.models.encode;

/**
 * Parameters of {@link ThresholdCrossingEncoder}: spike detection by threshold crossing with a noise level
 * re-estimated from the median absolute sample (Quiroga, Nadasdy and Ben-Shaul 2004).
 *
 * @param thresholdMultiple threshold in units of the noise estimate σ; negative (typically
 *     {@link #TYPICAL_MULTIPLE}) detects negative-going crossings of {@code multiple·σ}, positive detects
 *     positive-going ones; finite and non-zero
 * @param noiseWindowSamples samples per channel in each noise-estimation window (at least 5); σ takes the
 *     value estimated over the last complete window, and nothing is detected before the first window ends
 * @param refractorySamples samples after a spike during which the same channel cannot spike again (>= 0)
 */
public record ThresholdCrossingParams(double thresholdMultiple, int noiseWindowSamples, int refractorySamples) {
    /** The customary threshold for extracellular spikes: 4.5 σ below zero. */
    public static final double TYPICAL_MULTIPLE = -4.5;

    private static final String RECORD = "ThresholdCrossingParams";

    public ThresholdCrossingParams {
        Checks.finite(RECORD, "thresholdMultiple", thresholdMultiple);
        if (thresholdMultiple == 0) {
            throw new IllegalArgumentException(RECORD + ": thresholdMultiple must be non-zero (negative detects "
                    + "negative-going crossings, positive detects positive-going ones), was 0");
        }
        Checks.atLeast(RECORD, "noiseWindowSamples", noiseWindowSamples, P2Median.MARKERS);
        Checks.atLeast(RECORD, "refractorySamples", refractorySamples, 0);
    }
}
