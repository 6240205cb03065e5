package io.spikeline.models.filter.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour that follows from the theory, for every order 1..10 (the SciPy vectors stop at 8). */
class BesselDesignTest {
    private static final double FS = 1000.0;
    private static final double HALF_POWER = 1 / Math.sqrt(2);

    private static List<DigitalFilter> everyBandAndOrder(BesselNorm norm) {
        List<DigitalFilter> filters = new ArrayList<>();
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            filters.add(BesselDesign.lowpass(order, 40, FS, norm));
            filters.add(BesselDesign.highpass(order, 2, FS, norm));
            filters.add(BesselDesign.bandpass(order, 8, 13, FS, norm));
            filters.add(BesselDesign.bandstop(order, 45, 55, FS, norm));
        }
        return filters;
    }

    @ParameterizedTest
    @EnumSource(BesselNorm.class)
    void everyDesignIsStableAndItsSectionsMultiplyToItsTransferFunction(BesselNorm norm) {
        for (DigitalFilter filter : everyBandAndOrder(norm)) {
            int expectedPoles = filter.band().edgeCount() * filter.order();
            assertThat(filter.poles()).as("%s", filter).hasSize(expectedPoles);
            assertThat(filter.zeros()).as("%s", filter).hasSize(expectedPoles);
            for (Complex p : filter.poles()) {
                assertThat(p.abs()).as("%s pole %s", filter, p).isLessThan(1.0);
            }
            assertThat(filter.sos().sectionCount()).isEqualTo((expectedPoles + 1) / 2);
            for (double f : new double[] {0, 1, 5, 10, 40, 50, 100, 499}) {
                Complex zpk = filter.response(f);
                Complex cascade = cascadeResponse(filter, f);
                assertThat(cascade.minus(zpk).abs()).as("%s at %s Hz", filter, f)
                        .isLessThanOrEqualTo(1e-11 * Math.max(zpk.abs(), 1e-6));
            }
        }
    }

    /** {@code Π_s (b0 + b1 z⁻¹ + b2 z⁻²)/(1 + a1 z⁻¹ + a2 z⁻²)} at {@code z = e^{j2πf/fs}}. */
    static Complex cascadeResponse(DigitalFilter filter, double frequencyHz) {
        Complex zInverse = Complex.unit(-2 * Math.PI * frequencyHz / filter.sampleRateHz());
        Complex product = Complex.ONE;
        double[][] rows = filter.sos().toArray();
        for (double[] row : rows) {
            Complex numerator = Complex.real(row[0]).plus(zInverse.times(row[1]))
                    .plus(zInverse.squared().times(row[2]));
            Complex denominator = Complex.ONE.plus(zInverse.times(row[4]))
                    .plus(zInverse.squared().times(row[5]));
            product = product.times(numerator.dividedBy(denominator));
        }
        return product;
    }

    @ParameterizedTest
    @EnumSource(BesselNorm.class)
    void passbandGainIsOne(BesselNorm norm) {
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            assertUnit(BesselDesign.lowpass(order, 300, 30000, norm).response(0));
            // the high-pass's gain at infinite analog frequency is the prototype's DC gain; z = −1 is s = ∞
            assertUnit(BesselDesign.highpass(order, 300, 30000, norm).response(15000));
            DigitalFilter bandstop = BesselDesign.bandstop(order, 8, 13, FS, norm);
            assertUnit(bandstop.response(0));
            assertUnit(bandstop.response(FS / 2));
            // band-pass centre: the pre-warped geometric mean of the edges maps to the prototype's DC
            DigitalFilter bandpass = BesselDesign.bandpass(order, 8, 13, FS, norm);
            assertThat(bandpass.response(centreHz(8, 13, FS)).abs()).isCloseTo(1.0, within(1e-12));
            assertThat(bandstop.response(centreHz(8, 13, FS)).abs()).isCloseTo(0.0, within(1e-12));
        }
    }

    private static void assertUnit(Complex gain) {
        assertThat(gain.re()).isCloseTo(1.0, within(1e-12));
        assertThat(gain.im()).isCloseTo(0.0, within(1e-12));
    }

    /** The digital frequency of the analog band centre {@code ω₀ = √(ω_lo·ω_hi)} of the pre-warped edges. */
    private static double centreHz(double lowHz, double highHz, double fs) {
        double centreRad = Math.sqrt(warped(lowHz, fs) * warped(highHz, fs));
        return fs / Math.PI * Math.atan(centreRad / 4);
    }

    private static double warped(double hz, double fs) {
        return 4 * Math.tan(Math.PI * hz / fs);
    }

    @Test
    void magnitudeNormalisationIsHalfPowerAtTheCutoffAndTheBandEdges() {
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            assertThat(BesselDesign.lowpass(order, 3000, 30000, BesselNorm.MAG).response(3000).abs())
                    .isCloseTo(HALF_POWER, within(1e-12));
            assertThat(BesselDesign.highpass(order, 0.5, FS, BesselNorm.MAG).response(0.5).abs())
                    .isCloseTo(HALF_POWER, within(1e-12));
            DigitalFilter bandpass = BesselDesign.bandpass(order, 300, 3000, 30000, BesselNorm.MAG);
            assertThat(bandpass.response(300).abs()).isCloseTo(HALF_POWER, within(1e-12));
            assertThat(bandpass.response(3000).abs()).isCloseTo(HALF_POWER, within(1e-12));
        }
    }

    @Test
    void delayNormalisationGivesTheBilinearImageOfOneSecondPerRadianAtDc() {
        // analog τ(0) = 1/ω for cutoff ω; θ = 2·atan(ω_a/4) at fs' = 2, so dω_a/dθ = 2 at DC and the digital
        // delay at DC is 2/ω samples, ω the pre-warped cutoff
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            DigitalFilter lowpass = BesselDesign.lowpass(order, 40, FS, BesselNorm.DELAY);
            assertThat(groupDelayAtDcSamples(lowpass)).as("order %d", order)
                    .isCloseTo(2 / warped(40, FS), within(1e-10));
        }
    }

    /** {@code τ(θ) = Σ_p Re(e^{jθ}/(e^{jθ} − p)) − Σ_z Re(e^{jθ}/(e^{jθ} − z))}, at θ = 0. */
    private static double groupDelayAtDcSamples(DigitalFilter filter) {
        double delay = 0;
        for (Complex p : filter.poles()) {
            delay += Complex.ONE.minus(p).reciprocal().re();
        }
        for (Complex z : filter.zeros()) {
            delay -= Complex.ONE.minus(z).reciprocal().re();
        }
        return delay;
    }

    @ParameterizedTest
    @EnumSource(BesselNorm.class)
    void analogDesignsScaleThePrototype(BesselNorm norm) {
        double cutoff = 2 * Math.PI * 50;
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            Zpk prototype = BesselDesign.analogPrototype(order, norm);
            Zpk lowpass = BesselDesign.analogLowpass(order, cutoff, norm);
            Zpk highpass = BesselDesign.analogHighpass(order, cutoff, norm);
            for (double w : new double[] {0.1, 1, 3}) {
                assertClose(lowpass.analogResponse(w * cutoff), prototype.analogResponse(w));
                assertClose(highpass.analogResponse(cutoff / w), prototype.analogResponse(w).conjugate());
            }
            Zpk bandpass = BesselDesign.analogBandpass(order, 10, 40, norm);
            assertClose(bandpass.analogResponse(20), prototype.analogResponse(0));
            Zpk bandstop = BesselDesign.analogBandstop(order, 10, 40, norm);
            assertThat(bandstop.analogResponse(20).abs()).isCloseTo(0, within(1e-12));
        }
        double delayPoles = 0;
        for (Complex p : BesselDesign.analogLowpass(5, cutoff, BesselNorm.DELAY).poles()) {
            delayPoles += p.reciprocal().negate().re();
        }
        assertThat(delayPoles).isCloseTo(1 / cutoff, within(1e-15));
    }

    private static void assertClose(Complex actual, Complex expected) {
        assertThat(actual.minus(expected).abs()).isLessThanOrEqualTo(1e-12 * Math.max(1, expected.abs()));
    }

    @Test
    void designDescribesWhatWasAsked() {
        DigitalFilter filter = BesselDesign.bandpass(4, 300, 3000, 30000, BesselNorm.PHASE);
        assertThat(filter.band()).isEqualTo(BandType.BANDPASS);
        assertThat(filter.order()).isEqualTo(4);
        assertThat(filter.norm()).isEqualTo(BesselNorm.PHASE);
        assertThat(filter.edgesHz()).containsExactly(300, 3000);
        assertThat(filter.sampleRateHz()).isEqualTo(30000);
        assertThat(BesselDesign.digital(BandType.BANDPASS, 4, new double[] {300, 3000}, 30000, BesselNorm.PHASE)
                .sos()).isEqualTo(filter.sos());
    }

    @Test
    void invalidRequestsAreRejectedWithTheValue() {
        assertThatThrownBy(() -> BesselDesign.lowpass(0, 300, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Bessel order must be 1..10, was 0");
        assertThatThrownBy(() -> BesselDesign.highpass(11, 300, 30000, BesselNorm.MAG))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Bessel order must be 1..10, was 11");
        assertThatThrownBy(() -> BesselDesign.analogPrototype(-1, BesselNorm.DELAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Bessel order must be 1..10, was -1");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, 16000, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoff 16000 Hz is at or above the Nyquist frequency 15000 Hz");
        assertThatThrownBy(() -> BesselDesign.highpass(4, 500, 1000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoff 500 Hz is at or above the Nyquist frequency 500 Hz");
        assertThatThrownBy(() -> BesselDesign.bandpass(4, 300, 15000, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("high edge 15000 Hz is at or above the Nyquist frequency 15000 Hz");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, 0, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cutoff 0 Hz must be positive and finite");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, -2.5, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cutoff -2.5 Hz must be positive and finite");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, Double.NaN, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cutoff NaN Hz must be positive and finite");
        assertThatThrownBy(() -> BesselDesign.bandstop(4, 3000, 300, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("low edge 3000 Hz must be below the high edge 300 Hz");
        assertThatThrownBy(() -> BesselDesign.bandpass(4, 300, 300, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("low edge 300 Hz must be below the high edge 300 Hz");
        assertThatThrownBy(() -> BesselDesign.bandpass(4, Double.NaN, 300, 30000, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("low edge NaN Hz must be positive and finite");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, 300, 0, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample rate 0 Hz must be positive and finite");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, 300, Double.NaN, BesselNorm.PHASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample rate NaN Hz must be positive and finite");
        assertThatThrownBy(() -> BesselDesign.analogBandpass(4, 2, 1, BesselNorm.MAG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("low edge 2 rad/s must be below the high edge 1 rad/s");
        assertThatThrownBy(() -> BesselDesign.analogLowpass(4, Double.POSITIVE_INFINITY, BesselNorm.MAG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cutoff Infinity rad/s must be positive and finite");
        assertThatThrownBy(() -> BesselDesign.digital(BandType.BANDPASS, 4, new double[] {300}, 30000,
                BesselNorm.MAG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a bandpass filter needs 2 edge frequencies, had 1");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, 300, 30000, null))
                .isInstanceOf(NullPointerException.class).hasMessage("norm");
        assertThatThrownBy(() -> BesselDesign.lowpass(4, 300, 30000, BesselNorm.MAG).response(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("frequencyHz must be finite, was NaN");
    }
}
