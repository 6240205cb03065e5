package io.spikeline.models.learning;

/** Parameter checks whose messages name the parameter and its value. */
final class Checks {
    private Checks() {}

    static void requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
    }

    static void requireNonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, was " + value);
        }
    }

    static int requirePositiveCount(int count, String name) {
        if (count <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + count);
        }
        return count;
    }
}
