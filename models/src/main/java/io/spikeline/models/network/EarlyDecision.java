package io.spikeline.models.network;

/**
 * Dynamic Confidence for classifiers: the input is cut into samples of {@code sampleBins} bins; within a sample,
 * once a decode's softmax confidence reaches {@code confidenceThreshold} the network stops integrating (its later
 * bins cost nothing and every later decode repeats the decision) until the next sample, which starts from rest.
 */
public record EarlyDecision(double confidenceThreshold, int sampleBins) {
    public EarlyDecision {
        if (!(confidenceThreshold > 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("early-decision confidenceThreshold must lie in (0, 1], was "
                    + confidenceThreshold);
        }
        if (sampleBins <= 0) {
            throw new IllegalArgumentException("early-decision sampleBins must be > 0, was " + sampleBins);
        }
    }
}
