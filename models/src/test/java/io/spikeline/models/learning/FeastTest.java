package io.spikeline.models.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class FeastTest {
    private static final int SIDE = 5;
    private static final FeastParameters PARAMETERS = new FeastParameters(6, SIDE * SIDE, 0.01, 0.01, 0.002);

    /** Horizontal, vertical, diagonal and anti-diagonal bars through the centre of a 5 × 5 patch. */
    private static float[][] bars() {
        float[][] patterns = new float[4][SIDE * SIDE];
        for (int k = 0; k < SIDE; k++) {
            patterns[0][2 * SIDE + k] = 1;
            patterns[1][k * SIDE + 2] = 1;
            patterns[2][k * SIDE + k] = 1;
            patterns[3][k * SIDE + (SIDE - 1 - k)] = 1;
        }
        return patterns;
    }

    /** A random pattern with Gaussian noise, as a time-surface patch would carry. */
    private static void noisyEvent(float[][] patterns, SeededRandom random, float[] into) {
        float[] pattern = patterns[random.nextInt(patterns.length)];
        for (int c = 0; c < into.length; c++) {
            into[c] = (float) Math.max(0, pattern[c] + 0.15 * random.nextGaussian());
        }
    }

    private static void present(Feast feast, SeededRandom random, int events) {
        float[][] patterns = bars();
        float[] event = new float[SIDE * SIDE];
        for (int e = 0; e < events; e++) {
            noisyEvent(patterns, random, event);
            feast.learn(event);
        }
    }

    private static double cosine(float[] weights, int neuron, float[] pattern) {
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int c = 0; c < pattern.length; c++) {
            double w = weights[neuron * pattern.length + c];
            dot += w * pattern[c];
            a += w * w;
            b += (double) pattern[c] * pattern[c];
        }
        return dot / Math.sqrt(a * b);
    }

    @Test
    void neuronsConvergeToDistinctBarFeatures() {
        Feast feast = new Feast(PARAMETERS, new SeededRandom(77));
        float[][] patterns = bars();
        double[] before = new double[patterns.length];
        for (int p = 0; p < patterns.length; p++) {
            before[p] = cosine(feast.weights(), feast.bestMatch(patterns[p]), patterns[p]);
        }
        present(feast, new SeededRandom(78), 20_000);
        boolean[] taken = new boolean[PARAMETERS.neuronCount()];
        for (int p = 0; p < patterns.length; p++) {
            int neuron = feast.bestMatch(patterns[p]);
            assertThat(taken[neuron]).as("neuron %d already matches another bar", neuron).isFalse();
            taken[neuron] = true;
            assertThat(cosine(feast.weights(), neuron, patterns[p])).as("bar %d", p).isGreaterThan(0.9)
                    .isGreaterThan(before[p]);
        }
    }

    @Test
    void winnerMovesTowardTheContextAndOpensItsThresholdWhileAMissClosesAll() {
        Feast feast = new Feast(new FeastParameters(3, 4, 0.5, 0.2, 0.05), new SeededRandom(3));
        float[] context = {1, 0, 0, 0};
        int best = feast.bestMatch(context);
        double similarity = cosine(feast.weights(), best, context);
        float[] expectedWeights = new float[4];
        double norm = 0;
        for (int c = 0; c < 4; c++) {
            double w = feast.weights()[best * 4 + c];
            expectedWeights[c] = (float) (w + 0.5 * (context[c] - w));
            norm += (double) expectedWeights[c] * expectedWeights[c];
        }
        assertThat(feast.learn(context)).isEqualTo(best);
        for (int c = 0; c < 4; c++) {
            assertThat(feast.weights()[best * 4 + c]).isCloseTo((float) (expectedWeights[c] / Math.sqrt(norm)),
                    within(1e-6f));
        }
        assertThat(cosine(feast.weights(), best, context)).isGreaterThan(similarity);
        assertThat(feast.thresholds()[best]).isEqualTo(0.2f);

        // a context orthogonal to every weight (all weights are non-negative) cannot beat a threshold ≥ 0
        float[] thresholds = feast.thresholds().clone();
        assertThat(feast.learn(new float[] {0, 0, 0, 0})).isEqualTo(-1);
        for (int n = 0; n < 3; n++) {
            assertThat(feast.thresholds()[n]).isEqualTo(thresholds[n] - 0.05f);
        }
    }

    @Test
    void snapshotRestoreAndContinueEqualsAnUninterruptedRun() throws Exception {
        Feast reference = new Feast(PARAMETERS, new SeededRandom(5));
        present(reference, new SeededRandom(6), 3000);

        Feast first = new Feast(PARAMETERS, new SeededRandom(5));
        SeededRandom events = new SeededRandom(6);
        present(first, events, 1000);
        Feast restored = new Feast(PARAMETERS, new SeededRandom(999));
        SeededRandom restoredEvents = new SeededRandom(0);
        Snapshots.restore(restored, Snapshots.toBytes(first));
        Snapshots.restore(restoredEvents, Snapshots.toBytes(events));
        present(restored, restoredEvents, 2000);

        assertThat(restored.weights()).containsExactly(reference.weights());
        assertThat(restored.thresholds()).containsExactly(reference.thresholds());
    }

    @Test
    void invalidParametersAndContextsAreRejected() {
        assertThatThrownBy(() -> new FeastParameters(4, 9, 1.5, 0.01, 0.001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new FeastParameters(0, 9, 0.1, 0.01, 0.001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neuronCount");
        Feast feast = new Feast(PARAMETERS, new SeededRandom(1));
        assertThatThrownBy(() -> feast.learn(new float[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 values");
    }
}
