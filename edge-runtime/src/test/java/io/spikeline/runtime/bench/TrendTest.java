package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void anExactLineIsRecovered() {
        double[] t = {0, 1, 2, 3, 4, 5};
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 7 + 2.5 * t[i];
        }
        Trend trend = Trend.fit(t, y, t.length);
        assertThat(trend.slope()).isCloseTo(2.5, within(1e-12));
        assertThat(trend.level()).isCloseTo(7 + 2.5 * 2.5, within(1e-12));
        Trend robust = Trend.robust(t, y, t.length);
        assertThat(robust.slope()).isCloseTo(2.5, within(1e-12));
        assertThat(robust.level()).isCloseTo(7 + 2.5 * 2.5, within(1e-12));
        assertThat(robust.growth()).isCloseTo(12.5, within(1e-12));
        assertThat(trend.span()).isEqualTo(5);
        assertThat(trend.growth()).isCloseTo(12.5, within(1e-12));
    }

    @Test
    void slopeMatchesTheClosedFormOfThreePoints() {
        // Least squares through (0, 1), (1, 3), (3, 4): slope = Σ(t − 4/3)(y − 8/3) / Σ(t − 4/3)² = (13/3) / (14/3).
        Trend trend = Trend.fit(new double[] {0, 1, 3, 99}, new double[] {1, 3, 4, -50}, 3);
        assertThat(trend.slope()).isCloseTo(13.0 / 14, within(1e-12));
    }

    @Test
    void theilSenSlopeIsTheMedianOfThePairwiseSlopes() {
        // Pairs of (0, 1), (1, 3), (3, 4): slopes 2, 1 and 0.5; median 1. Level: median of 1, 3, 4.
        Trend trend = Trend.robust(new double[] {0, 1, 3, 99}, new double[] {1, 3, 4, -50}, 3);
        assertThat(trend.slope()).isEqualTo(1);
        assertThat(trend.level()).isEqualTo(3);
        // With (5, 2) too: six slopes 2, 1, 0.2, 0.5, -0.25, -1; median (0.2 + 0.5) / 2.
        Trend four = Trend.robust(new double[] {0, 1, 3, 5}, new double[] {1, 3, 4, 2}, 4);
        assertThat(four.slope()).isCloseTo(0.35, within(1e-12));
        assertThat(four.level()).isEqualTo(2.5);
    }

    @Test
    void oneDisturbedPointAtTheEndSwaysLeastSquaresButNotTheilSen() {
        // A flat series of p99 around 3 ms whose last interval met a 95 ms stall.
        double[] t = {30, 45, 60, 75, 90, 105, 120, 135, 150, 165};
        double[] p99 = {3.1, 3.0, 4.8, 4.2, 2.5, 4.6, 2.8, 2.8, 3.3, 95.1};
        assertThat(Trend.fit(t, p99, t.length).growing(0.2, 5)).isTrue();
        Trend robust = Trend.robust(t, p99, t.length);
        assertThat(robust.growing(0.2, 5)).isFalse();
        assertThat(robust.level()).isCloseTo(3.2, within(1e-12));
        // A steady rise still shows through the same disturbance.
        double[] rising = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            rising[i] = p99[i] + 2 * i;
        }
        rising[4] = 80;
        assertThat(Trend.robust(t, rising, t.length).growing(0.2, 5)).isTrue();
    }

    @Test
    void growingNeedsBothTheRelativeToleranceAndTheFloor() {
        double[] t = {0, 10, 20, 30};
        double[] rising = {100, 110, 120, 130};
        Trend trend = Trend.fit(t, rising, 4);
        assertThat(trend.growth()).isCloseTo(30, within(1e-9));
        assertThat(trend.growing(0.2, 1)).isTrue();   // 30 > 0.2 × 115 and > 1
        assertThat(trend.growing(0.3, 1)).isFalse();  // 30 < 0.3 × 115
        assertThat(trend.growing(0.2, 50)).isFalse(); // below the floor
    }

    @Test
    void seededNoiseAroundALevelIsFlatAndAFallingSeriesIsNotGrowing() {
        SeededRandom random = new SeededRandom(3);
        int n = 40;
        double[] t = new double[n];
        double[] noisy = new double[n];
        double[] falling = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 15;
            noisy[i] = 200 + 5 * random.nextGaussian();
            falling[i] = 200 - i;
        }
        assertThat(Trend.fit(t, noisy, n).growing(0.2, 0)).isFalse();
        assertThat(Trend.fit(t, falling, n).growing(0, 0)).isFalse();
        assertThat(Trend.robust(t, noisy, n).growing(0.2, 0)).isFalse();
        assertThat(Trend.robust(t, falling, n).growing(0, 0)).isFalse();
    }

    @Test
    void degenerateSeriesHaveNoSlope() {
        assertThat(Trend.fit(new double[0], new double[0], 0).slope()).isZero();
        assertThat(Trend.fit(new double[] {4}, new double[] {9}, 1).growth()).isZero();
        assertThat(Trend.fit(new double[] {4, 4}, new double[] {9, 30}, 2).slope()).isZero();
        assertThat(Trend.robust(new double[0], new double[0], 0).slope()).isZero();
        assertThat(Trend.robust(new double[] {4, 4}, new double[] {9, 30}, 2).slope()).isZero();
    }
}
