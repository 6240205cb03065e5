package io.spikeline.models.encode;

/**
 * Running median estimates by the P² algorithm (Jain and Chlamtac, "The P² algorithm for dynamic
 * calculation of quantiles and histograms without storing observations", CACM 28(10), 1985), for many
 * series at once in struct-of-arrays form: series {@code s} keeps five marker heights
 * {@code heights[5s .. 5s+4]} and their 1-based positions {@code positions[5s .. 5s+4]} among the sorted
 * observations. All series receive their observations in lockstep, so the observation count is shared
 * and passed in by the caller.
 *
 * <p>The first five observations are kept exactly (sorted); from then on each observation moves the
 * markers towards their desired positions {@code 1 + (n-1)·{0, 1/4, 1/2, 3/4, 1}} with the piecewise-parabolic
 * (P²) height update, falling back to linear interpolation when the parabola would break the markers'
 * order. The middle marker estimates the median; it uses O(1) memory and no allocation.
 */
final class P2Median {
    static final int MARKERS = 5;
    private static final double[] QUANTILES = {0, 0.25, 0.5, 0.75, 1};

    private P2Median() {}

    /**
     * Adds observation {@code x} to series {@code series}, which has received {@code count} observations
     * before this one.
     */
    static void add(double[] heights, int[] positions, int series, int count, double x) {
        int base = series * MARKERS;
        if (count < MARKERS) {
            insertSorted(heights, positions, base, count, x);
            return;
        }
        int k;
        if (x < heights[base]) {
            heights[base] = x;
            k = 0;
        } else if (x >= heights[base + 4]) {
            heights[base + 4] = Math.max(heights[base + 4], x);
            k = 3;
        } else {
            k = 0;
            while (x >= heights[base + k + 1]) {
                k++;
            }
        }
        for (int i = k + 1; i < MARKERS; i++) {
            positions[base + i]++;
        }
        int n = count + 1;
        for (int i = 1; i <= 3; i++) {
            int m = base + i;
            double d = 1 + (n - 1) * QUANTILES[i] - positions[m];
            int gapAbove = positions[m + 1] - positions[m];
            int gapBelow = positions[m - 1] - positions[m];
            if ((d >= 1 && gapAbove > 1) || (d <= -1 && gapBelow < -1)) {
                int step = d > 0 ? 1 : -1;
                double candidate = parabolic(heights, positions, m, step);
                if (heights[m - 1] < candidate && candidate < heights[m + 1]) {
                    heights[m] = candidate;
                } else {
                    heights[m] += step * (heights[m + step] - heights[m]) / (positions[m + step] - positions[m]);
                }
                positions[m] += step;
            }
        }
    }

    /**
     * The median estimate of series {@code series} after {@code count} observations (at least one); exact
     * for up to five observations.
     */
    static double median(double[] heights, int series, int count) {
        int base = series * MARKERS;
        if (count >= MARKERS) {
            return heights[base + 2];
        }
        return count % 2 == 1 ? heights[base + count / 2]
                : 0.5 * (heights[base + count / 2 - 1] + heights[base + count / 2]);
    }

    private static void insertSorted(double[] heights, int[] positions, int base, int count, double x) {
        int i = count;
        while (i > 0 && heights[base + i - 1] > x) {
            heights[base + i] = heights[base + i - 1];
            i--;
        }
        heights[base + i] = x;
        positions[base + count] = count + 1;
    }

    private static double parabolic(double[] q, int[] n, int m, int d) {
        double below = n[m] - n[m - 1];
        double above = n[m + 1] - n[m];
        return q[m] + d / (double) (n[m + 1] - n[m - 1])
                * ((below + d) * (q[m + 1] - q[m]) / above + (above - d) * (q[m] - q[m - 1]) / below);
    }
}
