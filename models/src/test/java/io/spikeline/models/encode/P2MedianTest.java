package io.spikeline.models.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class P2MedianTest {

    private static double exactMedian(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : 0.5 * (sorted[count / 2 - 1] + sorted[count / 2]);
    }

    @Test
    void upToFiveObservationsTheMedianIsExact() {
        double[] values = {4.0, -1.0, 7.5, 2.0, 3.0};
        double[] heights = new double[P2Median.MARKERS];
        int[] positions = new int[P2Median.MARKERS];
        for (int n = 0; n < values.length; n++) {
            P2Median.add(heights, positions, 0, n, values[n]);
            assertThat(P2Median.median(heights, 0, n + 1)).as("after %d", n + 1).isEqualTo(exactMedian(values, n + 1));
        }
    }

    @Test
    void tracksTheSampleMedianOfSeveralSeriesInLockstep() {
        SeededRandom random = new SeededRandom(3);
        int n = 20_001;
        double[] halfNormal = new double[n];
        double[] uniform = new double[n];
        double[] ramp = new double[n];
        double[] heights = new double[3 * P2Median.MARKERS];
        int[] positions = new int[3 * P2Median.MARKERS];
        for (int i = 0; i < n; i++) {
            halfNormal[i] = Math.abs(random.nextGaussian());
            uniform[i] = random.nextDouble();
            ramp[i] = i;
            P2Median.add(heights, positions, 0, i, halfNormal[i]);
            P2Median.add(heights, positions, 1, i, uniform[i]);
            P2Median.add(heights, positions, 2, i, ramp[i]);
        }
        assertThat(P2Median.median(heights, 0, n)).isCloseTo(exactMedian(halfNormal, n), within(0.01));
        assertThat(P2Median.median(heights, 1, n)).isCloseTo(exactMedian(uniform, n), within(0.01));
        assertThat(P2Median.median(heights, 2, n)).isCloseTo(exactMedian(ramp, n), within(0.01 * n));
        for (int i = 0; i < positions.length; i += P2Median.MARKERS) {
            assertThat(positions[i]).isEqualTo(1);
            assertThat(positions[i + 4]).isEqualTo(n);
        }
    }
    /**
     * The P² algorithm as printed by Jain and Chlamtac (1985, boxes B1-B3), one series, 1-based markers:
     * desired positions accumulate their increments, the cell of x is searched, and the markers are adjusted
     * in ascending order. Independent of {@link P2Median}'s fixed-point and branch-free formulation.
     */
    private static final class Published {
        final double[] q = new double[6];
        final int[] n = new int[6];
        final double[] desired = new double[6];
        final double[] increment = {0, 0, 0.25, 0.5, 0.75, 1};
        int count;

        void add(double x) {
            count++;
            if (count <= 5) {
                q[count] = x;
                if (count == 5) {
                    Arrays.sort(q, 1, 6);
                    for (int i = 1; i <= 5; i++) {
                        n[i] = i;
                        desired[i] = 1 + 4 * increment[i];
                    }
                }
                return;
            }
            int k;
            if (x < q[1]) {
                q[1] = x;
                k = 1;
            } else if (x > q[5]) {
                q[5] = x;
                k = 4;
            } else {
                k = 1;
                while (k < 4 && x >= q[k + 1]) {
                    k++;
                }
            }
            for (int i = k + 1; i <= 5; i++) {
                n[i]++;
            }
            for (int i = 1; i <= 5; i++) {
                desired[i] += increment[i];
            }
            for (int i = 2; i <= 4; i++) {
                double d = desired[i] - n[i];
                if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
                    int s = d > 0 ? 1 : -1;
                    double below = n[i] - n[i - 1];
                    double above = n[i + 1] - n[i];
                    double parabolic = q[i] + s / (double) (n[i + 1] - n[i - 1])
                            * ((below + s) * (q[i + 1] - q[i]) / above + (above - s) * (q[i] - q[i - 1]) / below);
                    if (q[i - 1] < parabolic && parabolic < q[i + 1]) {
                        q[i] = parabolic;
                    } else {
                        q[i] += s * (q[i + s] - q[i]) / (n[i + s] - n[i]);
                    }
                    n[i] += s;
                }
            }
        }
    }

    @Test
    void equalsThePublishedAlgorithmBitForBit() {
        SeededRandom random = new SeededRandom(8);
        int series = 4;
        Published[] published = new Published[series];
        for (int s = 0; s < series; s++) {
            published[s] = new Published();
        }
        double[] heights = new double[series * P2Median.MARKERS];
        int[] positions = new int[series * P2Median.MARKERS];
        for (int count = 0; count < 100_000; count++) {
            double[] x = {Math.abs(random.nextGaussian()), random.nextDouble(), Math.floor(4 * random.nextDouble()),
                    random.nextExponential(1) * (count % 7 == 0 ? 1e4 : 1)};
            for (int s = 0; s < series; s++) {
                P2Median.add(heights, positions, s, count, x[s]);
                published[s].add(x[s]);
            }
            if (count >= P2Median.MARKERS - 1) {
                for (int s = 0; s < series; s++) {
                    for (int i = 0; i < P2Median.MARKERS; i++) {
                        assertThat(heights[s * P2Median.MARKERS + i]).as("series %d marker %d after %d", s, i, count + 1)
                                .isEqualTo(published[s].q[i + 1]);
                        assertThat(positions[s * P2Median.MARKERS + i]).isEqualTo(published[s].n[i + 1]);
                    }
                }
            }
        }
    }
}
