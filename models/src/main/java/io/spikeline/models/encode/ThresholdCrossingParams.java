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
 * @param noiseStrideSamples the noise estimate observes every k-th sample of the window (samples 0, k, 2k, ..
 *     counted from the window's start), k = this; 1 observes every sample. At least 1 and at most
 *     {@code noiseWindowSamples / 5}, so that each window holds at least five observations. Detection still
 *     tests every sample.
 */
public record ThresholdCrossingParams(double thresholdMultiple, int noiseWindowSamples, int refractorySamples,
                                      int noiseStrideSamples) {
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
        Checks.atLeast(RECORD, "noiseStrideSamples", noiseStrideSamples, 1);
        if (noiseStrideSamples > noiseWindowSamples / P2Median.MARKERS) {
            throw new IllegalArgumentException(RECORD + ": noiseStrideSamples must be <= noiseWindowSamples / "
                    + P2Median.MARKERS + " = " + noiseWindowSamples / P2Median.MARKERS + " (at least "
                    + P2Median.MARKERS + " noise observations per window), was " + noiseStrideSamples);
        }
    }

    /** Parameters whose noise estimate observes every sample (a noise stride of 1). */
    public ThresholdCrossingParams(double thresholdMultiple, int noiseWindowSamples, int refractorySamples) {
        this(thresholdMultiple, noiseWindowSamples, refractorySamples, 1);
    }

    /** These parameters with the noise estimate observing every {@code noiseStrideSamples}-th sample. */
    public ThresholdCrossingParams withNoiseStride(int noiseStrideSamples) {
        return new ThresholdCrossingParams(thresholdMultiple, noiseWindowSamples, refractorySamples,
                noiseStrideSamples);
    }
}
