package io.spikeline.models.decode;

/** Dense row-major linear algebra for fitting the classical decoders: small, exact enough, allocation at fit time only. */
final class LinearAlgebra {
    private LinearAlgebra() {}

    /**
     * Solves {@code A X = B} for symmetric positive-definite {@code A} (n × n, row-major) and {@code B} (n × m)
     * by Cholesky factorisation; {@code A} and {@code B} are left unchanged.
     *
     * @throws IllegalArgumentException when A is not positive definite (say, a silent unit without ridge)
     */
    static double[] solveSpd(double[] a, int n, double[] b, int m) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("the normal equations are singular at row " + i
                                + " (a constant or silent input); add ridge regularisation");
                    }
                    l[i * n + i] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        double[] x = b.clone();
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                double sum = x[i * m + c];
                for (int k = 0; k < i; k++) {
                    sum -= l[i * n + k] * x[k * m + c];
                }
                x[i * m + c] = sum / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double sum = x[i * m + c];
                for (int k = i + 1; k < n; k++) {
                    sum -= l[k * n + i] * x[k * m + c];
                }
                x[i * m + c] = sum / l[i * n + i];
            }
        }
        return x;
    }

    /** The inverse of a symmetric positive-definite matrix. */
    static double[] inverseSpd(double[] a, int n) {
        double[] identity = new double[n * n];
        for (int i = 0; i < n; i++) {
            identity[i * n + i] = 1;
        }
        return solveSpd(a, n, identity, n);
    }

    /** {@code C = A B}: A is r × k, B is k × c. */
    static double[] multiply(double[] a, double[] b, int r, int k, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int p = 0; p < k; p++) {
                double v = a[i * k + p];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    out[i * c + j] += v * b[p * c + j];
                }
            }
        }
        return out;
    }

    /** The transpose of an r × c matrix. */
    static double[] transpose(double[] a, int r, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = a[i * c + j];
            }
        }
        return out;
    }
}
