package io.spikeline.models.filter.design;

import java.util.List;

/**
 * The analog Bessel low-pass prototype {@code H(s) = k / Π(s − pᵢ)} of order N (no finite zeros), as SciPy
 * 1.10.1's {@code besselap(N, norm)}. The poles are the roots of the reverse Bessel polynomial
 * {@code θ_N(s) = Σ_{k=0..N} a_k s^k}, {@code a_k = (2N − k)! / (2^(N−k) · k! · (N − k)!)}, whose all-pole
 * filter {@code a₀/θ_N(s)} has a maximally flat group delay of 1 s at DC; then the {@link BesselNorm} rescales
 * the frequency axis.
 */
final class BesselPrototype {
    static final int MAX_ORDER = 10;
    private static final double HALF_POWER_GAIN = 1.0 / Math.sqrt(2.0);

    private BesselPrototype() {}

    static Zpk of(int order, BesselNorm norm) {
        long[] a = reverseBesselCoefficients(order);
        double a0 = a[0];
        double[] coefficients = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            coefficients[k] = a[k];
        }
        Zpk delay = new Zpk(List.of(), PolynomialRoots.of(coefficients), a0);
        return switch (norm) {
            case DELAY -> delay;
            // Π(−p) = a0 for the unscaled poles, so scaling each by a0^(-1/N) makes it 1 and k = 1 keeps unit DC gain
            case PHASE -> new Zpk(List.of(), delay.lowpassToLowpass(Math.pow(a0, -1.0 / order)).poles(), 1.0);
            case MAG -> delay.lowpassToLowpass(1.0 / halfPowerFrequency(delay));
        };
    }

    /** The integer coefficients {@code a_0 … a_N} of θ_N, by {@code a_k = a_{k+1} · (2N − k)(k + 1) / (2(N − k))}. */
    static long[] reverseBesselCoefficients(int order) {
        checkOrder(order);
        long[] a = new long[order + 1];
        a[order] = 1;
        for (int k = order - 1; k >= 0; k--) {
            a[k] = a[k + 1] * (2L * order - k) * (k + 1) / (2L * (order - k));
        }
        return a;
    }

    static void checkOrder(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("Bessel order must be 1.." + MAX_ORDER + ", was " + order);
        }
    }

    /**
     * The ω at which {@code |H(jω)| = 1/√2} for a low-pass with unit DC gain, by bisection: a Bessel filter's
     * magnitude falls monotonically, so the bracket [lo, hi] with |H(j·lo)| above and |H(j·hi)| below the half
     * power narrows until it holds two adjacent doubles; the one closer to the half power wins.
     */
    private static double halfPowerFrequency(Zpk lowpass) {
        double lo = 0.0;
        double hi = 1.0;
        while (gainAbove(lowpass, hi) > 0) {
            lo = hi;
            hi *= 2;
        }
        for (double mid = lo + (hi - lo) / 2; mid > lo && mid < hi; mid = lo + (hi - lo) / 2) {
            if (gainAbove(lowpass, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.abs(gainAbove(lowpass, lo)) <= Math.abs(gainAbove(lowpass, hi)) ? lo : hi;
    }

    private static double gainAbove(Zpk lowpass, double omega) {
        return lowpass.analogResponse(omega).abs() - HALF_POWER_GAIN;
    }
}
