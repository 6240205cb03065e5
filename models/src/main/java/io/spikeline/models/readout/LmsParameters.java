package io.spikeline.models.readout;

import java.util.Objects;

/**
 * Parameters of an {@link LmsReadout}: {@code inputCount} features, {@code outputCount} outputs and the
 * step size (plain or normalised LMS).
 */
public record LmsParameters(int inputCount, int outputCount, StepSize step) {
    public LmsParameters {
        AffineMap.requireDimension("LmsParameters", "inputCount", inputCount);
        AffineMap.requireDimension("LmsParameters", "outputCount", outputCount);
        Objects.requireNonNull(step, "LmsParameters step must not be null");
    }
}
