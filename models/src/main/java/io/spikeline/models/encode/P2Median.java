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

    private P2Median() {}

    /**
     * Adds observation {@code x} to series {@code series}, which has received {@code count} observations
     * before this one.
     */
    static void add(double[] heights, int[] positions, int series, int count, double x) {
        int base = series * MARKERS;
        if (count < MARKERS) {
            insertSorted(heights, positions, base, count, x);
        } else {
            update(heights, positions, base, count + 1, x);
        }
    }

    /**
     * Adds {@code |samples[from + s]|} to series {@code s} for every series {@code 0 .. seriesCount-1}, each
     * of which has received {@code count} observations before these.
     */
    static void addAbsolute(double[] heights, int[] positions, int count, float[] samples, int from,
                            int seriesCount) {
        if (count < MARKERS) {
            for (int s = 0; s < seriesCount; s++) {
                insertSorted(heights, positions, s * MARKERS, count, Math.abs(samples[from + s]));
            }
        } else {
            for (int s = 0; s < seriesCount; s++) {
                update(heights, positions, s * MARKERS, count + 1, Math.abs(samples[from + s]));
            }
        }
    }

    /**
     * The P² step for observation {@code x} of the series at {@code base}, which already holds at least
     * {@link #MARKERS} observations and holds {@code n} with this one.
     */
    private static void update(double[] heights, int[] positions, int base, int n, double x) {
        if (x < heights[base]) {
            heights[base] = x;
            positions[base + 1]++;
            positions[base + 2]++;
            positions[base + 3]++;
        } else if (x >= heights[base + 4]) {
            heights[base + 4] = Math.max(heights[base + 4], x);
        } else {
            // Marker i moves up iff x falls into a cell below it, i.e. x is not above some marker j <= i.
            // Written as selects rather than a search loop: where x falls is random, so the loop's exit
            // branch is mispredicted about half the time.
            int up1 = x >= heights[base + 1] ? 0 : 1;
            int up2 = x >= heights[base + 2] ? up1 : 1;
            int up3 = x >= heights[base + 3] ? up2 : 1;
            positions[base + 1] += up1;
            positions[base + 2] += up2;
            positions[base + 3] += up3;
        }
        positions[base + 4]++;
        long observed = n - 1;
        for (int i = 1; i <= 3; i++) {
            int m = base + i;
            // The desired position 1 + (n-1)·i/4 is a multiple of 1/4, so its offset d from the marker's
            // position is exact in fixed point: 4d - 4 = (n-1)·i - 4·position. d >= 1 and d <= -1 follow.
            long offset = observed * i - 4L * positions[m];
            int step;
            if (offset >= 0 && positions[m + 1] - positions[m] > 1) {
                step = 1;
            } else if (offset <= -8 && positions[m - 1] - positions[m] < -1) {
                step = -1;
            } else {
                continue;
            }
            double candidate = parabolic(heights, positions, m, step);
            if (heights[m - 1] < candidate && candidate < heights[m + 1]) {
                heights[m] = candidate;
            } else {
                heights[m] += step * (heights[m + step] - heights[m]) / (positions[m + step] - positions[m]);
            }
            positions[m] += step;
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
