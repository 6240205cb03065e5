package io.spikeline.models.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class ClassicalDecodersTest {
    private static final double[] A = {0.95, -0.08, 0.08, 0.95};
    private static final int UNITS = 20;

    /** A linear-Gaussian system: rotating 2-D velocity, counts linear in it plus noise. */
    private static final class System2d {
        final SeededRandom random;
        final double[] h = new double[UNITS * 2];
        final double[] baseline = new double[UNITS];
        final double[] s = new double[2];

        System2d(long seed) {
            random = new SeededRandom(seed);
            for (int r = 0; r < UNITS; r++) {
                h[2 * r] = random.nextGaussian();
                h[2 * r + 1] = random.nextGaussian();
                baseline[r] = 5 + 5 * random.nextDouble();
            }
        }

        void step(float[] counts, float[] kinematics) {
            double x = A[0] * s[0] + A[1] * s[1] + 0.3 * random.nextGaussian();
            double y = A[2] * s[0] + A[3] * s[1] + 0.3 * random.nextGaussian();
            s[0] = x;
            s[1] = y;
            kinematics[0] = (float) x;
            kinematics[1] = (float) y;
            for (int r = 0; r < UNITS; r++) {
                counts[r] = (float) (baseline[r] + h[2 * r] * x + h[2 * r + 1] * y + 1.5 * random.nextGaussian());
            }
        }
    }

    @Test
    void kalmanRecoversTheSystemAndDecodesAtLeastAsWellAsALagOneWienerFilter() {
        System2d sys = new System2d(7);
        KalmanDecoder kalman = new KalmanDecoder(UNITS, 2);
        WienerDecoder wiener = new WienerDecoder(UNITS, 2, 1);
        float[] z = new float[UNITS];
        float[] s = new float[2];
        for (int t = 0; t < 20_000; t++) {
            sys.step(z, s);
            kalman.addTrainingSample(z, s);
            wiener.addTrainingSample(z, s);
        }
        kalman.fit(1e-6);
        wiener.fit(0);
        double[] fittedA = kalman.transition();
        for (int i = 0; i < 4; i++) {
            assertThat(fittedA[i]).isCloseTo(A[i], within(0.02));
        }
        double[] fittedH = kalman.observation();
        for (int i = 0; i < fittedH.length; i++) {
            assertThat(fittedH[i]).isCloseTo(sys.h[i], within(0.05));
        }
        R2Accumulator kalmanR2 = new R2Accumulator(2);
        R2Accumulator wienerR2 = new R2Accumulator(2);
        float[] kOut = new float[2];
        float[] wOut = new float[2];
        for (int t = 0; t < 5_000; t++) {
            sys.step(z, s);
            kalman.decode(z, kOut);
            wiener.decode(z, wOut);
            if (t > 100) {
                kalmanR2.add(s, kOut);
                wienerR2.add(s, wOut);
            }
        }
        assertThat(wienerR2.uniformAverage()).isGreaterThan(0.8);
        assertThat(kalmanR2.uniformAverage()).isGreaterThan(wienerR2.uniformAverage());
    }

    /** The steady-state gain equals where the ordinary, time-varying Kalman recursion ends up. */
    @Test
    void steadyStateGainEqualsTheLimitOfTheTimeVaryingFilter() {
        System2d sys = new System2d(11);
        KalmanDecoder kalman = new KalmanDecoder(UNITS, 2);
        float[] z = new float[UNITS];
        float[] s = new float[2];
        for (int t = 0; t < 5_000; t++) {
            sys.step(z, s);
            kalman.addTrainingSample(z, s);
        }
        kalman.fit(1e-6);
        // The covariance form, with an n × n inverse per step, solved here by Gaussian elimination.
        double[] a = kalman.transition();
        double[] h = kalman.observation();
        double[] w = kalman.processNoise();
        double[] q = kalman.observationNoise();
        double[] p = {1, 0, 0, 1};
        double[] k = new double[2 * UNITS];
        for (int step = 0; step < 400; step++) {
            double[] pMinus = LinearAlgebra.multiply(LinearAlgebra.multiply(a, p, 2, 2, 2),
                    LinearAlgebra.transpose(a, 2, 2), 2, 2, 2);
            for (int i = 0; i < 4; i++) {
                pMinus[i] += w[i];
            }
            double[] pht = LinearAlgebra.multiply(pMinus, LinearAlgebra.transpose(h, UNITS, 2), 2, 2, UNITS);
            double[] innovationCovariance = LinearAlgebra.multiply(h, pht, UNITS, 2, UNITS);
            for (int i = 0; i < innovationCovariance.length; i++) {
                innovationCovariance[i] += q[i];
            }
            // K = P⁻Hᵀ S⁻¹, i.e. Kᵀ = S⁻¹ (P⁻Hᵀ)ᵀ with S symmetric.
            double[] kt = solve(innovationCovariance, LinearAlgebra.transpose(pht, 2, UNITS), UNITS, 2);
            k = LinearAlgebra.transpose(kt, UNITS, 2);
            double[] kh = LinearAlgebra.multiply(k, h, 2, UNITS, 2);
            double[] iMinusKh = {1 - kh[0], -kh[1], -kh[2], 1 - kh[3]};
            p = LinearAlgebra.multiply(iMinusKh, pMinus, 2, 2, 2);
        }
        double[] steady = kalman.steadyStateGain();
        for (int i = 0; i < k.length; i++) {
            assertThat(steady[i]).isCloseTo(k[i], within(1e-9 + 1e-7 * Math.abs(k[i])));
        }
    }

    /** Solves {@code M X = B} (M n × n, B n × m) by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[] m, double[] b, int n, int columns) {
        double[] x = new double[n * columns];
        for (int c = 0; c < columns; c++) {
            double[][] augmented = new double[n][n + 1];
            for (int r = 0; r < n; r++) {
                System.arraycopy(m, r * n, augmented[r], 0, n);
                augmented[r][n] = b[r * columns + c];
            }
            double[] column = gauss(augmented, n);
            for (int r = 0; r < n; r++) {
                x[r * columns + c] = column[r];
            }
        }
        return x;
    }

    /** The ridge fit equals the normal equations solved independently, here by Gaussian elimination. */
    @Test
    void wienerWeightsEqualTheRidgeSolutionOfTheLaggedDesign() {
        SeededRandom random = new SeededRandom(3);
        int n = 4;
        int lags = 3;
        int t = 400;
        float[][] x = new float[t][n];
        float[][] y = new float[t][1];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = (float) random.nextPoisson(3);
            }
            y[i][0] = (float) random.nextGaussian();
        }
        double lambda = 2.5;
        WienerDecoder wiener = new WienerDecoder(n, 1, lags);
        for (int i = 0; i < t; i++) {
            wiener.addTrainingSample(x[i], y[i]);
        }
        wiener.fit(lambda);
        int f = n * lags + 1;
        double[][] m = new double[f][f + 1];
        for (int i = lags - 1; i < t; i++) {
            double[] row = new double[f];
            for (int l = 0; l < lags; l++) {
                for (int j = 0; j < n; j++) {
                    row[l * n + j] = x[i - l][j];
                }
            }
            row[f - 1] = 1;
            for (int r = 0; r < f; r++) {
                for (int c = 0; c < f; c++) {
                    m[r][c] += row[r] * row[c];
                }
                m[r][f] += row[r] * y[i][0];
            }
        }
        for (int r = 0; r < f - 1; r++) {
            m[r][r] += lambda;
        }
        double[] solution = gauss(m, f);
        for (int l = 0; l < lags; l++) {
            for (int j = 0; j < n; j++) {
                assertThat(wiener.weight(0, l, j)).isCloseTo(solution[l * n + j], within(1e-9));
            }
        }
        assertThat(wiener.bias(0)).isCloseTo(solution[f - 1], within(1e-9));
    }

    @Test
    void decodersContinueExactlyAfterASnapshot() throws Exception {
        System2d sys = new System2d(5);
        KalmanDecoder kalman = new KalmanDecoder(UNITS, 2);
        WienerDecoder wiener = new WienerDecoder(UNITS, 2, 4);
        float[] z = new float[UNITS];
        float[] s = new float[2];
        for (int t = 0; t < 2_000; t++) {
            sys.step(z, s);
            kalman.addTrainingSample(z, s);
            wiener.addTrainingSample(z, s);
        }
        kalman.fit(1e-6);
        wiener.fit(1);
        float[][] stream = new float[300][];
        for (int t = 0; t < stream.length; t++) {
            sys.step(z, s);
            stream[t] = z.clone();
        }
        float[] out = new float[2];
        for (int t = 0; t < 100; t++) {
            kalman.decode(stream[t], out);
            wiener.decode(stream[t], out);
        }
        KalmanDecoder kalmanCopy = new KalmanDecoder(UNITS, 2);
        WienerDecoder wienerCopy = new WienerDecoder(UNITS, 2, 4);
        Snapshots.restore(kalmanCopy, Snapshots.toBytes(kalman));
        Snapshots.restore(wienerCopy, Snapshots.toBytes(wiener));
        float[] copyOut = new float[2];
        for (int t = 100; t < stream.length; t++) {
            kalman.decode(stream[t], out);
            kalmanCopy.decode(stream[t], copyOut);
            assertThat(copyOut).containsExactly(out);
            wiener.decode(stream[t], out);
            wienerCopy.decode(stream[t], copyOut);
            assertThat(copyOut).containsExactly(out);
        }
    }

    @Test
    void misuseIsReportedClearly() {
        assertThatThrownBy(() -> new WienerDecoder(0, 2, 3)).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> new WienerDecoder(3, 2, 3).fit(1)).hasMessageContaining("no training samples");
        WienerDecoder silent = new WienerDecoder(2, 1, 1);
        for (int i = 0; i < 10; i++) {
            silent.addTrainingSample(new float[] {i, 0}, new float[] {i});
        }
        assertThatThrownBy(() -> silent.fit(0)).hasMessageContaining("add ridge regularisation");
        assertThatThrownBy(() -> new KalmanDecoder(3, 2).fit(1e-6)).hasMessageContaining("at least 3 training bins");
    }

    private static double[] gauss(double[][] m, int n) {
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double factor = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= factor * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }
}
