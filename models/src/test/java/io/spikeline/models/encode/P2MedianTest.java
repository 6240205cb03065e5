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
}
