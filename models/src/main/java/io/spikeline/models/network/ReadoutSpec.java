package io.spikeline.models.network;

import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import java.util.Objects;

/** The learned linear readout of the last layer's filtered spike traces (equations in {@code readout}). */
public sealed interface ReadoutSpec {

    /** Outputs of the readout: vector components, or class scores. */
    int outputCount();

    /** Continuous outputs learned by (normalised) least mean squares. */
    record Lms(int outputCount, StepSize step) implements ReadoutSpec {
        public Lms {
            requireOutputs(outputCount);
            Objects.requireNonNull(step, "LMS step size");
        }
    }

    /** Continuous outputs learned by exponentially weighted recursive least squares. */
    record Rls(int outputCount, double forgettingFactor, double regularisation) implements ReadoutSpec {
        public Rls {
            requireOutputs(outputCount);
            if (!(forgettingFactor > 0 && forgettingFactor <= 1)) {
                throw new IllegalArgumentException("RLS forgettingFactor must lie in (0, 1], was " + forgettingFactor);
            }
            if (!(regularisation > 0) || !Double.isFinite(regularisation)) {
                throw new IllegalArgumentException("RLS regularisation must be finite and > 0, was " + regularisation);
            }
        }
    }

    /** A class among {@code outputCount} with softmax confidence. */
    record Classifier(int outputCount, ClassifierRule rule, StepSize step) implements ReadoutSpec {
        public Classifier {
            if (outputCount < 2) {
                throw new IllegalArgumentException("classifier outputCount must be >= 2, was " + outputCount);
            }
            Objects.requireNonNull(rule, "classifier rule");
            Objects.requireNonNull(step, "classifier step size");
        }
    }

    private static void requireOutputs(int outputCount) {
        if (outputCount <= 0) {
            throw new IllegalArgumentException("readout outputCount must be > 0, was " + outputCount);
        }
    }
}
