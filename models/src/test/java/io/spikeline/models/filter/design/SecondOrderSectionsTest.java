package io.spikeline.models.filter.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.filter.SosCoefficients;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondOrderSectionsTest {

    @Test
    void pairsTheRootsClosestToTheUnitCircleIntoTheLastSection() {
        // Worked by hand from SciPy's 'nearest' rule: the pole nearest the unit circle is 0.9 (distance 0.1), a
        // real pole, so it takes the other real pole 0.2 and the zero nearest to it, 1, with the remaining real
        // zero −1; section 0 gets the pair 0.5 ± 0.5j and the zeros ±0.5j, and the gain.
        Zpk zpk = new Zpk(
                List.of(Complex.real(-1), new Complex(0, 0.5), Complex.real(1), new Complex(0, -0.5)),
                List.of(Complex.real(0.2), new Complex(0.5, 0.5), new Complex(0.5, -0.5), Complex.real(0.9)),
                3.0);
        SosCoefficients sos = SecondOrderSections.of(zpk);
        assertThat(sos.toArray()).isDeepEqualTo(new double[][] {
            {3, 0, 0.75, 1, -1, 0.5},
            {1, 0, -1, 1, -(0.9 + 0.2), 0.9 * 0.2},
        });
    }

    @Test
    void padsAnOddOrderWithARootAtTheOrigin() {
        // H(z) = 0.25 (z + 1)/(z − 0.5) becomes 0.25 (1 + z⁻¹)/(1 − 0.5 z⁻¹): the zero at the origin that pads
        // the section is nearer the pole than −1, so it is the first zero of the pair
        SosCoefficients sos = SecondOrderSections.of(
                new Zpk(List.of(Complex.real(-1)), List.of(Complex.real(0.5)), 0.25));
        assertThat(sos.toArray()).isDeepEqualTo(new double[][] {{0.25, 0.25, 0, 1, -0.5, 0}});
    }

    @Test
    void sectionsRunFromTheFarthestToTheNearestPoleToTheUnitCircle() {
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            for (DigitalFilter filter : List.of(
                    BesselDesign.lowpass(order, 3000, 30000, BesselNorm.PHASE),
                    BesselDesign.bandpass(order, 300, 3000, 30000, BesselNorm.MAG),
                    BesselDesign.bandstop(order, 8, 13, 1000, BesselNorm.DELAY))) {
                double previous = Double.POSITIVE_INFINITY;
                double[][] rows = filter.sos().toArray();
                for (double[] row : rows) {
                    double distance = distanceToUnitCircle(row[4], row[5]);
                    assertThat(distance).as("%s", filter).isLessThanOrEqualTo(previous + 1e-12);
                    previous = distance;
                }
            }
        }
    }

    /** Least {@code |1 − |p||} over the roots of {@code x² + a1·x + a2}. */
    private static double distanceToUnitCircle(double a1, double a2) {
        double discriminant = a1 * a1 - 4 * a2;
        if (discriminant < 0) {
            return Math.abs(1 - Math.sqrt(a2));
        }
        double r1 = (-a1 + Math.sqrt(discriminant)) / 2;
        double r2 = (-a1 - Math.sqrt(discriminant)) / 2;
        return Math.min(Math.abs(1 - Math.abs(r1)), Math.abs(1 - Math.abs(r2)));
    }

    @Test
    void theCascadeHasTheGainOfTheZeroPoleGainForm() {
        DigitalFilter filter = BesselDesign.bandstop(7, 45, 55, 1000, BesselNorm.MAG);
        for (double f : new double[] {0, 20, 50, 80, 499.9}) {
            Complex expected = filter.response(f);
            assertThat(BesselDesignTest.cascadeResponse(filter, f).minus(expected).abs())
                    .isCloseTo(0, within(1e-12));
        }
    }
}
