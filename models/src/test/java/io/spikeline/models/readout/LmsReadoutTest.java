package io.spikeline.models.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class LmsReadoutTest {
    private static final int INPUTS = 5;
    private static final int OUTPUTS = 2;

    /** A fixed affine map y = A x + c with entries in [-1, 1). */
    private static final class TrueMap {
        final double[][] a = new double[OUTPUTS][INPUTS];
        final double[] c = new double[OUTPUTS];

        TrueMap(SeededRandom random) {
            for (int o = 0; o < OUTPUTS; o++) {
                for (int i = 0; i < INPUTS; i++) {
                    a[o][i] = 2 * random.nextDouble() - 1;
                }
                c[o] = 2 * random.nextDouble() - 1;
            }
        }

        void sample(SeededRandom random, double noise, float[] x, float[] y) {
            for (int i = 0; i < INPUTS; i++) {
                x[i] = (float) random.nextGaussian();
            }
            for (int o = 0; o < OUTPUTS; o++) {
                double v = c[o];
                for (int i = 0; i < INPUTS; i++) {
                    v += a[o][i] * x[i];
                }
                y[o] = (float) (v + noise * random.nextGaussian());
            }
        }
    }

    @Test
    void normalisedLmsRecoversAKnownLinearMapFromNoisyDataWithFallingError() {
        SeededRandom random = new SeededRandom(2024);
        TrueMap truth = new TrueMap(random);
        LmsReadout lms = new LmsReadout(new LmsParameters(INPUTS, OUTPUTS, new StepSize.Normalised(0.05, 1e-6)));
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        double early = 0;
        double late = 0;
        int steps = 20_000;
        for (int t = 0; t < steps; t++) {
            truth.sample(random, 0.05, x, y);
            double error = lms.learn(x, y);
            if (t < 200) {
                early += error;
            } else if (t >= steps - 2000) {
                late += error;
            }
        }
        early /= 200;
        late /= 2000;
        // The a-priori error falls to the noise floor OUTPUTS * 0.05² plus a small misadjustment.
        assertThat(late).isLessThan(early / 50).isLessThan(1.5 * OUTPUTS * 0.05 * 0.05);
        for (int o = 0; o < OUTPUTS; o++) {
            for (int i = 0; i < INPUTS; i++) {
                assertThat(lms.weight(o, i)).isCloseTo(truth.a[o][i], within(0.02));
            }
            assertThat(lms.bias(o)).isCloseTo(truth.c[o], within(0.02));
        }
    }

    @Test
    void plainLmsRecoversTheMapWithAStepBelowTheStabilityLimit() {
        SeededRandom random = new SeededRandom(7);
        TrueMap truth = new TrueMap(random);
        // Unit-variance features and the bias: E[x̃ x̃ᵀ] = I, so any 0 < μ < 2 is stable in the mean.
        LmsReadout lms = new LmsReadout(new LmsParameters(INPUTS, OUTPUTS, new StepSize.Constant(0.01)));
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        for (int t = 0; t < 20_000; t++) {
            truth.sample(random, 0.05, x, y);
            lms.learn(x, y);
        }
        for (int o = 0; o < OUTPUTS; o++) {
            for (int i = 0; i < INPUTS; i++) {
                assertThat(lms.weight(o, i)).isCloseTo(truth.a[o][i], within(0.02));
            }
            assertThat(lms.bias(o)).isCloseTo(truth.c[o], within(0.02));
        }
    }

    @Test
    void oneStepFollowsTheUpdateEquation() {
        // From W̃ = 0: e = y, and W̃ = η y x̃ᵀ with x̃ = [1, 2, 1], |x̃|² = 6.
        LmsReadout plain = new LmsReadout(new LmsParameters(2, 1, new StepSize.Constant(0.125)));
        assertThat(plain.learn(new float[] {1, 2}, new float[] {4})).isEqualTo(16.0);
        assertThat(plain.weight(0, 0)).isEqualTo(0.5);
        assertThat(plain.weight(0, 1)).isEqualTo(1.0);
        assertThat(plain.bias(0)).isEqualTo(0.5);
        float[] out = new float[1];
        plain.predict(new float[] {1, 2}, out);
        assertThat(out[0]).isEqualTo(0.5f + 2f + 0.5f);

        LmsReadout normalised = new LmsReadout(new LmsParameters(2, 1, new StepSize.Normalised(1.0, 2.0)));
        normalised.learn(new float[] {1, 2}, new float[] {4});
        // η = 1 / (2 + 6) = 1/8: the same step as above.
        assertThat(normalised.weight(0, 1)).isEqualTo(1.0);
        // μ = 1 with ε → 0 would fit this sample exactly; with ε = 2 it moves 6/8 of the way.
        normalised.predict(new float[] {1, 2}, out);
        assertThat(out[0]).isEqualTo(3f);
    }

    @Test
    void feedbackTargetsLearnExactlyLikeArrays() {
        LmsReadout fromArrays = new LmsReadout(new LmsParameters(INPUTS, OUTPUTS, new StepSize.Normalised(0.1, 1e-3)));
        LmsReadout fromFeedback = new LmsReadout(new LmsParameters(INPUTS, OUTPUTS, new StepSize.Normalised(0.1, 1e-3)));
        SeededRandom random = new SeededRandom(5);
        TrueMap truth = new TrueMap(random);
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        for (int t = 0; t < 100; t++) {
            truth.sample(random, 0.1, x, y);
            double a = fromArrays.learn(x, y);
            double b = fromFeedback.learn(x, Feedback.ofVector("k", t, y));
            assertThat(b).isEqualTo(a);
        }
        assertThat(Snapshots.toBytes(fromFeedback)).isEqualTo(Snapshots.toBytes(fromArrays));
    }

    @Test
    void restoredReadoutContinuesBitForBit() throws Exception {
        LmsParameters parameters = new LmsParameters(INPUTS, OUTPUTS, new StepSize.Normalised(0.2, 1e-6));
        LmsReadout uninterrupted = new LmsReadout(parameters);
        LmsReadout interrupted = new LmsReadout(parameters);
        SeededRandom random = new SeededRandom(99);
        TrueMap truth = new TrueMap(random);
        float[] x = new float[INPUTS];
        float[] y = new float[OUTPUTS];
        for (int t = 0; t < 300; t++) {
            truth.sample(random, 0.1, x, y);
            uninterrupted.learn(x, y);
            interrupted.learn(x, y);
        }
        LmsReadout restored = new LmsReadout(parameters);
        Snapshots.restore(restored, Snapshots.toBytes(interrupted));
        float[] a = new float[OUTPUTS];
        float[] b = new float[OUTPUTS];
        for (int t = 0; t < 300; t++) {
            truth.sample(random, 0.1, x, y);
            assertThat(restored.learn(x, y)).isEqualTo(uninterrupted.learn(x, y));
            restored.predict(x, a);
            uninterrupted.predict(x, b);
            assertThat(a).containsExactly(b);
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(uninterrupted));

        LmsReadout otherShape = new LmsReadout(new LmsParameters(INPUTS + 1, OUTPUTS, parameters.step()));
        assertThatThrownBy(() -> Snapshots.restore(otherShape, Snapshots.toBytes(uninterrupted)))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("input count = 5 but this instance has 6");
    }

    @Test
    void invalidParametersAndInputsAreRejectedByName() {
        assertThatThrownBy(() -> new LmsParameters(0, 2, new StepSize.Constant(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputCount must be > 0, was 0");
        assertThatThrownBy(() -> new StepSize.Constant(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate must be finite and > 0, was -1.0");
        assertThatThrownBy(() -> new StepSize.Normalised(0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epsilon must be finite and > 0, was 0.0");
        LmsReadout lms = new LmsReadout(new LmsParameters(2, 1, new StepSize.Constant(0.1)));
        assertThatThrownBy(() -> lms.learn(new float[3], new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expects 2 features, got 3");
        assertThatThrownBy(() -> lms.learn(new float[] {1, Float.NaN}, new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature 1 is NaN");
        assertThatThrownBy(() -> lms.learn(new float[2], new float[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the target has 2");
        assertThatThrownBy(() -> lms.learn(new float[2], Feedback.ofClass("k", 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learns from vector targets");
        assertThat(lms.weight(0, 1)).isZero();
    }
}
