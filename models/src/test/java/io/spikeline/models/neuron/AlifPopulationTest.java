package io.spikeline.models.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlifPopulationTest {

    @Test
    void interspikeIntervalsLengthenUnderConstantInputWhileWithoutAdaptationTheyStayConstant() {
        AlifParameters p = AlifParameters.defaults().withAlpha(PerNeuron.of(0.95))
                .withAdaptationStrength(PerNeuron.of(new double[] {3, 0}));
        List<List<Integer>> times = PopulationRuns.spikeTimes(PopulationRuns.run(new AlifPopulation(2, p),
                PopulationRuns.constantInput(1000, new float[] {0.2f, 0.2f}), 0, 1000), 2);
        int[] adapting = intervals(times.get(0));
        int[] plain = intervals(times.get(1));
        assertThat(adapting.length).isGreaterThan(10);
        assertThat(adapting[adapting.length - 1]).isGreaterThan(adapting[0] + 1);
        for (int k = 1; k < 5; k++) {
            assertThat(adapting[k]).as("interval %d while b builds up", k).isGreaterThanOrEqualTo(adapting[k - 1]);
        }
        // subtractive reset of a leaky neuron: intervals jitter by at most one step around a constant
        assertThat(Arrays.stream(plain).max().getAsInt() - Arrays.stream(plain).min().getAsInt()).isLessThanOrEqualTo(1);
        assertThat(plain.length).isGreaterThan(adapting.length);
    }

    private static int[] intervals(List<Integer> times) {
        int[] isi = new int[times.size() - 1];
        for (int k = 0; k < isi.length; k++) {
            isi[k] = times.get(k + 1) - times.get(k);
        }
        return isi;
    }

    /**
     * Without leak and with subtractive reset, charge is conserved: input I per step equals rate f times the mean
     * threshold at the spikes. With slow adaptation b tracks its mean f, so f (b0 + beta_a f) = I, i.e.
     * f = (-b0 + sqrt(b0^2 + 4 beta_a I)) / (2 beta_a), lower than the unadapted rate I / b0.
     */
    @Test
    void steadyStateRateMatchesTheChargeBalanceWithAdaptedThreshold() {
        double[] strength = {0, 1, 2, 4};
        double input = 0.2;
        double b0 = 1;
        AlifPopulation population = new AlifPopulation(strength.length, AlifParameters.defaults()
                .withAlpha(PerNeuron.of(1)).withBaseThreshold(PerNeuron.of(b0))
                .withAdaptationStrength(PerNeuron.of(strength)).withAdaptationDecay(PerNeuron.of(Math.exp(-1.0 / 500))));
        float[] current = new float[strength.length];
        Arrays.fill(current, (float) input);
        int warmUp = 5000;
        int measured = 20000;
        List<int[]> spikes = PopulationRuns.run(population,
                PopulationRuns.constantInput(warmUp + measured, current), 0, warmUp + measured);
        List<List<Integer>> times = PopulationRuns.spikeTimes(spikes.subList(warmUp, spikes.size()), strength.length);
        for (int j = 0; j < strength.length; j++) {
            double expected = strength[j] == 0 ? input / b0
                    : (-b0 + Math.sqrt(b0 * b0 + 4 * strength[j] * input)) / (2 * strength[j]);
            double rate = times.get(j).size() / (double) measured;
            assertThat(rate).as("rate with beta_a %s", strength[j]).isCloseTo(expected, within(0.02 * expected));
            assertThat((double) population.adaptation()[j]).isCloseTo(expected, within(0.05 * expected));
        }
    }

    @Test
    void withoutAdaptationItIsTheLifNeuronBitForBitIncludingRefractoriness() {
        double[] alpha = {0.9, 0.8, 0.99};
        double[] refractory = {0, 2, 5};
        float[][] input = PopulationRuns.randomInput(500, 3, 0f, 0.5f, 21);
        for (ResetMode reset : ResetMode.values()) {
            AlifPopulation alif = new AlifPopulation(3, AlifParameters.defaults().withAlpha(PerNeuron.of(alpha))
                    .withAdaptationStrength(PerNeuron.of(0)).withBaseThreshold(PerNeuron.of(0.8))
                    .withBias(PerNeuron.of(0.01)).withRefractorySteps(PerNeuron.of(refractory)).withReset(reset));
            LifPopulation lif = new LifPopulation(3, LifParameters.defaults().withBeta(PerNeuron.of(alpha))
                    .withThreshold(PerNeuron.of(0.8)).withBias(PerNeuron.of(0.01))
                    .withRefractorySteps(PerNeuron.of(refractory)).withReset(reset));
            int[] a = new int[3];
            int[] b = new int[3];
            int total = 0;
            for (float[] x : input) {
                int n = alif.step(x, a);
                assertThat(Arrays.copyOf(a, n)).containsExactly(Arrays.copyOf(b, lif.step(x, b)));
                assertThat(alif.potential()).containsExactly(lif.potential());
                total += n;
            }
            assertThat(total).isGreaterThan(100);
        }
    }

    @Test
    void refractoryPeriodHoldsTheAdaptedNeuronAndAdaptationStillDecays() {
        AlifPopulation population = new AlifPopulation(1, AlifParameters.defaults().withAlpha(PerNeuron.of(1))
                .withRefractorySteps(PerNeuron.of(3)).withAdaptationDecay(PerNeuron.of(0.5)));
        int[] spikes = new int[1];
        assertThat(population.step(new float[] {1.5f}, spikes)).isEqualTo(1);
        assertThat(population.potential()[0]).isEqualTo(0.5f);
        assertThat(population.adaptation()[0]).isEqualTo(0.5f);
        for (int t = 0; t < 3; t++) {
            assertThat(population.step(new float[] {10f}, spikes)).isZero();
            assertThat(population.potential()[0]).isEqualTo(0.5f);
        }
        assertThat(population.adaptation()[0]).isEqualTo(0.5f * 0.5f * 0.5f * 0.5f);
        assertThat(population.step(new float[] {10f}, spikes)).isEqualTo(1);
        assertThat(population.threshold()[0]).isEqualTo(1f + 1.8f * 0.0625f);
    }

    @Test
    void snapshotThenRestoreThenContinueEqualsAnUninterruptedRun() throws Exception {
        AlifParameters p = AlifParameters.defaults().withAlpha(PerNeuron.of(new double[] {0.9, 0.95, 1, 0.8}))
                .withRefractorySteps(PerNeuron.of(new double[] {0, 1, 2, 0}))
                .withAdaptationTauMs(PerNeuron.of(new double[] {50, 100, 200, 400}), 1);
        float[][] input = PopulationRuns.randomInput(400, 4, 0f, 0.6f, 4);
        int spikes = PopulationRuns.assertSnapshotContinuationEqualsUninterrupted(() -> new AlifPopulation(4, p),
                input, 150);
        assertThat(spikes).isGreaterThan(40);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> AlifParameters.defaults().withAdaptationDecay(PerNeuron.of(1)))
                .hasMessage("adaptationDecay must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> AlifParameters.defaults().withAdaptationStrength(PerNeuron.of(new double[] {1, -2})))
                .hasMessage("adaptationStrength[1] must be >= 0 and finite, was -2.0");
        assertThatThrownBy(() -> new AlifPopulation(2, AlifParameters.defaults().withBias(
                PerNeuron.of(new double[] {1, 2, 3}))))
                .hasMessage("bias has 3 per-neuron values for a population of 2");
    }
}
