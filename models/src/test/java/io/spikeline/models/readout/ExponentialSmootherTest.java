package io.spikeline.models.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class ExponentialSmootherTest {

    @Test
    void stepResponseFollowsTheFirstOrderLowPass() {
        // τ = 50 ms sampled every 10 ms: after k steps of a unit step the output is 1 − exp(−10k/50).
        ExponentialSmoother smoother = new ExponentialSmoother(new SmoothingParameters(2, 50, 10));
        float[] out = new float[2];
        smoother.smooth(new float[] {0, 3}, out);
        assertThat(out).containsExactly(0f, 3f);
        for (int k = 1; k <= 30; k++) {
            smoother.smooth(new float[] {1, 3}, out);
            assertThat((double) out[0]).isCloseTo(1 - Math.exp(-10.0 * k / 50), within(1e-6));
            assertThat(out[1]).isEqualTo(3f);
        }
    }

    @Test
    void reducesWhiteNoiseVarianceByAlphaOverTwoMinusAlpha() {
        SmoothingParameters parameters = new SmoothingParameters(1, 40, 1);
        ExponentialSmoother smoother = new ExponentialSmoother(parameters);
        SeededRandom random = new SeededRandom(1);
        float[] value = new float[1];
        double sum = 0;
        double sumSquares = 0;
        int n = 400_000;
        for (int t = 0; t < n + 1000; t++) {
            value[0] = (float) random.nextGaussian();
            smoother.smooth(value, value);
            if (t >= 1000) {
                sum += value[0];
                sumSquares += value[0] * value[0];
            }
        }
        double variance = sumSquares / n - (sum / n) * (sum / n);
        double alpha = parameters.alpha();
        assertThat(variance).isCloseTo(alpha / (2 - alpha), within(0.05 * alpha / (2 - alpha)));
    }

    @Test
    void resetLetsTheNextSamplePassAndRestoreContinuesBitForBit() throws Exception {
        SmoothingParameters parameters = new SmoothingParameters(3, 25, 5);
        ExponentialSmoother uninterrupted = new ExponentialSmoother(parameters);
        ExponentialSmoother interrupted = new ExponentialSmoother(parameters);
        SeededRandom random = new SeededRandom(2);
        float[] in = new float[3];
        float[] a = new float[3];
        float[] b = new float[3];
        for (int t = 0; t < 50; t++) {
            fill(random, in);
            uninterrupted.smooth(in, a);
            interrupted.smooth(in, b);
        }
        ExponentialSmoother restored = new ExponentialSmoother(parameters);
        Snapshots.restore(restored, Snapshots.toBytes(interrupted));
        for (int t = 0; t < 50; t++) {
            fill(random, in);
            uninterrupted.smooth(in, a);
            restored.smooth(in, b);
            assertThat(b).containsExactly(a);
        }
        restored.reset();
        fill(random, in);
        restored.smooth(in, b);
        assertThat(b).containsExactly(in);
    }

    private static void fill(SeededRandom random, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
    }

    @Test
    void invalidParametersAreRejectedByName() {
        assertThatThrownBy(() -> new SmoothingParameters(0, 10, 1)).hasMessageContaining("width must be > 0, was 0");
        assertThatThrownBy(() -> new SmoothingParameters(2, 0, 1))
                .hasMessageContaining("timeConstantMs must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> new SmoothingParameters(2, 10, Double.NaN))
                .hasMessageContaining("stepMs must be finite and > 0, was NaN");
        ExponentialSmoother smoother = new ExponentialSmoother(new SmoothingParameters(2, 10, 1));
        assertThatThrownBy(() -> smoother.smooth(new float[3], new float[2])).hasMessageContaining("width 2");
    }
}
