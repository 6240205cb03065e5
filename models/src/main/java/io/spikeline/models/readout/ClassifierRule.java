package io.spikeline.models.readout;

/** How a {@link ClassifierReadout} learns from a labelled sample. */
public enum ClassifierRule {
    /**
     * Delta rule (LMS on one-hot targets): every score moves towards 1 for the true class and 0 for the
     * others, {@code W̃ ← W̃ + η (t − W̃ x̃) x̃ᵀ}, on every sample.
     */
    DELTA,
    /**
     * Multi-class perceptron: only when the predicted class c differs from the true class t,
     * {@code w̃_t ← w̃_t + η x̃} and {@code w̃_c ← w̃_c − η x̃}. Converges on linearly separable data.
     */
    PERCEPTRON
}
