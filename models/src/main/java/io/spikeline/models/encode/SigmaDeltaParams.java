package io.spikeline.models.encode;

/**
 * Parameters of {@link SigmaDeltaEncoder}.
 *
 * @param threshold the integrator level that fires a spike and the amount a spike subtracts, in the input's
 *     units; inputs are clipped to [0, threshold] (finite, > 0)
 */
public record SigmaDeltaParams(double threshold) {
    public SigmaDeltaParams {
        Checks.positiveFinite("SigmaDeltaParams", "threshold", threshold);
    }
}
