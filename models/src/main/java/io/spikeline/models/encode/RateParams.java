package io.spikeline.models.encode;

/**
 * Parameters of {@link RateEncoder}.
 *
 * @param gainHzPerUnit firing rate per unit of input: a channel at input x fires with probability
 *     {@code clamp(gainHzPerUnit · x · dt, 0, 1)} per bin of dt seconds (finite, > 0)
 */
public record RateParams(double gainHzPerUnit) {
    public RateParams {
        Checks.positiveFinite("RateParams", "gainHzPerUnit", gainHzPerUnit);
    }
}
