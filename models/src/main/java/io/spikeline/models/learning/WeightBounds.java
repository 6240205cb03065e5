package io.spikeline.models.learning;

/**
 * How a weight change {@code dw} proposed by a rule is limited.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: {@code w ← w + dw} (purely additive).
 *   <li>{@link Kind#HARD}: {@code w ← clamp(w + dw, minWeight, maxWeight)}.
 *   <li>{@link Kind#SOFT}: multiplicative, {@code w ← w + dw·(maxWeight − w)} for {@code dw > 0} and
 *       {@code w ← w + dw·(w − minWeight)} for {@code dw < 0}; amplitudes are then fractions of the
 *       remaining range, and a weight inside the range approaches but never crosses a bound for
 *       {@code |dw| < 1}.
 * </ul>
 *
 * @param minWeight lower bound (ignored for {@code NONE})
 * @param maxWeight upper bound (ignored for {@code NONE})
 */
public record WeightBounds(Kind kind, double minWeight, double maxWeight) {

    /** The bounding variants. */
    public enum Kind { NONE, HARD, SOFT }

    private static final WeightBounds UNBOUNDED = new WeightBounds(Kind.NONE, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY);

    public WeightBounds {
        if (kind == null) {
            throw new IllegalArgumentException("weight bound kind must be given, was null");
        }
        if (kind != Kind.NONE) {
            if (!Double.isFinite(minWeight) || !Double.isFinite(maxWeight)) {
                throw new IllegalArgumentException(kind + " weight bounds must be finite, were minWeight="
                        + minWeight + ", maxWeight=" + maxWeight);
            }
            if (!(minWeight < maxWeight)) {
                throw new IllegalArgumentException("minWeight must be below maxWeight, were " + minWeight + " and "
                        + maxWeight);
            }
        }
    }

    public static WeightBounds none() {
        return UNBOUNDED;
    }

    public static WeightBounds hard(double minWeight, double maxWeight) {
        return new WeightBounds(Kind.HARD, minWeight, maxWeight);
    }

    public static WeightBounds soft(double minWeight, double maxWeight) {
        return new WeightBounds(Kind.SOFT, minWeight, maxWeight);
    }

    /** The weight after the change {@code dw} is applied to {@code w} under these bounds. */
    public double apply(double w, double dw) {
        return switch (kind) {
            case NONE -> w + dw;
            case HARD -> Math.min(maxWeight, Math.max(minWeight, w + dw));
            case SOFT -> dw > 0 ? w + dw * (maxWeight - w) : w + dw * (w - minWeight);
        };
    }
}
