package io.spikeline.runtime.bench;

import java.util.Arrays;

/**
 * A straight line through a series {@code (t_i, y_i)}: {@code y ≈ level + slope · (t − t_centre)}. Its
 * {@link #growth} is how much the line rises over the span of {@code t}; a series is growing when that rise exceeds
 * both a fraction of its level and an absolute floor (below which differences are noise of the measurement, not a
 * trend). Two fits:
 * <ul>
 *   <li>{@link #fit}: least squares, {@code slope = Σ(t − t̄)(y − ȳ) / Σ(t − t̄)²}, level ȳ: for a series of means,
 *       where every point counts (a trial's latency per 100 ms, whose rise is lag accumulating);</li>
 *   <li>{@link #robust}: Theil–Sen, slope the median of the slopes {@code (y_j − y_i) / (t_j − t_i)} over all pairs
 *       {@code i < j} with {@code t_j > t_i}, level the median of y: for a short series of noisy statistics (a soak's
 *       heap, state and p99 per interval), where one interval disturbed by other work on the machine must not decide
 *       the verdict (the estimate ignores up to about 29 % of arbitrary points).</li>
 * </ul>
 *
 * @param slope units of y per unit of t (0 for fewer than two distinct t)
 * @param level ȳ (least squares) or the median of y (Theil–Sen)
 * @param span {@code t_last − t_first}
 */
public record Trend(double slope, double level, double span) {

    /** The least-squares line through the first {@code count} points of {@code t} and {@code y}. */
    public static Trend fit(double[] t, double[] y, int count) {
        checkCount(t, y, count);
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

    /** The Theil–Sen line through the first {@code count} points of {@code t} and {@code y} (O(count²)). */
    public static Trend robust(double[] t, double[] y, int count) {
        checkCount(t, y, count);
        if (count == 0) {
            return new Trend(0, 0, 0);
        }
        double[] slopes = new double[count * (count - 1) / 2];
        int n = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (t[j] != t[i]) {
                    slopes[n++] = (y[j] - y[i]) / (t[j] - t[i]);
                }
            }
        }
        return new Trend(n == 0 ? 0 : median(slopes, n), median(Arrays.copyOf(y, count), count),
                t[count - 1] - t[0]);
    }

    /** The rise of the line over the span of t (negative when it falls). */
    public double growth() {
        return slope * span;
    }

    /**
     * Whether the line rises by more than {@code relativeTolerance · |level|} and more than {@code absoluteFloor}
     * over the span.
     */
    public boolean growing(double relativeTolerance, double absoluteFloor) {
        if (!(relativeTolerance >= 0) || !(absoluteFloor >= 0)) {
            throw new IllegalArgumentException("tolerance and floor must be >= 0, were " + relativeTolerance + " and "
                    + absoluteFloor);
        }
        double rise = growth();
        return rise > relativeTolerance * Math.abs(level) && rise > absoluteFloor;
    }

    private static void checkCount(double[] t, double[] y, int count) {
        if (count < 0 || count > t.length || count > y.length) {
            throw new IllegalArgumentException("count must lie in 0.." + Math.min(t.length, y.length) + ", was "
                    + count);
        }
    }

    /** The median of the first {@code n} (> 0) values, which it sorts. */
    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
