package io.spikeline.models.readout;

/**
 * Parameters of an {@link ExponentialSmoother}: {@code width} values per sample, smoothing time constant
 * τ = {@code timeConstantMs} and sample interval Δt = {@code stepMs}.
 */
public record SmoothingParameters(int width, double timeConstantMs, double stepMs) {
    public SmoothingParameters {
        if (width <= 0) {
            throw new IllegalArgumentException("SmoothingParameters width must be > 0, was " + width);
        }
        if (!(timeConstantMs > 0) || !Double.isFinite(timeConstantMs)) {
            throw new IllegalArgumentException("SmoothingParameters timeConstantMs must be finite and > 0, was "
                    + timeConstantMs);
        }
        if (!(stepMs > 0) || !Double.isFinite(stepMs)) {
            throw new IllegalArgumentException("SmoothingParameters stepMs must be finite and > 0, was " + stepMs);
        }
    }

    /**
     * The weight of a new sample, α = 1 − exp(−Δt/τ): the exact discretisation of the first-order low-pass
     * τ ds/dt = y − s with y held constant over each step.
     */
    public double alpha() {
        return -Math.expm1(-stepMs / timeConstantMs);
    }
}
