package io.spikeline.models.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TwoCompartmentPopulationTest {

    /**
     * Constant dendritic input x from rest, no somatic input: d_k = x (1 - a^(k+1)) / (1 - a) and, until the first
     * spike, v_t = g * sum_{k<=t} beta^(t-k) d_k. The soma first spikes at the first t with v_t >= threshold.
     */
    @Test
    void dendriticInputAloneDrivesTheSomaToSpikeAfterTheAnalyticalDelay() {
        double beta = 0.9;
        double a = 0.8;
        double[] g = {0.1, 0.2, 0.4};
        double x = 0.5;
        TwoCompartmentPopulation population = new TwoCompartmentPopulation(3, TwoCompartmentParameters.defaults()
                .withSomaDecay(PerNeuron.of(beta)).withDendriteDecay(PerNeuron.of(a)).withCoupling(PerNeuron.of(g)));
        int steps = 40;
        float[] dendriteInput = {(float) x, (float) x, (float) x};
        int[] spikes = new int[3];
        int[] firstSpike = {-1, -1, -1};
        for (int t = 0; t < steps; t++) {
            int n = population.step(dendriteInput, spikes);
            for (int k = 0; k < n; k++) {
                if (firstSpike[spikes[k]] < 0) {
                    firstSpike[spikes[k]] = t;
                }
            }
            for (int j = 0; j < 3; j++) {
                if (firstSpike[j] < 0) {
                    assertThat((double) population.somaPotential()[j]).as("v[%d] of neuron %d", t, j)
                            .isCloseTo(somaBeforeFirstSpike(t, beta, a, g[j], x), within(1e-5));
                }
                assertThat((double) population.dendritePotential()[j])
                        .isCloseTo(x * (1 - Math.pow(a, t + 1)) / (1 - a), within(1e-5));
            }
        }
        for (int j = 0; j < 3; j++) {
            int expected = 0;
            while (somaBeforeFirstSpike(expected, beta, a, g[j], x) < 1.0) {
                expected++;
            }
            assertThat(firstSpike[j]).as("first spike of neuron %d", j).isEqualTo(expected);
        }
        assertThat(firstSpike[0]).isGreaterThan(firstSpike[1]);
        assertThat(firstSpike[1]).isGreaterThan(firstSpike[2]).isPositive();
    }

    private static double somaBeforeFirstSpike(int t, double beta, double a, double g, double x) {
        double v = 0;
        for (int k = 0; k <= t; k++) {
            v += Math.pow(beta, t - k) * g * x * (1 - Math.pow(a, k + 1)) / (1 - a);
        }
        return v;
    }

    @Test
    void zeroCouplingDecouplesTheCompartmentsAndLeavesAPlainLifSoma() {
        double[] beta = {0.9, 0.95, 0.7};
        double[] refractory = {0, 2, 4};
        TwoCompartmentPopulation twoCompartment = new TwoCompartmentPopulation(3, TwoCompartmentParameters.defaults()
                .withCoupling(PerNeuron.of(0)).withSomaDecay(PerNeuron.of(beta)).withBias(PerNeuron.of(0.02))
                .withRefractorySteps(PerNeuron.of(refractory)));
        LifPopulation lif = new LifPopulation(3, LifParameters.defaults().withBeta(PerNeuron.of(beta))
                .withBias(PerNeuron.of(0.02)).withRefractorySteps(PerNeuron.of(refractory)));
        float[][] somaInput = PopulationRuns.randomInput(300, 3, 0f, 0.5f, 12);
        float[][] dendriteInput = PopulationRuns.randomInput(300, 3, 0f, 5f, 13);
        int[] a = new int[3];
        int[] b = new int[3];
        int total = 0;
        for (int t = 0; t < 300; t++) {
            int n = twoCompartment.step(somaInput[t], dendriteInput[t], a);
            assertThat(Arrays.copyOf(a, n)).containsExactly(Arrays.copyOf(b, lif.step(somaInput[t], b)));
            assertThat(twoCompartment.somaPotential()).containsExactly(lif.potential());
            total += n;
        }
        assertThat(total).isGreaterThan(30);

        TwoCompartmentPopulation dendriteOnly = new TwoCompartmentPopulation(3, TwoCompartmentParameters.defaults()
                .withCoupling(PerNeuron.of(0)));
        assertThat(PopulationRuns.run(dendriteOnly, dendriteInput, 0, 300)).allSatisfy(s -> assertThat(s).isEmpty());
        assertThat(dendriteOnly.somaPotential()).containsOnly(0f);
        for (float d : dendriteOnly.dendritePotential()) {
            assertThat(d).isPositive();
        }
    }

    @Test
    void theDendriteKeepsIntegratingWhileTheSomaIsRefractory() {
        TwoCompartmentPopulation population = new TwoCompartmentPopulation(1, TwoCompartmentParameters.defaults()
                .withSomaDecay(PerNeuron.of(1)).withDendriteDecay(PerNeuron.of(0.5)).withCoupling(PerNeuron.of(1))
                .withReset(ResetMode.ZERO).withRefractorySteps(PerNeuron.of(2)));
        int[] spikes = new int[1];
        assertThat(population.step(new float[] {2f}, spikes)).isEqualTo(1);
        assertThat(population.somaPotential()[0]).isZero();
        assertThat(population.step(new float[] {0f}, spikes)).isZero();
        assertThat(population.step(new float[] {0f}, spikes)).isZero();
        assertThat(population.somaPotential()[0]).isZero();
        assertThat(population.dendritePotential()[0]).isEqualTo(0.5f);
        assertThat(population.step(new float[] {0f}, spikes)).isZero();
        assertThat(population.somaPotential()[0]).isEqualTo(0.25f);
    }

    @Test
    void snapshotThenRestoreThenContinueEqualsAnUninterruptedRun() throws Exception {
        TwoCompartmentParameters p = TwoCompartmentParameters.defaults()
                .withCoupling(PerNeuron.of(new double[] {0.1, 0.3, 0.5}))
                .withRefractorySteps(PerNeuron.of(new double[] {1, 0, 3}));
        float[][] input = PopulationRuns.randomInput(300, 3, 0f, 1f, 2);
        int spikes = PopulationRuns.assertSnapshotContinuationEqualsUninterrupted(
                () -> new TwoCompartmentPopulation(3, p), input, 123);
        assertThat(spikes).isGreaterThan(30);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> TwoCompartmentParameters.defaults().withDendriteDecay(PerNeuron.of(1)))
                .hasMessage("dendriteDecay must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> TwoCompartmentParameters.defaults().withCoupling(PerNeuron.of(new double[] {0, -1})))
                .hasMessage("coupling[1] must be >= 0 and finite, was -1.0");
    }
}
