package io.spikeline.models.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PerNeuronTest {

    @Test
    void aBroadcastValueExpandsToEveryNeuronAndPerNeuronValuesKeepTheirOrder() {
        assertThat(PerNeuron.of(0.9).toFloats(3, "beta")).containsExactly(0.9f, 0.9f, 0.9f);
        assertThat(PerNeuron.of(new double[] {1, 2, 3}).toInts(3, "refractorySteps")).containsExactly(1, 2, 3);
        assertThat(PerNeuron.of(new float[] {0.1f, 0.2f}).toDoubles(2, "x")).containsExactly(0.1f, 0.2f);
        assertThat(PerNeuron.of(0.5).isUniform()).isTrue();
        assertThat(PerNeuron.of(new double[] {0.5}).isUniform()).isFalse();
    }

    @Test
    void valuesAreCopiedSoTheParameterStaysImmutable() {
        double[] values = {1, 2};
        PerNeuron p = PerNeuron.of(values);
        values[0] = 99;
        p.toDoubles(2, "p")[1] = 42;
        assertThat(p.get(0)).isEqualTo(1);
        assertThat(p.get(1)).isEqualTo(2);
        assertThat(p).isEqualTo(PerNeuron.of(new double[] {1, 2})).isNotEqualTo(PerNeuron.of(1));
    }

    @Test
    void decayFactorsAreTheExponentialOfMinusStepOverTimeConstant() {
        PerNeuron decay = PerNeuron.decayFactors(PerNeuron.of(new double[] {10, 100}), 0.5);
        assertThat(decay.get(0)).isEqualTo(Math.exp(-0.05));
        assertThat(decay.get(1)).isEqualTo(Math.exp(-0.005));
        assertThatThrownBy(() -> PerNeuron.decayFactors(PerNeuron.of(10), 0))
                .hasMessage("dtMs must be positive and finite, was 0.0");
    }

    @Test
    void aLengthThatDoesNotMatchThePopulationIsRejected() {
        assertThatThrownBy(() -> PerNeuron.of(new double[] {1, 2}).toFloats(3, "threshold"))
                .hasMessage("threshold has 2 per-neuron values for a population of 3");
        assertThatThrownBy(() -> PerNeuron.of(1).toFloats(0, "threshold"))
                .hasMessage("a population needs at least one neuron, size was 0");
        assertThatThrownBy(() -> PerNeuron.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
