package io.spikeline.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    // Ten samples of three classes; class 2 never predicted, class 3 of four never occurs.
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 2, 2, 0};
    private static final int[] PREDICTED = {0, 0, 1, 0, 1, 1, 0, 1, 0, 0};

    private static ConfusionMatrix example() {
        ConfusionMatrix matrix = new ConfusionMatrix(4);
        matrix.addAll(TRUTH, PREDICTED, TRUTH.length);
        return matrix;
    }

    @Test
    void countsEveryPairExactly() {
        ConfusionMatrix matrix = example();
        long[][] expected = {
            {4, 1, 0, 0},
            {1, 2, 0, 0},
            {1, 1, 0, 0},
            {0, 0, 0, 0},
        };
        for (int t = 0; t < 4; t++) {
            for (int p = 0; p < 4; p++) {
                assertThat(matrix.count(t, p)).as("count(%d, %d)", t, p).isEqualTo(expected[t][p]);
            }
        }
        assertThat(matrix.total()).isEqualTo(10);
        assertThat(matrix.correct()).isEqualTo(6);
        assertThat(matrix.support(0)).isEqualTo(5);
        assertThat(matrix.predictedCount(0)).isEqualTo(6);
        assertThat(matrix.accuracy()).isEqualTo(0.6);
    }

    @Test
    void perClassAndAveragedScoresFollowTheirDefinitions() {
        ConfusionMatrix matrix = example();
        // Class 0: TP 4, FP 2, FN 1. Class 1: TP 2, FP 2, FN 1. Class 2: TP 0, FP 0, FN 2. Class 3: absent.
        assertThat(matrix.precision(0)).isEqualTo(4.0 / 6);
        assertThat(matrix.recall(0)).isEqualTo(4.0 / 5);
        assertThat(matrix.f1(0)).isEqualTo(8.0 / 11);
        assertThat(matrix.precision(1)).isEqualTo(2.0 / 4);
        assertThat(matrix.recall(1)).isEqualTo(2.0 / 3);
        assertThat(matrix.f1(1)).isEqualTo(4.0 / 7);
        assertThat(matrix.precision(2)).isZero();
        assertThat(matrix.recall(2)).isZero();
        assertThat(matrix.f1(2)).isZero();
        assertThat(matrix.f1(3)).isZero();
        // F1 is the harmonic mean of precision and recall.
        double p = matrix.precision(0);
        double r = matrix.recall(0);
        assertThat(matrix.f1(0)).isCloseTo(2 * p * r / (p + r), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(matrix.balancedAccuracy()).isEqualTo((4.0 / 5 + 2.0 / 3 + 0.0) / 3);
        assertThat(matrix.macroF1()).isEqualTo((8.0 / 11 + 4.0 / 7 + 0.0) / 3);
    }

    @Test
    void emptyMatrixHasNoScoresAndResetEmpties() {
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        assertThat(matrix.accuracy()).isNaN();
        assertThat(matrix.balancedAccuracy()).isNaN();
        assertThat(matrix.macroF1()).isNaN();
        ConfusionMatrix filled = example();
        filled.reset();
        assertThat(filled.total()).isZero();
    }

    @Test
    void pairsAddedOneByOneEqualABlockAndSnapshotsContinue() throws Exception {
        SeededRandom random = new SeededRandom(5);
        int n = 1000;
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(5);
            predicted[i] = random.nextDouble() < 0.7 ? truth[i] : random.nextInt(5);
        }
        ConfusionMatrix block = new ConfusionMatrix(5);
        block.addAll(truth, predicted, n);
        ConfusionMatrix first = new ConfusionMatrix(5);
        ConfusionMatrix restored = new ConfusionMatrix(5);
        for (int i = 0; i < n; i++) {
            (i < 400 ? first : restored).add(truth[i], predicted[i]);
            if (i == 399) {
                Snapshots.restore(restored, Snapshots.toBytes(first));
            }
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(block));
        long agree = 0;
        for (int i = 0; i < n; i++) {
            agree += truth[i] == predicted[i] ? 1 : 0;
        }
        assertThat(restored.correct()).isEqualTo(agree);
        assertThatThrownBy(() -> Snapshots.restore(new ConfusionMatrix(4), Snapshots.toBytes(block)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("class count = 5 but this instance has 4");
    }

    @Test
    void labelsOutsideTheClassesAreRejectedBeforeAnythingIsCounted() {
        ConfusionMatrix matrix = new ConfusionMatrix(3);
        assertThatThrownBy(() -> matrix.add(3, 0)).hasMessageContaining("true class 3 outside 0..2");
        assertThatThrownBy(() -> matrix.addAll(new int[] {0, 1, 2}, new int[] {0, -1, 2}, 3))
                .hasMessageContaining("predicted class -1 outside 0..2");
        assertThat(matrix.total()).isZero();
        assertThatThrownBy(() -> new ConfusionMatrix(1)).hasMessageContaining("classCount must lie in 2..46340, was 1");
    }
}
