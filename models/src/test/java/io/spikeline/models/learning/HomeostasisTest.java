package io.spikeline.models.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.synapse.CsrWeights;
import java.util.Arrays;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;

class HomeostasisTest {
    private static final int NEURONS = 20;
    private static final int INPUTS = 50;
    private static final float BETA = 0.9f;

    /** A minimal LIF population: {@code v ← βv + input}; spike and reset to 0 when {@code v ≥ θ}. */
    private static int lifStep(float[] v, float[] input, float[] thresholds, int[] spikes) {
        int count = 0;
        for (int j = 0; j < v.length; j++) {
            v[j] = BETA * v[j] + input[j];
            if (v[j] >= thresholds[j]) {
                v[j] = 0;
                spikes[count++] = j;
            }
        }
        return count;
    }

    /** Noisy currents whose mean differs fivefold across the population. */
    private static void drive(SeededRandom random, float[] input) {
        for (int j = 0; j < input.length; j++) {
            input[j] = (float) ((0.05 + 0.01 * j) * (1 + 0.5 * random.nextGaussian()));
        }
    }

    @Test
    void adaptiveThresholdsBringEveryNeuronToTheTargetRate() {
        AdaptiveThresholdParameters parameters = new AdaptiveThresholdParameters(0.05, 20, 1.0, 1);
        AdaptiveThresholds homeostasis = new AdaptiveThresholds(parameters, NEURONS);
        SeededRandom random = new SeededRandom(10);
        float[] v = new float[NEURONS];
        float[] input = new float[NEURONS];
        int[] spikes = new int[NEURONS];
        int[] initialCounts = new int[NEURONS];
        int[] finalCounts = new int[NEURONS];
        float[] thresholdsAtWindowStart = null;
        int window = 10_000;
        for (int t = 0; t < 4 * window; t++) {
            drive(random, input);
            int count = lifStep(v, input, homeostasis.thresholds(), spikes);
            if (t == 3 * window) {
                thresholdsAtWindowStart = homeostasis.thresholds().clone();
            }
            for (int k = 0; k < count; k++) {
                if (t < 200) {
                    initialCounts[spikes[k]]++;
                }
                if (t >= 3 * window) {
                    finalCounts[spikes[k]]++;
                }
            }
            homeostasis.step(spikes, count);
        }
        double target = parameters.targetPerStep();
        assertThat(initialCounts[NEURONS - 1] / 200.0).as("initial rate of the most driven neuron")
                .isGreaterThan(3 * target);
        assertThat(initialCounts[0] / 200.0).as("initial rate of the least driven neuron").isLessThan(target / 2);
        for (int j = 0; j < NEURONS; j++) {
            double rate = finalCounts[j] / (double) window;
            assertThat(rate).as("rate of neuron %d", j).isCloseTo(target, within(0.1 * target));
            // the thresholds integrate the rate error, so the window's rate follows from their change
            double fromThresholds = target + (homeostasis.thresholds()[j] - thresholdsAtWindowStart[j])
                    / (parameters.learningRate() * window);
            assertThat(rate).isCloseTo(fromThresholds, within(1e-3 * target));
        }
        assertThat(homeostasis.thresholds()[NEURONS - 1]).isGreaterThan(homeostasis.thresholds()[0]);
    }

    @Test
    void synapticScalingBringsTheRatesOfADrivenPopulationToTheTarget() {
        SynapticScalingParameters parameters = new SynapticScalingParameters(0.002, 20, 500, 1);
        CsrWeights matrix = CsrWeights.random(INPUTS, NEURONS, 0.5, 0f, 1f, new SeededRandom(3));
        // give the neurons incoming weights from much too weak to much too strong
        for (int s = 0; s < matrix.synapseCount(); s++) {
            matrix.weights()[s] *= 0.05f + 0.05f * matrix.postIndex()[s];
        }
        PlasticWeights weights = PlasticWeights.of(matrix);
        double target = parameters.targetPerStep();
        float[] initial = matrix.weights().clone();
        int[] unscaled = simulateScaling(matrix, weights, new SynapticScaling(
                new SynapticScalingParameters(1e-12, 20, 500, 1), NEURONS), new SeededRandom(4), 5000, 5000);
        assertThat(unscaled[0] / 5000.0).as("rate of the most weakly driven neuron").isLessThan(target / 2);
        assertThat(unscaled[NEURONS - 1] / 5000.0).as("rate of the most strongly driven neuron")
                .isGreaterThan(2 * target);
        System.arraycopy(initial, 0, matrix.weights(), 0, initial.length);

        SynapticScaling scaling = new SynapticScaling(parameters, NEURONS);
        int[] rates = simulateScaling(matrix, weights, scaling, new SeededRandom(4), 60_000, 10_000);
        for (int j = 0; j < NEURONS; j++) {
            assertThat(rates[j] / 10_000.0).as("rate of neuron %d", j).isCloseTo(target, within(0.25 * target));
        }
    }

    /** Runs Poisson inputs through the weights into fixed-threshold LIF neurons; returns spike counts of the last window. */
    private static int[] simulateScaling(CsrWeights matrix, PlasticWeights weights, SynapticScaling scaling,
                                         SeededRandom random, int steps, int window) {
        float[] v = new float[NEURONS];
        float[] input = new float[NEURONS];
        float[] thresholds = new float[NEURONS];
        Arrays.fill(thresholds, 1f);
        int[] pre = new int[INPUTS];
        int[] spikes = new int[NEURONS];
        int[] counts = new int[NEURONS];
        for (int t = 0; t < steps; t++) {
            int preCount = PairStdpTest.draw(random, 0.02, pre);
            Arrays.fill(input, 0f);
            matrix.propagateSpikes(pre, preCount, input);
            int count = lifStep(v, input, thresholds, spikes);
            if (t >= steps - window) {
                for (int k = 0; k < count; k++) {
                    counts[spikes[k]]++;
                }
            }
            scaling.step(spikes, count, weights);
        }
        return counts;
    }

    @Test
    void scalingPreservesTheRelativeWeightsOntoANeuron() {
        CsrWeights matrix = CsrWeights.random(INPUTS, NEURONS, 0.5, 0.1f, 1f, new SeededRandom(8));
        float[] before = matrix.weights().clone();
        SynapticScaling scaling = new SynapticScaling(new SynapticScalingParameters(0.01, 20, 100, 1), NEURONS);
        PlasticWeights weights = PlasticWeights.of(matrix);
        int[] spikes = {3};
        for (int t = 0; t < 50; t++) {
            scaling.step(spikes, t % 2, weights);
        }
        for (int j = 0; j < NEURONS; j++) {
            int first = matrix.columnSynapses()[matrix.columnOffsets()[j]];
            double ratio = matrix.weights()[first] / before[first];
            for (int k = matrix.columnOffsets()[j]; k < matrix.columnOffsets()[j + 1]; k++) {
                int s = matrix.columnSynapses()[k];
                assertThat((double) matrix.weights()[s] / before[s]).isCloseTo(ratio, within(1e-5 * ratio));
            }
            // neuron 3 fired at 500 Hz against a 20 Hz target, the others not at all
            assertThat(ratio).as("neuron %d", j).is(j == 3
                    ? new Condition<Double>(r -> r < 1, "below 1")
                    : new Condition<Double>(r -> r > 1, "above 1"));
        }
    }

    @Test
    void snapshotRestoreAndContinueEqualsAnUninterruptedRun() throws Exception {
        SynapticScalingParameters parameters = new SynapticScalingParameters(0.002, 20, 500, 1);
        CsrWeights reference = CsrWeights.random(INPUTS, NEURONS, 0.5, 0f, 0.5f, new SeededRandom(3));
        SynapticScaling referenceScaling = new SynapticScaling(parameters, NEURONS);
        AdaptiveThresholds referenceThresholds = thresholds();
        runBoth(reference, referenceScaling, referenceThresholds, new SeededRandom(4), 3000);

        CsrWeights first = CsrWeights.random(INPUTS, NEURONS, 0.5, 0f, 0.5f, new SeededRandom(3));
        SynapticScaling firstScaling = new SynapticScaling(parameters, NEURONS);
        AdaptiveThresholds firstThresholds = thresholds();
        SeededRandom random = new SeededRandom(4);
        runBoth(first, firstScaling, firstThresholds, random, 1000);

        CsrWeights restored = CsrWeights.random(INPUTS, NEURONS, 0.5, 0f, 0.5f, new SeededRandom(3));
        SynapticScaling restoredScaling = new SynapticScaling(parameters, NEURONS);
        AdaptiveThresholds restoredThresholds = thresholds();
        SeededRandom restoredRandom = new SeededRandom(0);
        Snapshots.restore(restored, Snapshots.toBytes(first));
        Snapshots.restore(restoredScaling, Snapshots.toBytes(firstScaling));
        Snapshots.restore(restoredThresholds, Snapshots.toBytes(firstThresholds));
        Snapshots.restore(restoredRandom, Snapshots.toBytes(random));
        runBoth(restored, restoredScaling, restoredThresholds, restoredRandom, 2000);

        assertThat(restored.weights()).containsExactly(reference.weights());
        assertThat(restoredScaling.rates()).containsExactly(referenceScaling.rates());
        assertThat(restoredThresholds.thresholds()).containsExactly(referenceThresholds.thresholds());
    }

    private static AdaptiveThresholds thresholds() {
        return new AdaptiveThresholds(new AdaptiveThresholdParameters(0.01, 20, 1, 1), NEURONS);
    }

    /** Random spikes drive both homeostatic mechanisms (the membrane is not state of either). */
    private static void runBoth(CsrWeights matrix, SynapticScaling scaling, AdaptiveThresholds thresholds,
                                SeededRandom random, int steps) {
        PlasticWeights weights = PlasticWeights.of(matrix);
        int[] spikes = new int[NEURONS];
        for (int t = 0; t < steps; t++) {
            int count = PairStdpTest.draw(random, 0.03, spikes);
            scaling.step(spikes, count, weights);
            thresholds.step(spikes, count);
        }
    }

    @Test
    void invalidParametersAreRejectedByName() {
        assertThatThrownBy(() -> new AdaptiveThresholdParameters(0.01, 2000, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetRateHz 2000");
        assertThatThrownBy(() -> new SynapticScalingParameters(0.01, 20, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rateTauMs");
        assertThatThrownBy(() -> new SynapticScalingParameters(1.5, 20, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
        SynapticScaling scaling = new SynapticScaling(new SynapticScalingParameters(0.01, 20, 100, 1), 4);
        assertThatThrownBy(() -> scaling.step(new int[0], 0, new DoubleWeights(2, 5, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reach 5");
    }
}
