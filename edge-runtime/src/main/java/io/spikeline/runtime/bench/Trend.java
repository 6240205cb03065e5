package io.spikeline.runtime.bench;

/**
 * The least-squares straight line through a series {@code (t_i, y_i)}: {@code y ≈ intercept + slope · t}, with
 * {@code slope = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)²}. Its {@link #growth} is how much the line rises over the span of
 * {@code t}; a series is growing when that rise exceeds both a fraction of the series' mean and an absolute floor
 * (below which differences are noise of the measurement, not a trend).
 *
 * @param slope units of y per unit of t (0 for fewer than two distinct t)
 * @param mean ȳ
 * @param span {@code t_last − t_first}
 */
public record Trend(double slope, double mean, double span) {

    /** The line through the first {@code count} points of {@code t} and {@code y}. */
    public static Trend fit(double[] t, double[] y, int count) {
        if (count < 0 || count > t.length || count > y.length) {
            throw new IllegalArgumentException("count must lie in 0.." + Math.min(t.length, y.length) + ", was "
                    + count);
        }
        if (count == 0) {
            return new Trend(0, 0, 0);
        }
        double tMean = 0;
        double yMean = 0;
        for (int i = 0; i < count; i++) {
            tMean += t[i];
            yMean += y[i];
        }
        tMean /= count;
        yMean /= count;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < count; i++) {
            double dt = t[i] - tMean;
            covariance += dt * (y[i] - yMean);
            variance += dt * dt;
        }
        double slope = variance > 0 ? covariance / variance : 0;
        return new Trend(slope, yMean, t[count - 1] - t[0]);
    }

    /** The rise of the fitted line over the span of t (negative when it falls). */
    public double growth() {
        return slope * span;
    }

    /**
     * Whether the line rises by more than {@code relativeTolerance · |mean|} and more than {@code absoluteFloor}
     * over the span.
     */
    public boolean growing(double relativeTolerance, double absoluteFloor) {
        if (!(relativeTolerance >= 0) || !(absoluteFloor >= 0)) {
            throw new IllegalArgumentException("tolerance and floor must be >= 0, were " + relativeTolerance + " and "
                    + absoluteFloor);
        }
        double rise = growth();
        return rise > relativeTolerance * Math.abs(mean) && rise > absoluteFloor;
    }
}
