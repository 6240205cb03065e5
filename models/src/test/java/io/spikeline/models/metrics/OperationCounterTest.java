package io.spikeline.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.synapse.CsrWeights;
import io.spikeline.models.synapse.DenseWeights;
import org.junit.jupiter.api.Test;

class OperationCounterTest {

    @Test
    void energyIsTheWeightedSumOfTheCounts() {
        OperationCounter counter = new OperationCounter();
        counter.addSynOps(1000);
        counter.addSynOps(24);
        counter.addMacs(40);
        counter.addNeuronUpdates(300);
        // Costs exact in binary, so the sum is exact: 1024 · 0.5 + 40 · 4.25 + 300 · 1.125.
        EnergyCosts costs = new EnergyCosts(0.5, 4.25, 1.125);
        assertThat(counter.energyPj(costs)).isEqualTo(512.0 + 170.0 + 337.5);
        assertThat(new EnergyCosts(0.5, 0, 0).energyPj(3, 1_000_000, 7)).isEqualTo(1.5);
        assertThat(new EnergyCosts(0, 0, 2).energyPj(3, 5, 7)).isEqualTo(14.0);
    }

    @Test
    void defaultCostsAreTheHorowitzFloatFigures() {
        EnergyCosts costs = EnergyCosts.HOROWITZ_45NM_FP32;
        assertThat(costs.synOpPj()).isEqualTo(0.9);
        assertThat(costs.macPj()).isCloseTo(4.6, within(1e-12));
        assertThat(costs.neuronUpdatePj()).isCloseTo(5.5, within(1e-12));
        // A million SynOps at 0.9 pJ each: 0.9 µJ.
        assertThat(costs.energyPj(1_000_000, 0, 0)).isCloseTo(9e5, within(1e-6));
    }

    @Test
    void countsTheOperationsTheWeightMatricesReport() {
        OperationCounter counter = new OperationCounter();
        DenseWeights dense = new DenseWeights(10, 20);
        float[] post = new float[20];
        counter.addSynOps(dense.propagateSpikes(new int[] {1, 4, 7}, 3, post));
        float[] activity = new float[10];
        activity[0] = 0.5f;
        activity[3] = 1f;
        activity[9] = -2f;
        counter.addMacs(dense.propagateGraded(activity, post));
        CsrWeights sparse = CsrWeights.random(10, 20, 0.3, 0f, 1f, new SeededRandom(1));
        int[] active = {2, 5};
        counter.addSynOps(sparse.propagateSpikes(active, 2, post));
        counter.addNeuronUpdates(20);
        long sparseRows = (sparse.rowOffsets()[3] - sparse.rowOffsets()[2]) + (sparse.rowOffsets()[6] - sparse.rowOffsets()[5]);
        assertThat(counter.synOps()).isEqualTo(3 * 20 + sparseRows);
        assertThat(counter.macs()).isEqualTo(3 * 20);
        assertThat(counter.neuronUpdates()).isEqualTo(20);
    }

    @Test
    void snapshotsRoundTripAndInvalidInputsAreRejected() throws Exception {
        OperationCounter counter = new OperationCounter();
        counter.addSynOps(5);
        counter.addMacs(6);
        counter.addNeuronUpdates(7);
        OperationCounter restored = new OperationCounter();
        Snapshots.restore(restored, Snapshots.toBytes(counter));
        restored.addSynOps(1);
        counter.addSynOps(1);
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(counter));
        assertThat(restored.synOps()).isEqualTo(6);
        restored.reset();
        assertThat(restored.energyPj(EnergyCosts.HOROWITZ_45NM_FP32)).isZero();
        assertThatThrownBy(() -> counter.addMacs(-1)).hasMessageContaining("MACs to add must be >= 0, was -1");
        assertThatThrownBy(() -> new EnergyCosts(0.9, Double.NaN, 1)).hasMessageContaining("macPj must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> new EnergyCosts(-0.1, 1, 1)).hasMessageContaining("synOpPj must be finite and >= 0, was -0.1");
    }
}
