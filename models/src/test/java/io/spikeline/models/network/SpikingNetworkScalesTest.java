package io.spikeline.models.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikingNetworkScalesTest {
    private static final int INPUTS = 16;
    private static final long BIN_US = 1000;

    private static NetworkSpec spec(double threshold, ReadoutSpec readout) {
        LayerSpec layer = new LayerSpec(new NeuronModel.Lif(LifParameters.defaults()
                .withThreshold(PerNeuron.of(threshold))), 24,
                ConnectionSpec.of(new Connectivity.Dense(), 0.0, 0.9, 5), List.of());
        return NetworkSpec.of(INPUTS, BIN_US, List.of(layer), 40, readout, 10, 8);
    }

    private static ReadoutSpec lms(double learningRate) {
        return new ReadoutSpec.Lms(2, new StepSize.Normalised(learningRate, 1e-3));
    }

    private static int[][] input(long seed, int bins) {
        SeededRandom random = new SeededRandom(seed);
        int[][] spikes = new int[bins][];
        for (int t = 0; t < bins; t++) {
            int[] bin = new int[INPUTS];
            int count = 0;
            for (int c = 0; c < INPUTS; c++) {
                if (random.nextDouble() < 0.1) {
                    bin[count++] = c;
                }
            }
            spikes[t] = Arrays.copyOf(bin, count);
        }
        return spikes;
    }

    /** Steps bins {@code from .. to}, learning a vector target at each decode; returns the outputs. */
    private static List<float[]> run(SpikingNetwork network, int[][] input, int from, int to) {
        List<float[]> outputs = new ArrayList<>();
        for (int t = from; t < to; t++) {
            if (network.step(t * BIN_US, input[t], input[t].length)) {
                outputs.add(network.output().clone());
                float phase = (float) Math.sin(t * 0.02);
                network.learn(Feedback.ofVector("k", network.windowStartUs(), new float[] {phase, 0.5f * phase}));
            }
        }
        return outputs;
    }

    private static void assertSameOutputs(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k)).as("decode %d", k).containsExactly(expected.get(k));
        }
    }

    @Test
    void aLearningRateScaleLearnsAsTheScaledRateWould() {
        // Scale 1/2 of a normalised step: exact in floating point, so the scaled rate is matched bit for bit.
        int[][] input = input(3, 2000);
        SpikingNetwork scaled = new SpikingNetwork(spec(1, lms(0.4)));
        scaled.setLearningRateScale(0.5);
        List<float[]> expected = run(new SpikingNetwork(spec(1, lms(0.2))), input, 0, 2000);
        List<float[]> unscaled = run(new SpikingNetwork(spec(1, lms(0.4))), input, 0, 2000);

        List<float[]> actual = run(scaled, input, 0, 2000);

        assertSameOutputs(actual, expected);
        assertThat(actual.get(actual.size() - 1)).isNotEqualTo(unscaled.get(unscaled.size() - 1));
    }

    @Test
    void aClassifierLearningRateScaleLearnsAsTheScaledRateWould() {
        int[][] input = input(4, 1000);
        SpikingNetwork scaled = new SpikingNetwork(spec(1, new ReadoutSpec.Classifier(3, ClassifierRule.DELTA,
                new StepSize.Constant(0.2))));
        scaled.setLearningRateScale(0.25);
        SpikingNetwork reference = new SpikingNetwork(spec(1, new ReadoutSpec.Classifier(3, ClassifierRule.DELTA,
                new StepSize.Constant(0.05))));
        for (int t = 0; t < 1000; t++) {
            boolean decodedScaled = scaled.step(t * BIN_US, input[t], input[t].length);
            boolean decodedReference = reference.step(t * BIN_US, input[t], input[t].length);
            assertThat(decodedScaled).isEqualTo(decodedReference);
            if (decodedScaled) {
                assertThat(scaled.output()).containsExactly(reference.output());
                Feedback label = Feedback.ofClass("k", scaled.windowStartUs(), (t / 100) % 3);
                scaled.learn(label);
                reference.learn(label);
            }
        }
    }

    @Test
    void aZeroLearningRateScaleStopsReadoutLearningOnly() {
        int[][] input = input(5, 500);
        SpikingNetwork network = new SpikingNetwork(spec(1, lms(0.05)));
        network.setLearningRateScale(0);
        List<float[]> outputs = run(network, input, 0, 500);
        assertThat(outputs).allSatisfy(y -> assertThat(y).containsOnly(0f));
        assertThat(network.readoutUpdates()).isEqualTo(outputs.size());
    }

    @Test
    void aThresholdScaleSpikesAsTheScaledThresholdWould() {
        // Scale 2: halving the input is exact in floating point, so the equivalence holds bit for bit.
        int[][] input = input(6, 1500);
        SpikingNetwork scaled = new SpikingNetwork(spec(0.6, lms(0.4)));
        scaled.setThresholdScale(0, 2);
        SpikingNetwork reference = new SpikingNetwork(spec(1.2, lms(0.4)));
        SpikingNetwork unscaled = new SpikingNetwork(spec(0.6, lms(0.4)));
        long spikes = 0;
        long unscaledSpikes = 0;
        for (int t = 0; t < 1500; t++) {
            scaled.step(t * BIN_US, input[t], input[t].length);
            reference.step(t * BIN_US, input[t], input[t].length);
            unscaled.step(t * BIN_US, input[t], input[t].length);
            int count = reference.layerSpikeCount(0);
            assertThat(scaled.layerSpikeCount(0)).as("spikes in bin %d", t).isEqualTo(count);
            assertThat(Arrays.copyOf(scaled.layerSpikes(0), count))
                    .containsExactly(Arrays.copyOf(reference.layerSpikes(0), count));
            spikes += count;
            unscaledSpikes += unscaled.layerSpikeCount(0);
        }
        assertThat(spikes).isPositive().isLessThan(unscaledSpikes);
        assertThat(reference.neuronSpikes()).isEqualTo(spikes);
        assertThat(unscaled.neuronSpikes()).isEqualTo(unscaledSpikes);
        scaled.setThresholdScale(0, 1);
        assertThat(scaled.thresholdScale(0)).isEqualTo(1.0);
    }

    @Test
    void scalesAreStateThatARestoreCarriesOver() throws Exception {
        int[][] input = input(7, 2000);
        SpikingNetwork uninterrupted = new SpikingNetwork(spec(0.6, lms(0.4)));
        uninterrupted.setLearningRateScale(0.3);
        uninterrupted.setThresholdScale(0, 1.7);
        List<float[]> expected = run(uninterrupted, input, 0, 2000);

        SpikingNetwork first = new SpikingNetwork(spec(0.6, lms(0.4)));
        first.setLearningRateScale(0.3);
        first.setThresholdScale(0, 1.7);
        List<float[]> actual = new ArrayList<>(run(first, input, 0, 777));
        SpikingNetwork restored = new SpikingNetwork(spec(0.6, lms(0.4)));
        Snapshots.restore(restored, Snapshots.toBytes(first));
        assertThat(restored.learningRateScale()).isEqualTo(0.3);
        assertThat(restored.thresholdScale(0)).isEqualTo(1.7);
        actual.addAll(run(restored, input, 777, 2000));

        assertSameOutputs(actual, expected);
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(uninterrupted));
    }

    @Test
    void aVersionOneSnapshotLoadsWithUnitScales() throws Exception {
        int[][] input = input(8, 1000);
        SpikingNetwork original = new SpikingNetwork(spec(0.6, lms(0.4)));
        run(original, input, 0, 400);
        byte[] current = Snapshots.toBytes(original);
        // Version 1 is version 2 without what it appends: the rate scale, one layer's scale (length + value) and the
        // neuron spike count.
        byte[] versionOne = Arrays.copyOf(current,
                current.length - Double.BYTES - Integer.BYTES - Double.BYTES - Long.BYTES);
        versionOne[4] = 0;
        versionOne[5] = 1;

        SpikingNetwork restored = new SpikingNetwork(spec(0.6, lms(0.4)));
        restored.setLearningRateScale(0.5);
        restored.setThresholdScale(0, 3);
        Snapshots.restore(restored, versionOne);

        assertThat(restored.learningRateScale()).isEqualTo(1.0);
        assertThat(restored.thresholdScale(0)).isEqualTo(1.0);
        assertThat(restored.neuronSpikes()).isZero();
        assertSameOutputs(run(restored, input, 400, 1000), run(original, input, 400, 1000));
    }

    @Test
    void invalidScalesFailWithTheValueNamed() {
        SpikingNetwork network = new SpikingNetwork(spec(1, lms(0.4)));
        assertThatThrownBy(() -> network.setLearningRateScale(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> network.setThresholdScale(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold scale");
        assertThatThrownBy(() -> network.setThresholdScale(1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer");
    }
}
