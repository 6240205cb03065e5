package io.spikeline.models.filter.design;

import static io.spikeline.models.filter.design.ReferenceValues.assertClose;
import static io.spikeline.models.filter.design.ReferenceValues.assertSameRoots;
import static io.spikeline.models.filter.design.ReferenceValues.complex;
import static io.spikeline.models.filter.design.ReferenceValues.complexes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeline.models.filter.SosCoefficients;
import io.spikeline.models.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every digital design of {@code bessel_designs.json} (SciPy 1.10.1 {@code bessel(..., output='zpk' | 'sos')},
 * 11 cases × 3 normalisations × orders 1..8) against this package, each its own test.
 *
 * <p>Tolerances are {@value ReferenceValues#TOLERANCE} relative. Roots, gains and responses are compared relative
 * to their own magnitude. A section's coefficients are compared relative to the largest coefficient of the same
 * polynomial (numerator b0..b2, denominator 1, a1, a2): a coefficient that is zero up to rounding (b2 of a
 * first-order section computed as 0·z₁, say) carries the rounding of its neighbours, not a precision of its own.
 * Likewise the steady-state state of a section is compared relative to the larger of its two entries.
 *
 * <p>The steady state is the one comparison with little margin: up to 3.4e-10 (0.5 Hz high-pass at 1 kHz,
 * order 8, DELAY). That error is the reference's own: SciPy's {@code sosfilt_zi} solves
 * {@code (I − A)·zi = B − a·b0} by elimination, and with poles 5e-4 from z = 1 that system is nearly singular
 * ({@code 1/(1 + a1 + a2)} is about 3e6). Evaluated exactly (rational arithmetic) on the reference sections, the
 * closed form that {@code steadyStateInitialConditions} computes differs from the reference zi by the same
 * 3.4e-10.
 */
class BesselDesignVectorsTest {

    @TestFactory
    Stream<DynamicTest> equalsScipyBessel() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode ref : SharedFiles.readTestVectors("bessel_designs.json").get("designs")) {
            String name = ref.get("case").asText() + " " + ref.get("norm").asText() + " order "
                    + ref.get("order").asInt();
            tests.add(DynamicTest.dynamicTest(name, () -> check(name, ref)));
        }
        assertThat(tests).hasSize(264);
        return tests.stream();
    }

    private static void check(String name, JsonNode ref) {
        DigitalFilter filter = design(ref);

        assertSameRoots(name + " zeros", filter.zeros(), complexes(ref.get("z")));
        assertSameRoots(name + " poles", filter.poles(), complexes(ref.get("p")));
        assertClose(name + " gain", filter.gain(), ref.get("k").asDouble(), 0.0);

        SosCoefficients sos = filter.sos();
        JsonNode refSos = ref.get("sos");
        assertThat(sos.sectionCount()).as(name + " sections").isEqualTo(refSos.size());
        double[][] rows = sos.toArray();
        for (int s = 0; s < rows.length; s++) {
            double[] expected = SharedFiles.doubles(refSos.get(s));
            double numeratorScale = maxAbs(expected, 0, 3);
            double denominatorScale = maxAbs(expected, 3, 6);
            for (int c = 0; c < 6; c++) {
                assertClose(name + " section " + s + " coefficient " + c, rows[s][c], expected[c],
                        c < 3 ? numeratorScale : denominatorScale);
            }
        }

        double[][] zi = sos.steadyStateInitialConditions();
        for (int s = 0; s < zi.length; s++) {
            double[] expected = SharedFiles.doubles(ref.get("zi").get(s));
            for (int c = 0; c < 2; c++) {
                assertClose(name + " zi section " + s + " state " + c, zi[s][c], expected[c], maxAbs(expected, 0, 2));
            }
        }

        JsonNode frequencies = ref.get("freq_hz");
        for (int i = 0; i < frequencies.size(); i++) {
            double f = frequencies.get(i).asDouble();
            assertClose(name + " H(" + f + " Hz)", filter.response(f), complex(ref.get("H").get(i)));
        }
    }

    private static DigitalFilter design(JsonNode ref) {
        int order = ref.get("order").asInt();
        double fs = ref.get("fs").asDouble();
        BesselNorm norm = BesselNorm.valueOf(ref.get("norm").asText().toUpperCase());
        JsonNode wn = ref.get("Wn_hz");
        return switch (ref.get("btype").asText()) {
            case "lowpass" -> BesselDesign.lowpass(order, wn.asDouble(), fs, norm);
            case "highpass" -> BesselDesign.highpass(order, wn.asDouble(), fs, norm);
            case "bandpass" -> BesselDesign.bandpass(order, wn.get(0).asDouble(), wn.get(1).asDouble(), fs, norm);
            case "bandstop" -> BesselDesign.bandstop(order, wn.get(0).asDouble(), wn.get(1).asDouble(), fs, norm);
            default -> throw new IllegalArgumentException("unknown btype " + ref.get("btype"));
        };
    }

    private static double maxAbs(double[] values, int from, int to) {
        double max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(values[i]));
        }
        return max;
    }
}
