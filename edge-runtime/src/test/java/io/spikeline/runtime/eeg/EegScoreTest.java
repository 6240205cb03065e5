package io.spikeline.runtime.eeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

class EegScoreTest {
    /** 12 s in frames of 256 ms: 46.875, rounded to 47 frames. */
    private static final EegSettings TWELVE_SECONDS = EegSettings.defaults().withSeconds(12);
    private static final long FRAME_US = 256_000;

    private static int truth(int i) {
        return (i / 10) % 2;
    }

    /** Wrong on every third frame of the first 30, and on frame 40. */
    private static int predicted(int i) {
        boolean wrong = (i < 30 && i % 3 == 0) || i == 40;
        return wrong ? 1 - truth(i) : truth(i);
    }

    private static Either<Decoding, Feedback> decoding(int i, int classId, long latencyUs) {
        return Either.Left(new Decoding(EegSettings.SOURCE_KEY, i * FRAME_US, new float[] {0, 1}, classId, 0.9f, 0,
                latencyUs));
    }

    private static Either<Decoding, Feedback> feedback(int i) {
        return Either.Right(Feedback.ofClass(EegSettings.SOURCE_KEY, i * FRAME_US, truth(i)));
    }

    @Test
    void decodesAndTheirStatesAreMatchedByEventTimeInWhicheverOrderTheyArrive() {
        EegScore score = new EegScore(TWELVE_SECONDS);
        int n = 47;
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                score.add(feedback(i));
                score.add(decoding(i, predicted(i), 100 + i));
            } else {
                score.add(decoding(i, predicted(i), 100 + i));
                score.add(feedback(i));
            }
            assertThat(score.count()).isEqualTo(i + 1);
        }
        assertThat(score.complete()).isTrue();
        // Frames 0, 3, ..., 27 (ten) and frame 40 are wrong.
        assertThat(score.accuracy(0, n)).isEqualTo((n - 11) / (double) n);
        assertThat(score.accuracy(30, n)).isEqualTo(16 / 17.0);
        ConfusionMatrix m = score.confusion(0, 30);
        int[][] expected = new int[2][2];
        for (int i = 0; i < 30; i++) {
            expected[truth(i)][predicted(i)]++;
        }
        for (int t = 0; t < 2; t++) {
            for (int p = 0; p < 2; p++) {
                assertThat(m.count(t, p)).as("true %d, decoded %d", t, p).isEqualTo(expected[t][p]);
            }
        }
        // Windows of 10 s hold 39 frames: one complete, then a rest of 8 frames, too few to be plotted.
        double[] curve = score.accuracyCurve();
        assertThat(curve).containsExactly(score.accuracy(0, 39));
        assertThat(score.currentAccuracy()).isEqualTo(curve[0]);
        assertThat(score.latencyQuantileUs(0)).isEqualTo(100);
        assertThat(score.latencyQuantileUs(1)).isEqualTo(146);
        assertThat(score.latencyQuantileUs(0.5)).isEqualTo(123);
    }

    @Test
    void theCurrentAccuracyWaitsForTheFirstWindowToClose() {
        EegScore score = new EegScore(TWELVE_SECONDS);
        for (int i = 0; i < 38; i++) {
            score.add(feedback(i));
            score.add(decoding(i, truth(i), 1));
        }
        assertThat(score.currentAccuracy()).isNaN();
        score.add(decoding(38, 1 - truth(38), 1));
        assertThat(score.currentAccuracy()).isNaN();
        score.add(feedback(38));
        assertThat(score.currentAccuracy()).isEqualTo(38 / 39.0);
        assertThat(score.complete()).isFalse();
        assertThat(score.accuracyCurve()).containsExactly(38 / 39.0);
    }

    @Test
    void aTrailingPartialWindowOfAtLeastHalfAWindowIsPlotted() {
        // 16 s in frames of 256 ms: 62.5, rounded to 63 frames, so 39 and a rest of 24.
        EegScore score = new EegScore(EegSettings.defaults().withSeconds(16));
        for (int i = 0; i < 63; i++) {
            score.add(feedback(i));
            score.add(decoding(i, i == 50 ? 1 - truth(i) : truth(i), 1));
        }
        assertThat(score.complete()).isTrue();
        assertThat(score.accuracyCurve()).containsExactly(1.0, 23 / 24.0);
    }

    @Test
    void aSecondDecodingOfAFrameOrOneOffTheFrameGridIsAnError() {
        EegScore score = new EegScore(TWELVE_SECONDS);
        score.add(decoding(3, 0, 1));
        assertThatThrownBy(() -> score.add(decoding(3, 1, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two decodings at 768000 us");
        assertThatThrownBy(() -> score.add(Either.Right(Feedback.ofClass(EegSettings.SOURCE_KEY, 1000, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a record at 1000 us is not at the start of one of the 47 frames of 256000 us");
        assertThatThrownBy(() -> score.add(decoding(47, 0, 1))).isInstanceOf(IllegalStateException.class);
        score.add(slope(16, -1));
        assertThatThrownBy(() -> score.add(slope(16, -1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two aperiodic slopes at 4096000 us");
    }

    /** An aperiodic slope decoding (no class) of the window starting at frame {@code i}. */
    private static Either<Decoding, Feedback> slope(int i, float meanSlope) {
        return Either.Left(new Decoding(EegSettings.SOURCE_KEY, i * FRAME_US, new float[] {meanSlope, meanSlope},
                Decoding.NO_CLASS, Float.NaN, 0, 1));
    }

    @Test
    void aperiodicExponentsAreAveragedOverTheRunAndOverWindowsHeldInOneState() {
        EegScore score = new EegScore(TWELVE_SECONDS);
        int window = EegJob.APERIODIC_WINDOW_FRAMES;
        assertThat(score.meanAperiodicExponent()).isNaN();
        // Open throughout the first window, closed throughout the second, changing state inside the third.
        for (int i = 0; i < 47; i++) {
            int state = i < window ? 0 : i < 2 * window ? 1 : (i < 2 * window + 4 ? 0 : 1);
            score.add(Either.Right(Feedback.ofClass(EegSettings.SOURCE_KEY, i * FRAME_US, state)));
        }
        score.add(slope(2 * window, -0.5f));
        score.add(slope(0, -1.0f));
        score.add(slope(window, -2.0f));
        assertThat(score.aperiodicWindows()).isEqualTo(3);
        assertThat(score.meanAperiodicExponent()).isCloseTo(3.5 / 3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(score.meanAperiodicExponent(0)).isEqualTo(1.0);
        assertThat(score.meanAperiodicExponent(1)).isEqualTo(2.0);
        assertThat(score.count()).isZero();
    }

    /** An aperiodic slope decoding of the window starting at frame {@code i}, with each channel's slope. */
    private static Either<Decoding, Feedback> slopes(int i, float... channelSlopes) {
        float[] output = new float[1 + channelSlopes.length];
        for (int c = 0; c < channelSlopes.length; c++) {
            output[1 + c] = channelSlopes[c];
            output[0] += channelSlopes[c] / channelSlopes.length;
        }
        return Either.Left(new Decoding(EegSettings.SOURCE_KEY, i * FRAME_US, output, Decoding.NO_CLASS, Float.NaN, 0,
                1));
    }

    @Test
    void aperiodicExponentsCarryTheirStandardErrorsAndEachChannelsMean() {
        EegScore score = new EegScore(EegSettings.defaults().withSeconds(30));
        int window = EegJob.APERIODIC_WINDOW_FRAMES;
        for (int i = 0; i < 117; i++) {
            score.add(Either.Right(Feedback.ofClass(EegSettings.SOURCE_KEY, i * FRAME_US, 0)));
        }
        assertThat(score.channelAperiodicExponents()).isEmpty();
        score.add(slopes(0, -1.0f, -3.0f));
        assertThat(score.aperiodicStandardError(0)).as("one window has no spread").isNaN();
        score.add(slopes(window, -1.5f, -3.5f));
        score.add(slopes(2 * window, -2.0f, -4.0f));
        // Means over channels 2, 2.5 and 3: standard deviation 0.5, over three windows.
        assertThat(score.meanAperiodicExponent(0)).isCloseTo(2.5, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(score.aperiodicWindows(0)).isEqualTo(3);
        assertThat(score.aperiodicStandardError(0)).isCloseTo(0.5 / Math.sqrt(3),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(score.aperiodicWindows(1)).isZero();
        assertThat(score.meanAperiodicExponent(1)).isNaN();
        assertThat(score.channelAperiodicExponents()).containsExactly(new double[] {1.5, 3.5},
                org.assertj.core.api.Assertions.within(1e-6));
    }
}
