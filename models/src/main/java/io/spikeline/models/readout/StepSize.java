package io.spikeline.models.readout;

/**
 * The step size η of a stochastic-gradient readout update {@code W ← W + η · e · x̃ᵀ}, where x̃ is the
 * feature vector with the constant bias input 1 appended.
 */
public sealed interface StepSize {

    /** η for a regressor with squared norm {@code |x̃|² = squaredNorm}. */
    double of(double squaredNorm);

    /** The learning rate μ. */
    double learningRate();

    /** Plain LMS (Widrow–Hoff): η = μ. Stable for 0 &lt; μ &lt; 2 / λ_max(E[x̃ x̃ᵀ]), which depends on the feature scale. */
    record Constant(double learningRate) implements StepSize {
        public Constant {
            requireLearningRate(learningRate);
        }

        @Override
        public double of(double squaredNorm) {
            return learningRate;
        }
    }

    /**
     * Normalised LMS: η = μ / (ε + |x̃|²), independent of the feature scale; stable for 0 &lt; μ &lt; 2.
     * ε &gt; 0 keeps the step finite; since the bias input contributes 1 to |x̃|², ε only matters for
     * features near zero.
     */
    record Normalised(double learningRate, double epsilon) implements StepSize {
        public Normalised {
            requireLearningRate(learningRate);
            if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
                throw new IllegalArgumentException("normalised step epsilon must be finite and > 0, was " + epsilon);
            }
        }

        @Override
        public double of(double squaredNorm) {
            return learningRate / (epsilon + squaredNorm);
        }
    }

    private static void requireLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, was " + learningRate);
        }
    }
}
