package io.spikeline.models.readout;

import java.util.Objects;

/** Parameters of a {@link ClassifierReadout}: {@code inputCount} features, {@code classCount} classes, the rule and its step size. */
public record ClassifierParameters(int inputCount, int classCount, ClassifierRule rule, StepSize step) {
    public ClassifierParameters {
        AffineMap.requireDimension("ClassifierParameters", "inputCount", inputCount);
        if (classCount < 2) {
            throw new IllegalArgumentException("ClassifierParameters classCount must be >= 2, was " + classCount);
        }
        Objects.requireNonNull(rule, "ClassifierParameters rule must not be null");
        Objects.requireNonNull(step, "ClassifierParameters step must not be null");
    }
}
