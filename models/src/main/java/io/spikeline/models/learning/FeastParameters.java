package io.spikeline.models.learning;

/**
 * Parameters of a FEAST layer ({@link Feast}).
 *
 * @param neuronCount number of feature neurons
 * @param contextSize length of an event context (for example a flattened time-surface patch)
 * @param learningRate η in (0, 1]: how far the winner's weights move toward the context
 * @param thresholdOpen amount (≥ 0, in units of the cosine similarity) added to the winner's threshold
 * @param thresholdClose amount (≥ 0) subtracted from every threshold when no neuron wins
 */
public record FeastParameters(int neuronCount, int contextSize, double learningRate, double thresholdOpen,
                              double thresholdClose) {

    public FeastParameters {
        Checks.requirePositiveCount(neuronCount, "neuronCount");
        Checks.requirePositiveCount(contextSize, "contextSize");
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must lie in (0, 1], was " + learningRate);
        }
        Checks.requireNonNegative(thresholdOpen, "thresholdOpen");
        Checks.requireNonNegative(thresholdClose, "thresholdClose");
    }
}
