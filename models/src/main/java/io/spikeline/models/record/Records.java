package io.spikeline.models.record;

/** Argument checks shared by the record constructors; each failure names the record and the field. */
final class Records {
    private Records() {}

    static String requireKey(String record, String sourceKey) {
        if (sourceKey == null || sourceKey.isEmpty()) {
            throw new IllegalArgumentException(record + ": source key must be a non-empty string");
        }
        return sourceKey;
    }

    static long requireNonNegative(String record, String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(record + ": " + field + " must be >= 0, was " + value);
        }
        return value;
    }

    static int requirePositive(String record, String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(record + ": " + field + " must be > 0, was " + value);
        }
        return value;
    }

    static <T> T requireNonNull(String record, String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(record + ": " + field + " must not be null");
        }
        return value;
    }

    static void requireLength(String record, String field, int actual, long expected, String because) {
        if (actual != expected) {
            throw new IllegalArgumentException(record + ": " + field + " has length " + actual
                    + " but " + because + " requires " + expected);
        }
    }
}
