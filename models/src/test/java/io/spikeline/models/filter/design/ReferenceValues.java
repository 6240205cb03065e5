package io.spikeline.models.filter.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads complex values of the SciPy vectors ({@code [re, im]}) and compares against them.
 *
 * <p>Tolerance: {@value #TOLERANCE} relative to the magnitude of the reference value. SciPy and this package
 * compute the same formulas in a different order (and SciPy finds the prototype's roots through Bessel functions
 * rather than the polynomial), so the two differ by rounding only: a few ulps, amplified by the conditioning of
 * the design. Measured: poles, zeros, gains and section coefficients within 1e-13, responses within 1e-12 (the
 * largest next to the band-stop notch). A complex value is compared as a whole, by {@code |x − ref|}, so a
 * component that is zero up to rounding (the imaginary part of a real root, say) is judged against the size of
 * the value, not against its own rounding noise.
 */
final class ReferenceValues {
    static final double TOLERANCE = 1e-9;

    private ReferenceValues() {}

    static Complex complex(JsonNode pair) {
        return new Complex(pair.get(0).asDouble(), pair.get(1).asDouble());
    }

    static List<Complex> complexes(JsonNode array) {
        List<Complex> out = new ArrayList<>(array.size());
        for (JsonNode pair : array) {
            out.add(complex(pair));
        }
        return out;
    }

    static void assertClose(String what, Complex actual, Complex expected) {
        double error = actual.minus(expected).abs();
        if (!(error <= TOLERANCE * expected.abs())) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative error "
                    + error / expected.abs() + ")");
        }
    }

    /**
     * Two multisets of roots are equal within the tolerance: each reference root is matched to the nearest
     * not yet matched actual root. Roots at the origin (exact zeros) must be matched exactly.
     */
    static void assertSameRoots(String what, List<Complex> actual, List<Complex> expected) {
        assertThat(actual).as(what + " count").hasSameSizeAs(expected);
        List<Complex> unmatched = new ArrayList<>(actual);
        for (Complex e : expected) {
            Complex nearest = unmatched.get(0);
            for (Complex a : unmatched) {
                if (a.minus(e).abs() < nearest.minus(e).abs()) {
                    nearest = a;
                }
            }
            unmatched.remove(nearest);
            if (e.abs() == 0.0) {
                assertThat(nearest.abs()).as(what + ": root at the origin").isZero();
            } else {
                assertClose(what, nearest, e);
            }
        }
    }

    /** Real values, relative to the larger of |ref| and {@code scale}. */
    static void assertClose(String what, double actual, double expected, double scale) {
        double error = Math.abs(actual - expected);
        if (!(error <= TOLERANCE * Math.max(Math.abs(expected), scale))) {
            fail(what + ": expected " + expected + " but was " + actual + " (error " + error + ", scale "
                    + Math.max(Math.abs(expected), scale) + ")");
        }
    }
}
