package io.spikeline.models.filter.design;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Roots of a polynomial with real coefficients: Aberth–Ehrlich simultaneous iteration from points on a circle
 * around the centroid of the roots, then Newton polishing of each root on the polynomial itself, then exact
 * conjugate symmetry (a real polynomial's complex roots come in conjugate pairs; rounding would otherwise
 * leave them slightly asymmetric and the filter coefficients slightly complex).
 *
 * <p>Aberth–Ehrlich update of every approximation {@code z_i} in turn:
 * {@code z_i ← z_i − p(z_i) / (p'(z_i) − p(z_i) · Σ_{j≠i} 1/(z_i − z_j))} (Newton's step on p, with the other
 * approximations repelling z_i; written without dividing by p' so a start on a critical point does no harm). It
 * converges cubically for simple roots and needs no deflation.
 *
 * <p>The polishing evaluates p and p' exactly (in {@link BigDecimal}: the coefficients and the point are
 * doubles, so every sum and product is exact) and rounds them once; Newton's step then lands within an ulp or
 * so of the root, where double-precision Horner would stall at the root's condition number times ε (about
 * 1e-12 for the order-10 Bessel polynomial).
 */
final class PolynomialRoots {
    private static final int MAX_ABERTH_ITERATIONS = 500;
    private static final int MAX_NEWTON_ITERATIONS = 20;
    private static final double EPS = Math.ulp(1.0);
    private static final double ANGLE_OFFSET_RAD = 0.4;

    private PolynomialRoots() {}

    /**
     * The roots of {@code c[0] + c[1]·s + … + c[n]·s^n}, complex pairs as (upper, lower) adjacent and ordered
     * by real part, then real roots in increasing order.
     *
     * @throws IllegalArgumentException when the leading coefficient is zero or a coefficient is not finite
     */
    static List<Complex> of(double[] ascendingCoefficients) {
        double[] c = ascendingCoefficients.clone();
        int degree = c.length - 1;
        if (degree < 1 || c[degree] == 0.0) {
            throw new IllegalArgumentException("polynomial needs degree >= 1 and a non-zero leading coefficient, "
                    + "had coefficients " + Arrays.toString(c));
        }
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("polynomial coefficient is " + v);
            }
        }
        Complex[] z = initialGuesses(c);
        aberthEhrlich(c, z);
        for (int i = 0; i < z.length; i++) {
            z[i] = newtonPolish(c, z[i]);
        }
        return ConjugatePairs.split(Arrays.asList(z)).all();
    }

    /**
     * Points evenly spread on the circle centred on the centroid {@code −c[n−1]/(n·c[n])} of the roots whose
     * radius is the geometric mean of the roots' distances from it, {@code |p(centroid)/c[n]|^(1/n)}. The
     * angular offset, not a rational multiple of π, keeps every point off the real axis and no two points
     * conjugate to each other (a symmetric start can stall where a real root must split from a pair).
     */
    private static Complex[] initialGuesses(double[] c) {
        int n = c.length - 1;
        Complex centre = Complex.real(-c[n - 1] / (n * c[n]));
        double radius = Math.pow(Evaluation.of(c, centre).value().abs() / Math.abs(c[n]), 1.0 / n);
        if (!(radius > 0.0) || !Double.isFinite(radius)) {
            radius = 1.0;
        }
        Complex[] z = new Complex[n];
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * k / n + ANGLE_OFFSET_RAD;
            z[k] = centre.plus(Complex.unit(angle).times(radius));
        }
        return z;
    }

    /**
     * Gauss–Seidel Aberth–Ehrlich sweeps. An approximation stops moving once its residual is within the rounding
     * error of evaluating p (backward stable: it is an exact root of a polynomial whose coefficients differ from
     * c by a few ulps); further steps there would only follow rounding noise.
     */
    private static void aberthEhrlich(double[] c, Complex[] z) {
        boolean[] settled = new boolean[z.length];
        for (int iteration = 0; iteration < MAX_ABERTH_ITERATIONS; iteration++) {
            boolean allSettled = true;
            for (int i = 0; i < z.length; i++) {
                if (settled[i]) {
                    continue;
                }
                Evaluation at = Evaluation.of(c, z[i]);
                if (at.withinRounding()) {
                    settled[i] = true;
                    continue;
                }
                allSettled = false;
                Complex repulsion = Complex.ZERO;
                for (int j = 0; j < z.length; j++) {
                    if (j != i) {
                        repulsion = repulsion.plus(z[i].minus(z[j]).reciprocal());
                    }
                }
                z[i] = z[i].minus(at.value().dividedBy(at.derivative().minus(at.value().times(repulsion))));
            }
            if (allSettled) {
                return;
            }
        }
        throw new IllegalStateException("Aberth-Ehrlich iteration did not converge for coefficients "
                + Arrays.toString(c));
    }

    /** Newton steps on the exactly evaluated p while they reduce |p(z)|. */
    private static Complex newtonPolish(double[] c, Complex root) {
        Complex best = root;
        Complex[] at = exactValueAndDerivative(c, best);
        double bestResidual = at[0].abs();
        for (int iteration = 0; iteration < MAX_NEWTON_ITERATIONS && bestResidual > 0.0; iteration++) {
            Complex candidate = best.minus(at[0].dividedBy(at[1]));
            Complex[] candidateAt = exactValueAndDerivative(c, candidate);
            double residual = candidateAt[0].abs();
            if (!(residual < bestResidual)) {
                break;
            }
            best = candidate;
            at = candidateAt;
            bestResidual = residual;
        }
        return best;
    }

    /** {@code [p(s), p'(s)]} by Horner's scheme in exact arithmetic, each rounded once to double. */
    private static Complex[] exactValueAndDerivative(double[] c, Complex s) {
        BigDecimal sRe = new BigDecimal(s.re());
        BigDecimal sIm = new BigDecimal(s.im());
        BigDecimal pRe = new BigDecimal(c[c.length - 1]);
        BigDecimal pIm = BigDecimal.ZERO;
        BigDecimal dRe = BigDecimal.ZERO;
        BigDecimal dIm = BigDecimal.ZERO;
        for (int k = c.length - 2; k >= 0; k--) {
            BigDecimal nextDRe = dRe.multiply(sRe).subtract(dIm.multiply(sIm)).add(pRe);
            dIm = dRe.multiply(sIm).add(dIm.multiply(sRe)).add(pIm);
            dRe = nextDRe;
            BigDecimal nextPRe = pRe.multiply(sRe).subtract(pIm.multiply(sIm)).add(new BigDecimal(c[k]));
            pIm = pRe.multiply(sIm).add(pIm.multiply(sRe));
            pRe = nextPRe;
        }
        return new Complex[] {
            new Complex(pRe.doubleValue(), pIm.doubleValue()), new Complex(dRe.doubleValue(), dIm.doubleValue())
        };
    }

    /**
     * {@code p(s)} and {@code p'(s)} by Horner's scheme, with a bound on the rounding error of the computed p(s):
     * {@code 4·n·ε·Σ|c_k|·|s|^k} (Horner's error bound γ_2n, doubled for complex arithmetic).
     */
    private record Evaluation(Complex value, Complex derivative, double roundingBound) {
        static Evaluation of(double[] c, Complex s) {
            int n = c.length - 1;
            Complex p = Complex.real(c[n]);
            Complex derivative = Complex.ZERO;
            double bound = Math.abs(c[n]);
            double modulus = s.abs();
            for (int k = n - 1; k >= 0; k--) {
                derivative = derivative.times(s).plus(p);
                p = p.times(s).plus(c[k]);
                bound = bound * modulus + Math.abs(c[k]);
            }
            return new Evaluation(p, derivative, 4 * n * EPS * bound);
        }

        boolean withinRounding() {
            return value.abs() <= roundingBound;
        }
    }
}
