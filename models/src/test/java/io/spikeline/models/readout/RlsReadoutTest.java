package io.spikeline.models.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class RlsReadoutTest {
    private static final int INPUTS = 4;
    private static final int OUTPUTS = 3;

    /**
     * y = A x + c with A and c multiples of 1/16 in [-1, 1] and integer features in [-8, 8], so that every
     * target is exact in float and a noiseless fit can be exact.
     */
    private static double[][] dyadicMap(SeededRandom random) {
        double[][] map = new double[OUTPUTS][INPUTS + 1];
        for (double[] row : map) {
            for (int i = 0; i <= INPUTS; i++) {
                row[i] = (random.nextInt(33) - 16) / 16.0;
            }
        }
        return map;
    }

    private static void integerSample(SeededRandom random, double[][] map, float[] x, float[] y) {
        for (int i = 0; i < INPUTS; i++) {
            x[i] = random.nextInt(17) - 8;
        }
        apply(map, x, y);
    }

    private static void apply(double[][] map, float[] x, float[] y) {
        for (int o = 0; o < OUTPUTS; o++) {
            double v = map[o][INPUTS];
            for (int i = 0; i < INPUTS; i++) {
                v += map[o][i] * x[i];
            }
            y[o] = (float) v;
        }
    }

    private static double maxDeviation(RlsReadout rls, double[][] map) {
        double worst = 0;
        for (int o = 0; o < OUTPUTS; o++) {
            for (int i = 0; i < INPUTS; i++) {
                worst = Math.max(worst, Math.abs(rls.weight(o, i) - map[o][i]));
            }
            worst = Math.max(worst, Math.abs(rls.bias(o) - map[o][INPUTS]));
        }
        return worst;
    }

    @Test
    void recoversAKnownMapFromNoiselessDataWithinAFewTimesTheInputCount() {
        SeededRandom random = new SeededRandom(31);
        double[][] map = dyadicMap(random);
        RlsReadout rls = new RlsReadout(new RlsParameters(INPUTS, OUTPUTS, 1.0, 1e-9));
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        for (int t = 0; t < 3 * (INPUTS + 1); t++) {
            integerSample(random, map, x, y);
            rls.learn(x, y);
        }
        assertThat(maxDeviation(rls, map)).isLessThan(1e-6);
        integerSample(random, map, x, y);
        assertThat(rls.learn(x, y)).isLessThan(1e-10);
    }

    @Test
    void equalsTheBatchRegularisedWeightedLeastSquaresSolution() {
        SeededRandom random = new SeededRandom(8);
        double lambda = 0.98;
        double delta = 0.5;
        int steps = 200;
        int d = INPUTS + 1;
        RlsReadout rls = new RlsReadout(new RlsParameters(INPUTS, OUTPUTS, lambda, delta));
        // Normal equations (Xᵀ Λ X + δ λ^N I) Wᵀ = Xᵀ Λ Y, with Λ = diag(λ^{N−t}), accumulated in double.
        double[][] gram = new double[d][d];
        double[][] cross = new double[d][OUTPUTS];
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        double[] xa = new double[d];
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < INPUTS; i++) {
                x[i] = (float) (random.nextGaussian() * (i + 1));
            }
            for (int o = 0; o < OUTPUTS; o++) {
                y[o] = (float) (o - x[0] + 0.5 * x[o + 1] + random.nextGaussian());
            }
            rls.learn(x, y);
            for (int i = 0; i < INPUTS; i++) {
                xa[i] = x[i];
            }
            xa[INPUTS] = 1;
            double weight = Math.pow(lambda, steps - t);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    gram[i][j] += weight * xa[i] * xa[j];
                }
                for (int o = 0; o < OUTPUTS; o++) {
                    cross[i][o] += weight * xa[i] * y[o];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            gram[i][i] += delta * Math.pow(lambda, steps);
        }
        double[][] expected = solve(gram, cross);
        for (int o = 0; o < OUTPUTS; o++) {
            for (int i = 0; i < INPUTS; i++) {
                assertThat(rls.weight(o, i)).isCloseTo(expected[i][o], within(1e-9));
            }
            assertThat(rls.bias(o)).isCloseTo(expected[INPUTS][o], within(1e-9));
        }
    }

    /** Gaussian elimination with partial pivoting: returns A⁻¹ B. */
    private static double[][] solve(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] aa = new double[n][];
        double[][] bb = new double[n][];
        for (int i = 0; i < n; i++) {
            aa[i] = a[i].clone();
            bb[i] = b[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(aa[r][col]) > Math.abs(aa[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swapA = aa[col];
            aa[col] = aa[pivot];
            aa[pivot] = swapA;
            double[] swapB = bb[col];
            bb[col] = bb[pivot];
            bb[pivot] = swapB;
            for (int r = col + 1; r < n; r++) {
                double f = aa[r][col] / aa[col][col];
                for (int c = col; c < n; c++) {
                    aa[r][c] -= f * aa[col][c];
                }
                for (int c = 0; c < m; c++) {
                    bb[r][c] -= f * bb[col][c];
                }
            }
        }
        double[][] solution = new double[n][m];
        for (int r = n - 1; r >= 0; r--) {
            for (int c = 0; c < m; c++) {
                double v = bb[r][c];
                for (int k = r + 1; k < n; k++) {
                    v -= aa[r][k] * solution[k][c];
                }
                solution[r][c] = v / aa[r][r];
            }
        }
        return solution;
    }

    @Test
    void forgettingTracksAMapThatChangesWhileAGrowingWindowDoesNot() {
        SeededRandom random = new SeededRandom(12);
        double[][] before = dyadicMap(random);
        double[][] after = dyadicMap(random);
        RlsReadout forgetting = new RlsReadout(new RlsParameters(INPUTS, OUTPUTS, 0.95, 1e-6));
        RlsReadout growing = new RlsReadout(new RlsParameters(INPUTS, OUTPUTS, 1.0, 1e-6));
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        for (int t = 0; t < 300; t++) {
            integerSample(random, before, x, y);
            forgetting.learn(x, y);
            growing.learn(x, y);
        }
        assertThat(maxDeviation(forgetting, before)).isLessThan(1e-6);
        for (int t = 0; t < 500; t++) {
            integerSample(random, after, x, y);
            forgetting.learn(x, y);
            growing.learn(x, y);
        }
        // The 300 old samples weigh 0.95^500 ≈ 7e-12 relative to the new ones.
        assertThat(maxDeviation(forgetting, after)).isLessThan(1e-6);
        assertThat(maxDeviation(growing, after)).isGreaterThan(0.05);
    }

    @Test
    void covarianceStaysSymmetricAndBoundedThroughLongSilenceAndThenAdaptsAgain() {
        SeededRandom random = new SeededRandom(3);
        double[][] map = dyadicMap(random);
        double delta = 1.0;
        RlsReadout rls = new RlsReadout(new RlsParameters(INPUTS, OUTPUTS, 0.9, delta));
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        // 200 samples: the prior δ λ^200 ≈ 7e-10 no longer biases the fit.
        for (int t = 0; t < 200; t++) {
            integerSample(random, map, x, y);
            rls.learn(x, y);
        }
        // Silent features excite only the bias: unbounded, P would grow like 0.9^-t and overflow by t ≈ 6700.
        float[] silent = new float[INPUTS];
        apply(map, silent, y);
        for (int t = 0; t < 20_000; t++) {
            rls.learn(silent, y);
        }
        double trace = 0;
        for (int i = 0; i <= INPUTS; i++) {
            trace += rls.covariance(i, i);
            for (int j = 0; j <= INPUTS; j++) {
                assertThat(rls.covariance(i, j)).isFinite().isEqualTo(rls.covariance(j, i));
            }
        }
        assertThat(trace).isLessThanOrEqualTo((INPUTS + 1) / delta * (1 + 1e-12));
        assertThat(maxDeviation(rls, map)).isLessThan(1e-6);

        // The bias, excited throughout the silence, holds 20 000 samples of evidence that now fade at
        // 0.9 per step: 20 000 · 0.9^400 ≈ 1e-14.
        double[][] next = dyadicMap(random);
        for (int t = 0; t < 400; t++) {
            integerSample(random, next, x, y);
            rls.learn(x, y);
        }
        assertThat(maxDeviation(rls, next)).isLessThan(1e-6);
    }

    @Test
    void resetCovarianceKeepsTheWeightsAndRestoresTheInitialGain() {
        SeededRandom random = new SeededRandom(4);
        double[][] map = dyadicMap(random);
        RlsReadout rls = new RlsReadout(new RlsParameters(INPUTS, OUTPUTS, 1.0, 0.25));
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        for (int t = 0; t < 40; t++) {
            integerSample(random, map, x, y);
            rls.learn(x, y);
        }
        double weight = rls.weight(1, 2);
        rls.resetCovariance();
        assertThat(rls.weight(1, 2)).isEqualTo(weight);
        for (int i = 0; i <= INPUTS; i++) {
            for (int j = 0; j <= INPUTS; j++) {
                assertThat(rls.covariance(i, j)).isEqualTo(i == j ? 4.0 : 0.0);
            }
        }
    }

    @Test
    void restoredReadoutContinuesBitForBit() throws Exception {
        RlsParameters parameters = new RlsParameters(INPUTS, OUTPUTS, 0.99, 0.1);
        RlsReadout uninterrupted = new RlsReadout(parameters);
        RlsReadout interrupted = new RlsReadout(parameters);
        SeededRandom random = new SeededRandom(77);
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        for (int t = 0; t < 150; t++) {
            noisySample(random, x, y);
            uninterrupted.learn(x, y);
            interrupted.learn(x, y);
        }
        RlsReadout restored = new RlsReadout(parameters);
        Snapshots.restore(restored, Snapshots.toBytes(interrupted));
        float[] a = new float[OUTPUTS];
        float[] b = new float[OUTPUTS];
        for (int t = 0; t < 150; t++) {
            noisySample(random, x, y);
            Feedback feedback = Feedback.ofVector("implant-1", t, y);
            assertThat(restored.learn(x, feedback)).isEqualTo(uninterrupted.learn(x, y));
            restored.predict(x, a);
            uninterrupted.predict(x, b);
            assertThat(a).containsExactly(b);
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(uninterrupted));

        RlsReadout otherShape = new RlsReadout(new RlsParameters(INPUTS, OUTPUTS + 1, 0.99, 0.1));
        assertThatThrownBy(() -> Snapshots.restore(otherShape, Snapshots.toBytes(uninterrupted)))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("output count = 3 but this instance has 4");
    }

    private static void noisySample(SeededRandom random, float[] x, float[] y) {
        for (int i = 0; i < INPUTS; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int o = 0; o < OUTPUTS; o++) {
            y[o] = (float) (x[o] - 2 * x[3] + 0.3 * random.nextGaussian());
        }
    }

    @Test
    void invalidParametersAreRejectedByName() {
        assertThatThrownBy(() -> new RlsParameters(3, 2, 0.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forgettingFactor must lie in (0, 1], was 0.0");
        assertThatThrownBy(() -> new RlsParameters(3, 2, 1.01, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 1.01");
        assertThatThrownBy(() -> new RlsParameters(3, 2, 0.99, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regularisation must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> new RlsParameters(3, 0, 0.99, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outputCount must be > 0, was 0");
        assertThatThrownBy(() -> new RlsParameters(50_000, 1, 0.99, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputCount 50000 is too large");
    }
}
