package io.spikeline.models.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void sparseSpikePropagationEqualsDenseMatrixProduct() {
        SeededRandom random = new SeededRandom(11);
        CsrWeights sparse = CsrWeights.random(50, 40, 0.2, -1f, 1f, random);
        DenseWeights dense = new DenseWeights(50, 40);
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 40; j++) {
                dense.set(i, j, sparse.get(i, j));
            }
        }
        int[] active = {3, 17, 49};
        float[] fromSparse = new float[40];
        float[] fromDense = new float[40];
        long ops = sparse.propagateSpikes(active, active.length, fromSparse);
        dense.propagateSpikes(active, active.length, fromDense);
        for (int j = 0; j < 40; j++) {
            assertThat(fromSparse[j]).isCloseTo(fromDense[j], org.assertj.core.api.Assertions.within(1e-6f));
        }
        int expectedOps = 0;
        for (int i : active) {
            expectedOps += sparse.rowOffsets()[i + 1] - sparse.rowOffsets()[i];
        }
        assertThat(ops).isEqualTo(expectedOps);
        assertThat(sparse.synapseCount()).isBetween(300, 500);
    }

    @Test
    void columnIndexListsExactlyTheSynapsesReachingEachNeuron() {
        CsrWeights w = CsrWeights.random(30, 20, 0.3, 0f, 1f, new SeededRandom(3));
        int seen = 0;
        for (int j = 0; j < 20; j++) {
            for (int k = w.columnOffsets()[j]; k < w.columnOffsets()[j + 1]; k++) {
                int s = w.columnSynapses()[k];
                assertThat(w.postIndex()[s]).isEqualTo(j);
                int pre = w.preOf(s);
                assertThat(s).isBetween(w.rowOffsets()[pre], w.rowOffsets()[pre + 1] - 1);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(w.synapseCount());
    }

    @Test
    void weightsRoundTripThroughSnapshotsAndRejectOtherShapes() throws Exception {
        CsrWeights w = CsrWeights.random(10, 10, 0.5, 0f, 1f, new SeededRandom(9));
        CsrWeights copy = CsrWeights.random(10, 10, 0.5, 0f, 1f, new SeededRandom(9));
        w.weights()[0] = 0.123f;
        Snapshots.restore(copy, Snapshots.toBytes(w));
        assertThat(copy.weights()).containsExactly(w.weights());

        DenseWeights small = new DenseWeights(2, 3);
        DenseWeights other = new DenseWeights(3, 3);
        assertThatThrownBy(() -> Snapshots.restore(other, Snapshots.toBytes(small)))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("presynaptic count = 2 but this instance has 3");
    }

    @Test
    void malformedConnectivityIsRejected() {
        assertThatThrownBy(() -> new CsrWeights(2, 3, new int[] {0, 2, 3}, new int[] {1, 1, 0}, new float[3]))
                .hasMessageContaining("increasing, distinct");
        assertThatThrownBy(() -> new CsrWeights(2, 3, new int[] {0, 1, 2}, new int[] {0, 3}, new float[2]))
                .hasMessageContaining("targets 3");
    }
}
