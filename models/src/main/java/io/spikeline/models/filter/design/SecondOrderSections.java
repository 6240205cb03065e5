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
 *       to the unit circle; and the remaining zero nearest to the first pole with its conjugate, or, for a real
 *       zero, with the remaining real zero nearest to that pole.</li>
 *   <li>Multiply the gain into b0, b1, b2 of section 0.</li>
 * </ol>
 * The sections closest to instability come last, where the signal has already been shaped by the others.
 *
 * <p>After padding there is an even number of real poles and of real zeros, and every section takes two of
 * each kind or a conjugate pair, so a real root always finds a real partner: SciPy's special cases for a lone
 * real pole, and for sections with fewer than two zeros, cannot arise here.
 */
final class SecondOrderSections {

    private SecondOrderSections() {}

    static SosCoefficients of(Zpk digital) {
        if (digital.poles().isEmpty()) {
            throw new IllegalArgumentException("second-order sections need at least one pole, had " + digital);
        }
        int sections = (digital.poles().size() + 1) / 2;
        Roots zeros = Roots.of(paddedWithOrigin(digital.zeros(), 2 * sections));
        Roots poles = Roots.of(paddedWithOrigin(digital.poles(), 2 * sections));

        double[][] rows = new double[sections][];
        for (int s = sections - 1; s >= 0; s--) {
            Complex p1 = poles.remove(poles.closestToUnitCircle(false));
            Complex p2 = p1.isReal() ? poles.remove(poles.closestToUnitCircle(true)) : p1.conjugate();
            Complex z1 = zeros.remove(zeros.nearest(p1, false));
            Complex z2 = z1.isReal() ? zeros.remove(zeros.nearest(p1, true)) : z1.conjugate();
            rows[s] = new double[] {1, -z1.plus(z2).re(), z1.times(z2).re(), 1, -p1.plus(p2).re(), p1.times(p2).re()};
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

        Complex remove(int index) {
            return entries.remove(index);
        }

        /** Index of the (real, if asked) entry with least {@code |1 − |p||}; the first on ties. */
        int closestToUnitCircle(boolean realOnly) {
            return argMin(realOnly, e -> Math.abs(1.0 - e.abs()));
        }

        /** Index of the (real, if asked) entry nearest to {@code target}; the first on ties. */
        int nearest(Complex target, boolean realOnly) {
            return argMin(realOnly, e -> e.minus(target).abs());
        }

        private int argMin(boolean realOnly, ToDoubleFunction<Complex> distance) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < entries.size(); i++) {
                Complex e = entries.get(i);
                double d = distance.applyAsDouble(e);
                if ((!realOnly || e.isReal()) && (best < 0 || d < bestDistance)) {
                    best = i;
                    bestDistance = d;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("no " + (realOnly ? "real " : "") + "root left to pair in " + entries);
            }
            return best;
        }
    }
}
