package io.spikeline.models.readout;

/**
 * Parameters of an {@link RlsReadout}: {@code inputCount} features, {@code outputCount} outputs, the
 * forgetting factor λ in (0, 1] (1 = growing window; a sample {@code k} steps old weighs λ<sup>k</sup>,
 * an effective memory of about 1 / (1 − λ) samples) and the regularisation δ &gt; 0 that sets the
 * initial inverse correlation {@code P₀ = δ⁻¹ I} (small δ: fast convergence, weak prior towards zero
 * weights).
 */
public record RlsParameters(int inputCount, int outputCount, double forgettingFactor, double regularisation) {
    public RlsParameters {
        AffineMap.requireDimension("RlsParameters", "inputCount", inputCount);
        AffineMap.requireDimension("RlsParameters", "outputCount", outputCount);
        if ((long) (inputCount + 1) * (inputCount + 1) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("RlsParameters inputCount " + inputCount
                    + " is too large for one (n + 1)² inverse-correlation array");
        }
        if (!(forgettingFactor > 0 && forgettingFactor <= 1)) {
            throw new IllegalArgumentException("RlsParameters forgettingFactor must lie in (0, 1], was "
                    + forgettingFactor);
        }
        if (!(regularisation > 0) || !Double.isFinite(regularisation)) {
            throw new IllegalArgumentException("RlsParameters regularisation must be finite and > 0, was "
                    + regularisation);
        }
    }

    /** The bound on trace(P): its initial value (n + 1) / δ. */
    double maxCovarianceTrace() {
        return (inputCount + 1) / regularisation;
    }
}
