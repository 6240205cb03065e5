package io.spikeline.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class SpikeSparsityTest {

    @Test
    void countsSilentNeuronStepsAndRatesExactly() {
        SpikeSparsity sparsity = new SpikeSparsity(4);
        sparsity.addStep(new int[] {0, 2, 9}, 2);
        sparsity.addStep(new int[0], 0);
        sparsity.addStep(new int[] {0, 1, 2, 3}, 4);
        sparsity.addStep(new int[] {2}, 1);
        // 16 neuron-steps, 7 spikes.
        assertThat(sparsity.steps()).isEqualTo(4);
        assertThat(sparsity.spikes()).isEqualTo(7);
        assertThat(sparsity.silentFraction()).isEqualTo(9.0 / 16);
        assertThat(sparsity.spikes(2)).isEqualTo(3);
        assertThat(sparsity.meanSpikesPerStep(2)).isEqualTo(0.75);
        assertThat(sparsity.meanSpikesPerStep(1)).isEqualTo(0.25);
        // Steps of 2 ms: 0.75 spikes per 2 ms is 375 Hz; the population fires 7/16 per step, 218.75 Hz.
        assertThat(sparsity.meanRateHz(2, 2.0)).isEqualTo(375.0);
        assertThat(sparsity.populationMeanRateHz(2.0)).isEqualTo(218.75);
    }

    @Test
    void spikeBatchesCountLikeTheirBinsAddedOneByOne() {
        // 3 channels, 4 bins: {0, 2}, {}, {1}, {0, 1, 2}.
        SpikeBatch batch = new SpikeBatch("probe-A", 0, 0, 1000, 3, 4, new int[] {0, 2, 2, 3, 6},
                new int[] {0, 2, 1, 0, 1, 2});
        SpikeSparsity fromBatch = new SpikeSparsity(3);
        fromBatch.add(batch);
        SpikeSparsity fromSteps = new SpikeSparsity(3);
        int[] channels = batch.channelIndices();
        for (int b = 0; b < batch.binCount(); b++) {
            int[] bin = java.util.Arrays.copyOfRange(channels, batch.binOffsets()[b], batch.binOffsets()[b + 1]);
            fromSteps.addStep(bin, bin.length);
        }
        assertThat(Snapshots.toBytes(fromBatch)).isEqualTo(Snapshots.toBytes(fromSteps));
        assertThat(fromBatch.silentFraction()).isEqualTo(0.5);
        assertThat(fromBatch.spikes(0)).isEqualTo(2);
        assertThatThrownBy(() -> new SpikeSparsity(4).add(batch)).hasMessageContaining("3 channels for a population of 4");
    }

    @Test
    void poissonActivityConvergesToItsRateAndSnapshotsContinue() throws Exception {
        SeededRandom random = new SeededRandom(8);
        int neurons = 50;
        double p = 0.02;
        SpikeSparsity uninterrupted = new SpikeSparsity(neurons);
        SpikeSparsity interrupted = new SpikeSparsity(neurons);
        SpikeSparsity restored = new SpikeSparsity(neurons);
        int[] spiking = new int[neurons];
        for (int t = 0; t < 20_000; t++) {
            int count = 0;
            for (int i = 0; i < neurons; i++) {
                if (random.nextDouble() < p) {
                    spiking[count++] = i;
                }
            }
            uninterrupted.addStep(spiking, count);
            (t < 10_000 ? interrupted : restored).addStep(spiking, count);
            if (t == 9_999) {
                Snapshots.restore(restored, Snapshots.toBytes(interrupted));
            }
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(uninterrupted));
        // 10^6 Bernoulli(0.02) neuron-steps: standard deviation of the fraction 1.4e-4.
        assertThat(restored.silentFraction()).isBetween(1 - p - 7e-4, 1 - p + 7e-4);
        assertThatThrownBy(() -> Snapshots.restore(new SpikeSparsity(10), Snapshots.toBytes(restored)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("holds 50 values of 'spike counts'");
        restored.reset();
        assertThat(restored.silentFraction()).isNaN();
    }

    @Test
    void malformedStepsAreRejectedBeforeCounting() {
        SpikeSparsity sparsity = new SpikeSparsity(3);
        assertThatThrownBy(() -> sparsity.addStep(new int[] {0, 3}, 2)).hasMessageContaining("neuron 3 outside 0..2");
        assertThatThrownBy(() -> sparsity.addStep(new int[] {1, 1}, 2)).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> sparsity.addStep(new int[] {1}, 2)).hasMessageContaining("spike count 2 outside 0..1");
        assertThatThrownBy(() -> sparsity.meanRateHz(0, 0)).hasMessageContaining("stepMs must be finite and > 0");
        assertThat(sparsity.steps()).isZero();
        assertThat(sparsity.spikes(0)).isZero();
        assertThatThrownBy(() -> new SpikeSparsity(0)).hasMessageContaining("neuronCount must be > 0, was 0");
    }
}
