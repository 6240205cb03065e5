package io.spikeline.models.filter.design;

import static io.spikeline.models.filter.design.ReferenceValues.assertSameRoots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolynomialRootsTest {

    @Test
    void findsKnownRealAndComplexRoots() {
        // (s + 1)(s + 2)(s² + 2s + 5) = s⁴ + 5s³ + 13s² + 19s + 10, roots −1, −2, −1 ± 2j
        List<Complex> roots = PolynomialRoots.of(new double[] {10, 19, 13, 5, 1});
        assertSameRoots("roots", roots,
                List.of(Complex.real(-1), Complex.real(-2), new Complex(-1, 2), new Complex(-1, -2)));
        // conjugates adjacent and exactly symmetric, then the reals in increasing order
        assertThat(roots.get(1)).isEqualTo(roots.get(0).conjugate());
        assertThat(roots.subList(2, 4)).containsExactly(Complex.real(-2), Complex.real(-1));
        assertSameRoots("s² + 1", PolynomialRoots.of(new double[] {1, 0, 1}),
                List.of(new Complex(0, 1), new Complex(0, -1)));
        assertSameRoots("2s − 3", PolynomialRoots.of(new double[] {-3, 2}), List.of(Complex.real(1.5)));
    }

    @Test
    void reverseBesselRootsSatisfyVietasFormulas() {
        // for a monic θ_N: Σ roots = −a_{N−1}, Π roots = (−1)^N a_0
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            long[] a = BesselPrototype.reverseBesselCoefficients(order);
            double[] c = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                c[k] = a[k];
            }
            List<Complex> roots = PolynomialRoots.of(c);
            Complex sum = Complex.ZERO;
            Complex product = Complex.ONE;
            for (Complex r : roots) {
                sum = sum.plus(r);
                product = product.times(r);
            }
            assertThat(sum.re()).as("order %d", order).isCloseTo(-a[order - 1], within(1e-13 * a[order - 1]));
            assertThat(product.re()).as("order %d", order)
                    .isCloseTo((order % 2 == 0 ? 1 : -1) * (double) a[0], within(1e-13 * a[0]));
        }
    }

    @Test
    void rejectsAConstantPolynomial() {
        assertThatThrownBy(() -> PolynomialRoots.of(new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-zero leading coefficient");
        assertThatThrownBy(() -> PolynomialRoots.of(new double[] {Double.NaN, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("polynomial coefficient is NaN");
    }
}
