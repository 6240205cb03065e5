package io.spikeline.models.filter.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Each transform is a substitution of the variable, so the transformed function at x must equal the original at
 * the substituted point, at any x of the complex plane; checked on a function with finite zeros, complex and
 * real poles and a gain other than 1, and with both relative degrees 0 and more.
 */
class ZpkTest {
    private static final Zpk ORIGINAL = new Zpk(
            List.of(new Complex(-3, 0)),
            List.of(new Complex(-1, 0), new Complex(-0.5, 2), new Complex(-0.5, -2)),
            2.5);
    private static final Zpk BIPROPER = new Zpk(
            List.of(new Complex(-0.2, 0.7), new Complex(-0.2, -0.7)),
            List.of(new Complex(-1.5, 0.4), new Complex(-1.5, -0.4)),
            0.75);
    private static final List<Complex> POINTS = List.of(
            new Complex(0.3, 0.9), new Complex(-0.7, 2.2), new Complex(0, 1.4), new Complex(1.1, -0.6),
            new Complex(0, -5.0));

    @Test
    void lowpassToLowpassSubstitutesSOverOmega() {
        double w = 3.7;
        assertSubstitution(z -> z.lowpassToLowpass(w), s -> s.dividedBy(w));
    }

    @Test
    void lowpassToHighpassSubstitutesOmegaOverS() {
        double w = 0.6;
        assertSubstitution(z -> z.lowpassToHighpass(w), s -> s.dividing(w));
        // the two zeros at infinity move to the origin
        assertThat(ORIGINAL.relativeDegree()).isEqualTo(2);
        assertThat(ORIGINAL.lowpassToHighpass(w).zeros()).filteredOn(Complex.ZERO::equals).hasSize(2);
        assertThat(ORIGINAL.lowpassToHighpass(w).relativeDegree()).isZero();
    }

    @Test
    void lowpassToBandpassSubstitutesTheBandpassMapping() {
        double centre = 1.3;
        double bandwidth = 0.4;
        assertSubstitution(z -> z.lowpassToBandpass(centre, bandwidth),
                s -> s.squared().plus(centre * centre).dividedBy(s.times(bandwidth)));
        assertThat(ORIGINAL.lowpassToBandpass(centre, bandwidth).poles()).hasSize(6);
    }

    @Test
    void lowpassToBandstopSubstitutesTheBandstopMapping() {
        double centre = 2.1;
        double bandwidth = 1.5;
        assertSubstitution(z -> z.lowpassToBandstop(centre, bandwidth),
                s -> s.times(bandwidth).dividedBy(s.squared().plus(centre * centre)));
        Zpk bandstop = ORIGINAL.lowpassToBandstop(centre, bandwidth);
        assertThat(bandstop.zeros()).hasSize(6).contains(new Complex(0, centre), new Complex(0, -centre));
    }

    @Test
    void bilinearSubstitutesTheTrapezoidalMapping() {
        double fs = 2.0;
        assertSubstitution(z -> z.bilinear(fs), z -> z.minus(1).dividedBy(z.plus(1)).times(2 * fs));
        // the left half-plane maps inside the unit circle, infinity to z = −1
        for (Complex p : ORIGINAL.bilinear(fs).poles()) {
            assertThat(p.abs()).isLessThan(1);
        }
        assertThat(ORIGINAL.bilinear(fs).zeros()).contains(Complex.real(-1));
    }

    private static void assertSubstitution(UnaryOperator<Zpk> transform, UnaryOperator<Complex> substitution) {
        for (Zpk original : List.of(ORIGINAL, BIPROPER)) {
            Zpk transformed = transform.apply(original);
            for (Complex x : POINTS) {
                Complex expected = original.valueAt(substitution.apply(x));
                Complex actual = transformed.valueAt(x);
                assertThat(actual.minus(expected).abs()).as("%s at %s", transformed, x)
                        .isLessThanOrEqualTo(1e-13 * expected.abs());
            }
        }
    }

    @Test
    void responsesEvaluateOnTheImaginaryAxisAndTheUnitCircle() {
        assertThat(ORIGINAL.analogResponse(0.8)).isEqualTo(ORIGINAL.valueAt(new Complex(0, 0.8)));
        assertThat(ORIGINAL.digitalResponse(Math.PI / 2)).isEqualTo(ORIGINAL.valueAt(Complex.unit(Math.PI / 2)));
        // H(0) = 2.5 · 3 / (1 · (0.25 + 4))
        assertThat(ORIGINAL.analogResponse(0)).isEqualTo(Complex.real(2.5 * 3 / 4.25));
    }

    @Test
    void rejectsAnImproperFunctionAndANonFiniteGain() {
        assertThatThrownBy(() -> new Zpk(List.of(Complex.ZERO, Complex.ONE), List.of(Complex.ONE), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a proper transfer function needs no more zeros than poles, had 2 zeros and 1 poles");
        assertThatThrownBy(() -> new Zpk(List.of(), List.of(Complex.ONE), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gain is NaN");
    }
}
