package io.spikeline.models.filter.design;

import io.spikeline.models.filter.SosCoefficients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Digital zero-pole-gain to second-order sections, pairing as SciPy 1.10.1's
 * {@code zpk2sos(z, p, k, pairing='nearest')} does, so that the sections (not only their product) equal SciPy's.
 *
 * <ol>
 *   <li>Pad with roots at the origin until there are as many zeros as poles, and by one more of each if that
 *       count is odd; there are {@code ceil(#poles / 2)} sections.</li>
 *   <li>Split zeros and poles into conjugate pairs and reals ({@link ConjugatePairs}).</li>
 *   <li>Fill the sections from the last to the first. Each takes the remaining pole closest to the unit circle
 *       (least {@code |1 − |p||}) with its conjugate, or, for a real pole, with the remaining real pole closest
 *       to the unit circle; and the remaining zero nearest to it with its conjugate, or, for a real zero, with
 *       the next-nearest real zero. Two exceptions: a last real pole with no real pole left pairs with a pole
 *       and zero at the origin; a complex pole that would otherwise leave one real pole and one real zero to
 *       end with an unmatched count takes a complex zero.</li>
 *   <li>Multiply the gain into b0, b1, b2 of section 0.</li>
 * </ol>
 * The sections closest to instability come last, where the signal has already been shaped by the others.
 */
final class SecondOrderSections {

    private SecondOrderSections() {}

    static SosCoefficients of(Zpk digital) {
        int count = Math.max(digital.zeros().size(), digital.poles().size());
        if (count == 0) {
            return SosCoefficients.of(new double[][] {{digital.gain(), 0, 0, 1, 0, 0}});
        }
        int sections = (count + 1) / 2;
        int padded = 2 * sections;
        Roots zeros = Roots.of(paddedWithOrigin(digital.zeros(), padded));
        Roots poles = Roots.of(paddedWithOrigin(digital.poles(), padded));

        double[][] rows = new double[sections][];
        for (int s = sections - 1; s >= 0; s--) {
            Complex p1 = poles.remove(poles.closestToUnitCircle(false));
            if (p1.isReal() && poles.realCount() == 0) {
                Complex z1 = zeros.remove(zeros.nearest(p1, Kind.REAL));
                rows[s] = section(List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (poles.size() + 1 == zeros.size() && !p1.isReal()
                    && poles.realCount() == 1 && zeros.realCount() == 1) {
                Complex z1 = zeros.remove(zeros.nearest(p1, Kind.COMPLEX));
                rows[s] = section(List.of(z1, z1.conjugate()), List.of(p1, p1.conjugate()));
            } else {
                Complex p2 = p1.isReal() ? poles.remove(poles.closestToUnitCircle(true)) : p1.conjugate();
                if (zeros.size() == 0) {
                    rows[s] = section(List.of(), List.of(p1, p2));
                } else {
                    Complex z1 = zeros.remove(zeros.nearest(p1, Kind.ANY));
                    if (!z1.isReal()) {
                        rows[s] = section(List.of(z1, z1.conjugate()), List.of(p1, p2));
                    } else if (zeros.size() > 0) {
                        Complex z2 = zeros.remove(zeros.nearest(p1, Kind.REAL));
                        rows[s] = section(List.of(z1, z2), List.of(p1, p2));
                    } else {
                        rows[s] = section(List.of(z1), List.of(p1, p2));
                    }
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            rows[0][k] *= digital.gain();
        }
        return SosCoefficients.of(rows);
    }

    private static List<Complex> paddedWithOrigin(List<Complex> roots, int count) {
        List<Complex> out = new ArrayList<>(roots);
        out.addAll(Collections.nCopies(count - roots.size(), Complex.ZERO));
        return out;
    }

    /**
     * One section {@code [b0, b1, b2, 1, a1, a2]} from up to two zeros and two poles (each pair real or
     * conjugate), polynomials in z⁻¹ right-aligned as SciPy's {@code _single_zpksos}: with fewer than two zeros
     * the numerator starts with zeros ({@code z⁻¹·(1 − z₁z⁻¹)} for one zero).
     */
    private static double[] section(List<Complex> zeros, List<Complex> poles) {
        double[] b = monicReal(zeros);
        double[] a = monicReal(poles);
        double[] row = new double[6];
        System.arraycopy(b, 0, row, 3 - b.length, b.length);
        System.arraycopy(a, 0, row, 6 - a.length, a.length);
        return row;
    }

    /** Coefficients of {@code Π(x − rᵢ)} for at most two roots forming a real or conjugate pair, highest first. */
    private static double[] monicReal(List<Complex> roots) {
        return switch (roots.size()) {
            case 0 -> new double[] {1.0};
            case 1 -> new double[] {1.0, -roots.get(0).re()};
            case 2 -> new double[] {1.0, -roots.get(0).plus(roots.get(1)).re(), roots.get(0).times(roots.get(1)).re()};
            default -> throw new IllegalArgumentException("a second-order section has at most two roots");
        };
    }

    private enum Kind { REAL, COMPLEX, ANY }

    /**
     * The roots still to be placed: one entry per conjugate pair (its upper-half value) and one per real root,
     * the pairs first, as SciPy orders them (which decides between equally good candidates).
     */
    private static final class Roots {
        private final List<Complex> entries;

        private Roots(List<Complex> entries) {
            this.entries = entries;
        }

        static Roots of(List<Complex> roots) {
            ConjugatePairs split = ConjugatePairs.split(roots);
            List<Complex> entries = new ArrayList<>(split.upperHalf());
            for (double r : split.reals()) {
                entries.add(Complex.real(r));
            }
            return new Roots(entries);
        }

        int size() {
            return entries.size();
        }

        int realCount() {
            int n = 0;
            for (Complex e : entries) {
                if (e.isReal()) {
                    n++;
                }
            }
            return n;
        }

        Complex remove(int index) {
            return entries.remove(index);
        }

        /** Index of the (real, if asked) entry with least {@code |1 − |p||}; the first on ties. */
        int closestToUnitCircle(boolean realOnly) {
            return argMin(realOnly ? Kind.REAL : Kind.ANY, e -> Math.abs(1.0 - e.abs()));
        }

        /** Index of the entry of the given kind nearest to {@code target}; the first on ties. */
        int nearest(Complex target, Kind kind) {
            return argMin(kind, e -> e.minus(target).abs());
        }

        private int argMin(Kind kind, ToDoubleFunction<Complex> distance) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < entries.size(); i++) {
                Complex e = entries.get(i);
                boolean eligible = kind == Kind.ANY || e.isReal() == (kind == Kind.REAL);
                double d = distance.applyAsDouble(e);
                if (eligible && (best < 0 || d < bestDistance)) {
                    best = i;
                    bestDistance = d;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("no " + kind.name().toLowerCase() + " root left to pair in " + entries);
            }
            return best;
        }
    }
}
