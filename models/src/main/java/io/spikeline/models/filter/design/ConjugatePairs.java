package io.spikeline.models.filter.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The roots of a real polynomial split into conjugate pairs and real values (SciPy's {@code _cplxreal}). A value
 * whose imaginary part is within {@code 100·ε·|z|} of zero is real; every other value must have a partner within
 * the same tolerance of its conjugate, and each pair is replaced by the mean {@code (z + conj(partner))/2} so it
 * is exactly conjugate-symmetric.
 *
 * @param upperHalf one value of each pair, with positive imaginary part, ordered by real then imaginary part
 * @param reals the real values, in increasing order
 */
record ConjugatePairs(List<Complex> upperHalf, List<Double> reals) {
    private static final double TOLERANCE = 100 * Math.ulp(1.0);

    ConjugatePairs {
        upperHalf = List.copyOf(upperHalf);
        reals = List.copyOf(reals);
    }

    /** @throws IllegalArgumentException when a complex value has no conjugate partner */
    static ConjugatePairs split(List<Complex> values) {
        List<Complex> upper = new ArrayList<>();
        List<Complex> lower = new ArrayList<>();
        List<Double> reals = new ArrayList<>();
        for (Complex v : values) {
            if (Math.abs(v.im()) <= TOLERANCE * v.abs()) {
                reals.add(v.re());
            } else if (v.im() > 0) {
                upper.add(v);
            } else {
                lower.add(v);
            }
        }
        if (upper.size() != lower.size()) {
            throw new IllegalArgumentException("complex values without conjugate partners: " + values);
        }
        upper.sort(Comparator.comparingDouble(Complex::re).thenComparingDouble(Complex::im));
        List<Complex> pairs = new ArrayList<>(upper.size());
        for (Complex u : upper) {
            Complex partner = lower.get(0);
            for (Complex l : lower) {
                if (l.conjugate().minus(u).abs() < partner.conjugate().minus(u).abs()) {
                    partner = l;
                }
            }
            if (partner.conjugate().minus(u).abs() > TOLERANCE * u.abs()) {
                throw new IllegalArgumentException("complex value " + u + " has no conjugate partner in " + values);
            }
            lower.remove(partner);
            pairs.add(u.plus(partner.conjugate()).times(0.5));
        }
        reals.sort(null);
        return new ConjugatePairs(pairs, reals);
    }

    /** All values: each pair as (upper, lower) adjacent, then the reals. */
    List<Complex> all() {
        List<Complex> out = new ArrayList<>(2 * upperHalf.size() + reals.size());
        for (Complex u : upperHalf) {
            out.add(u);
            out.add(u.conjugate());
        }
        for (double r : reals) {
            out.add(Complex.real(r));
        }
        return List.copyOf(out);
    }
}
