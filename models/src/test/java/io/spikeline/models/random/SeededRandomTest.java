package io.spikeline.models.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeededRandomTest {

    @Test
    void sameSeedGivesSameSequenceAndOtherSeedsDiffer() {
        SeededRandom a = new SeededRandom(5);
        SeededRandom b = new SeededRandom(5);
        SeededRandom c = new SeededRandom(6);
        int differing = 0;
        for (int i = 0; i < 100; i++) {
            long x = a.nextLong();
            assertThat(b.nextLong()).isEqualTo(x);
            if (c.nextLong() != x) {
                differing++;
            }
        }
        assertThat(differing).isEqualTo(100);
    }

    @Test
    void uniformGaussianAndPoissonHaveTheirKnownMoments() {
        SeededRandom r = new SeededRandom(2024);
        int n = 200_000;
        double sumU = 0, sumG = 0, sumG2 = 0, sumP = 0, sumP2 = 0;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
            sumU += u;
            bins[r.nextInt(10)]++;
            double g = r.nextGaussian();
            sumG += g;
            sumG2 += g * g;
            int p = r.nextPoisson(3.5);
            sumP += p;
            sumP2 += (double) p * p;
        }
        // Tolerances are about 5 standard errors of each estimate.
        assertThat(sumU / n).isCloseTo(0.5, within(5 * Math.sqrt(1.0 / 12 / n)));
        assertThat(sumG / n).isCloseTo(0.0, within(5 / Math.sqrt(n)));
        assertThat(sumG2 / n).isCloseTo(1.0, within(5 * Math.sqrt(2.0 / n)));
        assertThat(sumP / n).isCloseTo(3.5, within(5 * Math.sqrt(3.5 / n)));
        assertThat(sumP2 / n - Math.pow(sumP / n, 2)).isCloseTo(3.5, within(0.1));
        for (int count : bins) {
            assertThat(count).isBetween(n / 10 - 700, n / 10 + 700);
        }
    }
}
