package io.spikeline.models.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.testing.SharedFiles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class LifPopulationTest {
    private static final JsonNode LIF = SharedFiles.readTestVectors("lif.json");
    private static final double[] BETAS = {0.5, 0.9, 0.95};

    /**
     * lif.json is float64; this population is float32. The input (k/64) and threshold are exact in both, so the
     * only difference is rounding of beta*v + I: about 2^-24 relative per step, damped by beta, so the error stays
     * below 2 ulp(1) / (1 - beta). Every reference potential lies much farther than that from the threshold
     * (checked below), hence spikes must match exactly and potentials to within the bound.
     */
    @ParameterizedTest
    @EnumSource(ResetTiming.class)
    void reproducesTheReferenceVectorsForEveryBetaAndReset(ResetTiming timing) {
        int[] inputTimes64 = SharedFiles.ints(LIF.get("I_times_64"));
        int steps = LIF.get("T").asInt();
        for (ResetMode reset : ResetMode.values()) {
            LifPopulation population = new LifPopulation(BETAS.length, LifParameters.defaults()
                    .withBeta(PerNeuron.of(BETAS)).withReset(reset).withTiming(timing));
            float[][] v = new float[steps][];
            float[][] input = new float[steps][];
            for (int t = 0; t < steps; t++) {
                float current = inputTimes64[t] / 64f;
                assertThat((double) current).isEqualTo(LIF.get("I").get(t).asDouble());
                input[t] = new float[] {current, current, current};
            }
            int[] spikes = new int[BETAS.length];
            int[][] spiked = new int[BETAS.length][steps];
            for (int t = 0; t < steps; t++) {
                int n = population.step(input[t], spikes);
                for (int k = 0; k < n; k++) {
                    spiked[spikes[k]][t] = 1;
                }
                v[t] = population.potential().clone();
            }
            for (int j = 0; j < BETAS.length; j++) {
                JsonNode run = referenceRun(BETAS[j], reset);
                String prefix = timing == ResetTiming.IMMEDIATE ? "A_" : "B_";
                int[] expectedSpikes = SharedFiles.ints(run.get(prefix + "spikes"));
                double[] expectedV = SharedFiles.doubles(run.get(timing == ResetTiming.IMMEDIATE ? "A_v_post_reset"
                        : "B_mem"));
                assertThat(spiked[j]).as("spikes, beta %s, %s, %s", BETAS[j], reset, timing)
                        .containsExactly(expectedSpikes);
                assertThat(sum(expectedSpikes)).isPositive();
                double bound = 2 * Math.ulp(1f) / (1 - BETAS[j]);
                double[] compared = SharedFiles.doubles(run.get(timing == ResetTiming.IMMEDIATE ? "A_v_pre_reset"
                        : "B_mem"));
                for (double x : compared) {
                    assertThat(Math.abs(x - 1.0)).isGreaterThan(100 * bound);
                }
                for (int t = 0; t < steps; t++) {
                    assertThat((double) v[t][j]).as("v[%d], beta %s, %s, %s", t, BETAS[j], reset, timing)
                            .isCloseTo(expectedV[t], within(bound));
                }
            }
        }
    }

    private static JsonNode referenceRun(double beta, ResetMode reset) {
        String name = reset == ResetMode.SUBTRACT ? "subtract" : "zero";
        for (JsonNode run : LIF.get("runs")) {
            if (run.get("beta").asDouble() == beta && run.get("reset").asText().equals(name)) {
                return run;
            }
        }
        throw new AssertionError("no reference run for beta " + beta + " and reset " + name);
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int x : values) {
            s += x;
        }
        return s;
    }

    @Test
    void betaFromTheTimeConstantIsTheExactExponentialDecay() {
        LifParameters p = LifParameters.defaults().withTauMs(PerNeuron.of(new double[] {20, 10}), 1.0);
        assertThat(p.beta().get(0)).isEqualTo(Math.exp(-1.0 / 20));
        assertThat(p.beta().get(1)).isEqualTo(Math.exp(-0.1));
        LifPopulation population = new LifPopulation(2, p.withThreshold(PerNeuron.of(100)));
        population.step(new float[] {1, 1}, new int[2]);
        population.step(new float[] {0, 0}, new int[2]);
        assertThat(population.potential()[0]).isEqualTo((float) Math.exp(-1.0 / 20));
    }

    @Test
    void refractoryNeuronsHoldTheirResetPotentialIgnoreInputAndCannotFire() {
        // beta 1, input 0.6, zero reset: a free neuron fires every 2nd step, r refractory steps lengthen the period
        // to 2 + r; spike times are 1, 1 + (2 + r), ...
        int[] refractory = {0, 1, 3};
        LifPopulation population = new LifPopulation(3, LifParameters.defaults().withBeta(PerNeuron.of(1))
                .withReset(ResetMode.ZERO).withRefractorySteps(PerNeuron.of(new double[] {0, 1, 3})));
        float[][] input = PopulationRuns.constantInput(40, new float[] {0.6f, 0.6f, 0.6f});
        List<List<Integer>> times = PopulationRuns.spikeTimes(PopulationRuns.run(population, input, 0, 40), 3);
        for (int j = 0; j < 3; j++) {
            int period = 2 + refractory[j];
            assertThat(times.get(j)).hasSize((40 - 2) / period + 1);
            for (int k = 0; k < times.get(j).size(); k++) {
                assertThat(times.get(j).get(k)).isEqualTo(1 + k * period);
            }
        }

        LifPopulation probe = new LifPopulation(1, LifParameters.defaults().withRefractorySteps(PerNeuron.of(2)));
        int[] spikes = new int[1];
        assertThat(probe.step(new float[] {1.25f}, spikes)).isEqualTo(1);
        assertThat(probe.potential()[0]).isEqualTo(0.25f);
        assertThat(probe.step(new float[] {50f}, spikes)).isZero();
        assertThat(probe.potential()[0]).isEqualTo(0.25f);
        assertThat(probe.step(new float[] {50f}, spikes)).isZero();
        assertThat(probe.potential()[0]).isEqualTo(0.25f);
        assertThat(probe.step(new float[] {1f}, spikes)).isEqualTo(1);
        assertThat(probe.potential()[0]).isEqualTo(0.9f * 0.25f + 1f - 1f);
    }

    @Test
    void heterogeneousThresholdsAndBiasesMatchIndependentSingleNeuronPopulations() {
        double[] beta = {0.8, 0.95, 0.99, 0.5};
        double[] threshold = {0.5, 1, 2, 0.25};
        double[] bias = {0, 0.05, -0.01, 0.1};
        LifParameters mixed = LifParameters.defaults().withBeta(PerNeuron.of(beta))
                .withThreshold(PerNeuron.of(threshold)).withBias(PerNeuron.of(bias));
        float[][] input = PopulationRuns.randomInput(300, 4, 0f, 0.3f, 5);
        List<List<Integer>> together = PopulationRuns.spikeTimes(
                PopulationRuns.run(new LifPopulation(4, mixed), input, 0, 300), 4);
        for (int j = 0; j < 4; j++) {
            LifPopulation single = new LifPopulation(1, LifParameters.defaults().withBeta(PerNeuron.of(beta[j]))
                    .withThreshold(PerNeuron.of(threshold[j])).withBias(PerNeuron.of(bias[j])));
            float[][] column = new float[300][];
            for (int t = 0; t < 300; t++) {
                column[t] = new float[] {input[t][j]};
            }
            List<List<Integer>> alone = PopulationRuns.spikeTimes(PopulationRuns.run(single, column, 0, 300), 1);
            assertThat(together.get(j)).isNotEmpty().isEqualTo(alone.get(0));
        }
    }

    @Test
    void constantSuprathresholdInputWithoutLeakFiresAtTheRateInputOverThreshold() {
        // beta 1, subtractive reset: all charge is conserved, so after T steps floor(T * I / threshold) spikes.
        LifPopulation population = new LifPopulation(1, LifParameters.defaults().withBeta(PerNeuron.of(1))
                .withThreshold(PerNeuron.of(1)));
        float[][] input = PopulationRuns.constantInput(1000, new float[] {0.375f});
        int count = PopulationRuns.run(population, input, 0, 1000).stream().mapToInt(s -> s.length).sum();
        assertThat(count).isEqualTo(375);
    }

    @ParameterizedTest
    @EnumSource(ResetTiming.class)
    void snapshotThenRestoreThenContinueEqualsAnUninterruptedRun(ResetTiming timing) throws Exception {
        LifParameters p = LifParameters.defaults().withTiming(timing)
                .withBeta(PerNeuron.of(new double[] {0.9, 0.95, 0.8, 0.99, 0.7}))
                .withRefractorySteps(timing == ResetTiming.IMMEDIATE ? PerNeuron.of(new double[] {0, 1, 2, 3, 4})
                        : PerNeuron.of(0));
        float[][] input = PopulationRuns.randomInput(200, 5, 0f, 0.6f, 17);
        int spikes = PopulationRuns.assertSnapshotContinuationEqualsUninterrupted(() -> new LifPopulation(5, p),
                input, 77);
        assertThat(spikes).isGreaterThan(50);
    }

    @Test
    void snapshotOfAnotherSizeOrModelIsRejected() {
        LifPopulation small = new LifPopulation(2, LifParameters.defaults());
        LifPopulation large = new LifPopulation(3, LifParameters.defaults());
        assertThatThrownBy(() -> Snapshots.restore(large, Snapshots.toBytes(small)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("membrane potential");
    }

    @Test
    void invalidParametersAreRejectedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> LifParameters.defaults().withBeta(PerNeuron.of(new double[] {0.9, 1.5})))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("beta[1] must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> LifParameters.defaults().withThreshold(PerNeuron.of(0)))
                .hasMessage("threshold must be positive and finite, was 0.0");
        assertThatThrownBy(() -> LifParameters.defaults().withRefractorySteps(PerNeuron.of(1.5)))
                .hasMessage("refractorySteps must be a whole number >= 0, was 1.5");
        assertThatThrownBy(() -> LifParameters.defaults().withRefractorySteps(PerNeuron.of(2))
                .withTiming(ResetTiming.DELAYED))
                .hasMessage("refractorySteps must be 0 with the delayed (snnTorch) reset, was 2.0");
        assertThatThrownBy(() -> LifParameters.defaults().withTauMs(PerNeuron.of(-3), 1))
                .hasMessage("tauMs must be positive, was -3.0");
        assertThatThrownBy(() -> new LifPopulation(3, LifParameters.defaults().withBeta(PerNeuron.of(new double[] {
            0.5, 0.6}))))
                .hasMessage("beta has 2 per-neuron values for a population of 3");
        assertThatThrownBy(() -> new LifPopulation(3, LifParameters.defaults()).step(new float[2], new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
