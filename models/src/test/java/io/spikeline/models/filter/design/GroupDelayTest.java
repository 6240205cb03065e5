package io.spikeline.models.filter.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GroupDelayTest {

    /** −dφ/dω by central differences of the response's phase: an independent route to the same number. */
    private static double numericalGroupDelay(DigitalFilter f, double hz) {
        double step = 1e-3;
        double before = f.response(hz - step).arg();
        double after = f.response(hz + step).arg();
        double difference = Math.IEEEremainder(after - before, 2 * Math.PI);
        return -difference / (2 * Math.PI * 2 * step);
    }

    @Test
    void groupDelayEqualsTheDerivativeOfThePhaseForEveryBandAndNorm() {
        DigitalFilter[] designs = {
            BesselDesign.lowpass(4, 3000, 30_000, BesselNorm.PHASE),
            BesselDesign.highpass(2, 0.5, 1000, BesselNorm.DELAY),
            BesselDesign.bandpass(4, 300, 3000, 30_000, BesselNorm.PHASE),
            BesselDesign.bandpass(3, 8, 13, 250, BesselNorm.MAG),
            BesselDesign.bandstop(2, 45, 55, 1000, BesselNorm.PHASE),
        };
        for (DigitalFilter f : designs) {
            for (double fraction : new double[] {0.011, 0.05, 0.13, 0.27, 0.41}) {
                double hz = fraction * f.sampleRateHz();
                assertThat(f.groupDelaySeconds(hz)).as("%s at %s Hz", f, hz)
                        .isCloseTo(numericalGroupDelay(f, hz), within(1e-6 * (1 + Math.abs(numericalGroupDelay(f, hz)))));
            }
        }
    }

    /** The DELAY prototype has 1 s of delay at DC; scaled to the pre-warped cutoff and kept by the bilinear map. */
    @Test
    void delayNormalisedLowpassHasTheScaledPrototypeDelayAtDc() {
        for (int order = 1; order <= 10; order++) {
            DigitalFilter f = BesselDesign.lowpass(order, 40, 1000, BesselNorm.DELAY);
            double prewarped = 2 * 1000 * Math.tan(Math.PI * 40 / 1000);
            assertThat(f.groupDelaySeconds(0)).isCloseTo(1 / prewarped, within(1e-9));
        }
    }

    /**
     * The bilinear map stretches the analog delay by dΩ/dω = 1/cos²(πf/fs); with that factor removed, what remains
     * is the analog Bessel delay, which only falls from its DC value and by under 2 % up to half the cutoff.
     */
    @Test
    void besselDelayIsNearlyFlatAcrossThePassband() {
        DigitalFilter f = BesselDesign.lowpass(6, 100, 1000, BesselNorm.PHASE);
        double atDc = f.groupDelaySeconds(0);
        for (double hz = 5; hz <= 50; hz += 5) {
            double unwarped = f.groupDelaySeconds(hz) * Math.pow(Math.cos(Math.PI * hz / 1000), 2);
            assertThat(unwarped).as("at %s Hz", hz).isLessThanOrEqualTo(atDc * (1 + 1e-9)).isGreaterThan(0.98 * atDc);
        }
    }
}
