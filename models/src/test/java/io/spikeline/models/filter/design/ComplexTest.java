package io.spikeline.models.filter.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComplexTest {

    @Test
    void arithmeticFollowsTheFieldRules() {
        Complex a = new Complex(3, 4);
        Complex b = new Complex(1, -2);
        assertThat(a.plus(b)).isEqualTo(new Complex(4, 2));
        assertThat(a.minus(b)).isEqualTo(new Complex(2, 6));
        assertThat(a.times(b)).isEqualTo(new Complex(11, -2));
        assertThat(a.dividedBy(b)).isEqualTo(new Complex(-1, 2));
        assertThat(a.conjugate()).isEqualTo(new Complex(3, -4));
        assertThat(a.abs()).isEqualTo(5);
        assertThat(a.reciprocal()).isEqualTo(new Complex(0.12, -0.16));
        assertThat(b.dividing(5)).isEqualTo(new Complex(1, 2));
        assertThat(a.squared()).isEqualTo(new Complex(-7, 24));
    }

    @Test
    void divisionDoesNotOverflowForLargeParts() {
        Complex huge = new Complex(1e300, 1e300);
        assertThat(huge.dividedBy(huge)).isEqualTo(Complex.ONE);
        assertThat(new Complex(1e-300, 0).dividedBy(new Complex(0, 1e-300))).isEqualTo(new Complex(0, -1));
    }

    @Test
    void squareRootIsThePrincipalBranch() {
        assertThat(new Complex(-4, 0).sqrt()).isEqualTo(new Complex(0, 2));
        // just below the branch cut the root is on the negative imaginary axis (C99 csqrt)
        assertThat(new Complex(-4, -0.0).sqrt()).isEqualTo(new Complex(0, -2));
        assertThat(new Complex(4, 0).sqrt()).isEqualTo(Complex.real(2));
        Complex root = new Complex(-3, 4).sqrt();
        assertThat(root).isEqualTo(new Complex(1, 2));
        Complex z = new Complex(0.3, -7.1);
        assertThat(z.sqrt().squared().minus(z).abs()).isCloseTo(0, within(1e-15));
        assertThat(z.sqrt().re()).isPositive();
    }

    @Test
    void equalityIsNumericSoSignedZerosAreEqual() {
        assertThat(Complex.real(-1).conjugate()).isEqualTo(Complex.real(-1)).hasSameHashCodeAs(Complex.real(-1));
        assertThat(new Complex(Double.NaN, 0)).isEqualTo(new Complex(Double.NaN, 0));
        assertThat(new Complex(1, 2)).isNotEqualTo(new Complex(2, 1));
        assertThat(Complex.unit(Math.PI / 2).re()).isCloseTo(0, within(1e-16));
        assertThat(new Complex(1, -2)).hasToString("1.0 - 2.0j");
    }
}
