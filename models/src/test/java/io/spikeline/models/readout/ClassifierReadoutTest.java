package io.spikeline.models.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClassifierReadoutTest {
    private static final int CLASSES = 3;

    /**
     * Three classes at 120° around a centre offset from the origin (so the bias matters), each a disc of
     * radius 1 around a point at distance 3: separable by a margin of at least 0.5.
     */
    private static int sample(SeededRandom random, float[] x) {
        int label = random.nextInt(CLASSES);
        double angle = 2 * Math.PI * label / CLASSES;
        double r = Math.sqrt(random.nextDouble());
        double phi = 2 * Math.PI * random.nextDouble();
        x[0] = (float) (5 + 3 * Math.cos(angle) + r * Math.cos(phi));
        x[1] = (float) (-2 + 3 * Math.sin(angle) + r * Math.sin(phi));
        return label;
    }

    @ParameterizedTest
    @EnumSource(ClassifierRule.class)
    void learnsALinearlySeparableProblemToFullAccuracy(ClassifierRule rule) {
        ClassifierReadout classifier = new ClassifierReadout(
                new ClassifierParameters(2, CLASSES, rule, new StepSize.Normalised(0.5, 1e-6)));
        SeededRandom random = new SeededRandom(17);
        float[] x = new float[2];
        int earlyMistakes = 0;
        for (int t = 0; t < 5000; t++) {
            int label = sample(random, x);
            if (classifier.learn(x, label) != label && t < 100) {
                earlyMistakes++;
            }
        }
        float[] scores = new float[CLASSES];
        int correct = 0;
        for (int t = 0; t < 2000; t++) {
            int label = sample(random, x);
            int predicted = classifier.classify(x, scores);
            if (predicted == label) {
                correct++;
            }
            assertThat(scores[predicted]).isEqualTo(max(scores));
        }
        assertThat(earlyMistakes).isPositive();
        assertThat(correct).isEqualTo(2000);
    }

    private static float max(float[] values) {
        float best = values[0];
        for (float v : values) {
            best = Math.max(best, v);
        }
        return best;
    }

    @Test
    void perceptronUpdatesOnlyOnMistakesMovingTheTwoClassesApart() {
        ClassifierReadout classifier = new ClassifierReadout(
                new ClassifierParameters(2, CLASSES, ClassifierRule.PERCEPTRON, new StepSize.Constant(0.5)));
        // All scores tie at 0, so class 0 is predicted: a mistake for label 2.
        assertThat(classifier.learn(new float[] {1, -2}, 2)).isZero();
        assertThat(classifier.weight(2, 0)).isEqualTo(0.5);
        assertThat(classifier.weight(2, 1)).isEqualTo(-1.0);
        assertThat(classifier.bias(2)).isEqualTo(0.5);
        assertThat(classifier.weight(0, 0)).isEqualTo(-0.5);
        assertThat(classifier.bias(0)).isEqualTo(-0.5);
        assertThat(classifier.weight(1, 0)).isZero();
        // Now class 2 scores 0.5 + 2 + 0.5 = 3 on the same input: correct, so nothing changes.
        byte[] before = Snapshots.toBytes(classifier);
        assertThat(classifier.learn(new float[] {1, -2}, 2)).isEqualTo(2);
        assertThat(Snapshots.toBytes(classifier)).isEqualTo(before);
    }

    @Test
    void deltaRuleMovesEveryScoreTowardsTheOneHotTarget() {
        ClassifierReadout classifier = new ClassifierReadout(
                new ClassifierParameters(1, CLASSES, ClassifierRule.DELTA, new StepSize.Constant(0.25)));
        classifier.learn(new float[] {2}, 1);
        // e = (0, 1, 0), x̃ = (2, 1): only class 1 moves, by 0.25 · x̃.
        assertThat(classifier.weight(1, 0)).isEqualTo(0.5);
        assertThat(classifier.bias(1)).isEqualTo(0.25);
        classifier.learn(new float[] {2}, 0);
        // Scores before this step: (0, 1.25, 0); e = (1, -1.25, 0).
        assertThat(classifier.weight(0, 0)).isEqualTo(0.5);
        assertThat(classifier.weight(1, 0)).isEqualTo(0.5 - 0.25 * 1.25 * 2);
        assertThat(classifier.bias(1)).isEqualTo(0.25 - 0.25 * 1.25);
        assertThat(classifier.weight(2, 0)).isZero();
    }

    @Test
    void confidenceIsTheSoftmaxProbabilityAndDoesNotOverflow() {
        assertThat(ClassifierReadout.confidence(new float[] {1, 1, 1}, 2)).isCloseTo(1f / 3, within(1e-7f));
        assertThat(ClassifierReadout.confidence(new float[] {0, (float) Math.log(3)}, 1)).isCloseTo(0.75f, within(1e-7f));
        assertThat(ClassifierReadout.confidence(new float[] {1000, 0, -1000}, 0)).isEqualTo(1f);
        assertThat(ClassifierReadout.confidence(new float[] {1000, 0, -1000}, 2)).isZero();
    }

    @Test
    void restoredClassifierContinuesBitForBit() throws Exception {
        ClassifierParameters parameters = new ClassifierParameters(2, CLASSES, ClassifierRule.DELTA,
                new StepSize.Normalised(0.3, 1e-3));
        ClassifierReadout uninterrupted = new ClassifierReadout(parameters);
        ClassifierReadout interrupted = new ClassifierReadout(parameters);
        SeededRandom random = new SeededRandom(23);
        float[] x = new float[2];
        for (int t = 0; t < 200; t++) {
            int label = sample(random, x);
            uninterrupted.learn(x, label);
            interrupted.learn(x, label);
        }
        ClassifierReadout restored = new ClassifierReadout(parameters);
        Snapshots.restore(restored, Snapshots.toBytes(interrupted));
        float[] a = new float[CLASSES];
        float[] b = new float[CLASSES];
        for (int t = 0; t < 200; t++) {
            int label = sample(random, x);
            assertThat(restored.learn(x, Feedback.ofClass("camera-2", t, label))).isEqualTo(uninterrupted.learn(x, label));
            assertThat(restored.classify(x, a)).isEqualTo(uninterrupted.classify(x, b));
            assertThat(a).containsExactly(b);
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(uninterrupted));
    }

    @Test
    void invalidParametersAndLabelsAreRejected() {
        assertThatThrownBy(() -> new ClassifierParameters(2, 1, ClassifierRule.DELTA, new StepSize.Constant(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classCount must be >= 2, was 1");
        ClassifierReadout classifier = new ClassifierReadout(
                new ClassifierParameters(2, CLASSES, ClassifierRule.DELTA, new StepSize.Constant(0.1)));
        assertThatThrownBy(() -> classifier.learn(new float[2], 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes 0..2, got label 3");
        assertThatThrownBy(() -> classifier.learn(new float[2], Feedback.ofReward("k", 0, 1f)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learns from class labels");
        assertThatThrownBy(() -> classifier.classify(new float[2], new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the output array has 2");
    }
}
