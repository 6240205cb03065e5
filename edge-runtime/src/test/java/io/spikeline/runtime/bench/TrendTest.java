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
        assertThat(trend.mean()).isCloseTo(7 + 2.5 * 2.5, within(1e-12));
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
    }

    @Test
    void degenerateSeriesHaveNoSlope() {
        assertThat(Trend.fit(new double[0], new double[0], 0).slope()).isZero();
        assertThat(Trend.fit(new double[] {4}, new double[] {9}, 1).growth()).isZero();
        assertThat(Trend.fit(new double[] {4, 4}, new double[] {9, 30}, 2).slope()).isZero();
    }
}
