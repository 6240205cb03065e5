package io.spikeline.models.encode;

/** Parameter checks shared by the encoder parameter records; each failure names the record, field and value. */
final class Checks {
    private Checks() {}

    static int positive(String record, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(record + ": " + field + " must be > 0, was " + value);
        }
        return value;
    }

    static int atLeast(String record, String field, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(record + ": " + field + " must be >= " + minimum + ", was " + value);
        }
        return value;
    }

    static double positiveFinite(String record, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(record + ": " + field + " must be finite and > 0, was " + value);
        }
        return value;
    }

    static double finite(String record, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(record + ": " + field + " must be finite, was " + value);
        }
        return value;
    }

    static <T> T nonNull(String record, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(record + ": " + field + " must not be null");
        }
        return value;
    }
}
