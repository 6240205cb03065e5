package io.spikeline.models.filter.design;

import static io.spikeline.models.filter.design.ReferenceValues.assertClose;
import static io.spikeline.models.filter.design.ReferenceValues.assertSameRoots;
import static io.spikeline.models.filter.design.ReferenceValues.complex;
import static io.spikeline.models.filter.design.ReferenceValues.complexes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeline.models.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BesselPrototypeTest {

    @TestFactory
    Stream<DynamicTest> equalsScipyBesselap() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode ref : SharedFiles.readTestVectors("bessel_analog_prototypes.json").get("prototypes")) {
            BesselNorm norm = BesselNorm.valueOf(ref.get("norm").asText().toUpperCase());
            int order = ref.get("order").asInt();
            String name = norm + " order " + order;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Zpk prototype = BesselDesign.analogPrototype(order, norm);
                assertThat(prototype.zeros()).isEmpty();
                assertSameRoots(name + " poles", prototype.poles(), complexes(ref.get("p")));
                assertClose(name + " gain", prototype.gain(), ref.get("k").asDouble(), 0.0);
                JsonNode w = ref.get("w_rad_s");
                for (int i = 0; i < w.size(); i++) {
                    assertClose(name + " H(j" + w.get(i).asDouble() + ")",
                            prototype.analogResponse(w.get(i).asDouble()), complex(ref.get("H").get(i)));
                }
                assertClose(name + " group delay at DC", groupDelayAtDc(prototype),
                        ref.get("group_delay_at_dc").asDouble(), 0.0);
            }));
        }
        assertThat(tests).hasSize(24);
        return tests.stream();
    }

    /** For {@code H = k/Π(s − p)}: {@code τ(ω) = Σ Re(−p)/|jω − p|²}, which at ω = 0 is {@code Σ Re(−1/p)}. */
    private static double groupDelayAtDc(Zpk allPole) {
        double delay = 0;
        for (Complex p : allPole.poles()) {
            delay += p.reciprocal().negate().re();
        }
        return delay;
    }

    @Test
    void reverseBesselPolynomialsHaveTheTabulatedCoefficients() {
        // θ_1 = s + 1, θ_2 = s² + 3s + 3, θ_3 = s³ + 6s² + 15s + 15, θ_5 (Abramowitz & Stegun / Bessel 1949)
        assertThat(BesselPrototype.reverseBesselCoefficients(1)).containsExactly(1, 1);
        assertThat(BesselPrototype.reverseBesselCoefficients(2)).containsExactly(3, 3, 1);
        assertThat(BesselPrototype.reverseBesselCoefficients(3)).containsExactly(15, 15, 6, 1);
        assertThat(BesselPrototype.reverseBesselCoefficients(5)).containsExactly(945, 945, 420, 105, 15, 1);
        // a_0 = (2N)!/(2^N N!) = 19!! for N = 10
        assertThat(BesselPrototype.reverseBesselCoefficients(10)[0]).isEqualTo(654_729_075L);
    }

    @ParameterizedTest
    @EnumSource(BesselNorm.class)
    void everyOrderUpToTenIsStableWithUnitDcGainAndConjugatePoles(BesselNorm norm) {
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            Zpk prototype = BesselDesign.analogPrototype(order, norm);
            assertThat(prototype.poles()).hasSize(order);
            for (Complex p : prototype.poles()) {
                assertThat(p.re()).as("order %d pole %s", order, p).isNegative();
                assertThat(prototype.poles()).contains(p.conjugate());
            }
            assertThat(prototype.analogResponse(0).re()).as("order %d DC gain", order).isCloseTo(1.0, within(1e-13));
            assertThat(prototype.analogResponse(0).im()).isCloseTo(0.0, within(1e-13));
        }
    }

    @Test
    void delayNormalisationHasUnitGroupDelayAtDcForEveryOrder() {
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            assertThat(groupDelayAtDc(BesselDesign.analogPrototype(order, BesselNorm.DELAY)))
                    .as("order %d", order).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void magnitudeNormalisationIsHalfPowerAtOneRadianPerSecond() {
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            assertThat(BesselDesign.analogPrototype(order, BesselNorm.MAG).analogResponse(1.0).abs())
                    .as("order %d", order).isCloseTo(1 / Math.sqrt(2), within(1e-14));
        }
    }

    @Test
    void phaseNormalisationSharesTheButterworthAsymptote() {
        // |H(jω)| → 1/ω^N, as the Butterworth filter's: Π|p| = 1 with k = 1
        for (int order = 1; order <= BesselDesign.MAX_ORDER; order++) {
            double product = 1;
            for (Complex p : BesselDesign.analogPrototype(order, BesselNorm.PHASE).poles()) {
                product *= p.abs();
            }
            assertThat(product).as("order %d", order).isCloseTo(1.0, within(1e-13));
        }
    }
}
