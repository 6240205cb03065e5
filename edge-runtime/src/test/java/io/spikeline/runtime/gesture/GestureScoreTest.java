package io.spikeline.runtime.gesture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

/**
 * The score on hand-made decodes: with the default sampler, a sample lasts 1 s from its onset and is decoded every
 * 100 ms (windows at onset + 0, 100, …, 900 ms), and its label is stamped at onset + 900 ms.
 */
class GestureScoreTest {
    private static final String KEY = GestureSettings.SOURCE_KEY;
    private static final GestureSettings SETTINGS = GestureSettings.defaults().withConfidenceThreshold(0.9);

    private static Either<Decoding, Feedback> decode(long timeUs, int classId, double confidence, long latencyUs) {
        return Either.Left(new Decoding(KEY, timeUs, new float[12], classId, (float) confidence, 1000,
                1000 + latencyUs));
    }

    private static Either<Decoding, Feedback> label(long onsetUs, int classId) {
        return Either.Right(Feedback.ofClass(KEY, onsetUs + 900_000, classId));
    }

    /** The ten decodes of a sample from {@code onsetUs}: class {@code classId}, confident from window {@code from}. */
    private static void sample(GestureScore score, long onsetUs, int classId, int confidentFrom) {
        for (int j = 0; j < 10; j++) {
            score.add(decode(onsetUs + j * 100_000L, j < confidentFrom ? 0 : classId,
                    j < confidentFrom ? 0.3 : 0.95, 10 * (j + 1)));
        }
    }

    @Test
    void eachGestureIsDecidedByItsLastWindowAndTimedByItsFirstConfidentOne() {
        GestureScore score = new GestureScore(SETTINGS);
        // Gesture 1 (class 4): confident from window 3, decided right at 400 ms.
        sample(score, 1_000_000, 4, 3);
        score.add(label(1_000_000, 4));
        // Gesture 2 (class 5), label before its decodes: never confident, decided wrong (class 0) at 1000 ms.
        score.add(label(3_000_000, 5));
        assertThat(score.count()).isEqualTo(1);
        assertThat(score.unmatchedLabels()).isEqualTo(1);
        sample(score, 3_000_000, 5, 10);
        // Gesture 3 (class 7): confident from window 0, decided wrong (class 6) at 100 ms.
        sample(score, 5_000_000, 6, 0);
        score.add(label(5_000_000, 7));
        // A sample without a label (a false onset) is not scored.
        sample(score, 7_000_000, 2, 0);

        assertThat(score.count()).isEqualTo(3);
        assertThat(score.unmatchedLabels()).isZero();
        assertThat(score.accuracy(0, 3)).isEqualTo(1 / 3.0);
        assertThat(score.confusion(0, 3).count(4, 4)).isEqualTo(1);
        assertThat(score.confusion(0, 3).count(5, 0)).isEqualTo(1);
        assertThat(score.confusion(0, 3).count(7, 6)).isEqualTo(1);
        assertThat(score.earlyDecisionMs()).containsExactly(400, 100);
        assertThat(score.earlyCount(0, 3)).isEqualTo(2);
        assertThat(score.meanDecisionMs(0, 3)).isEqualTo((400 + 1000 + 100) / 3.0);
        assertThat(score.accuracyWhenEarly(0, 3, true)).isEqualTo(0.5);
        assertThat(score.accuracyWhenEarly(0, 3, false)).isEqualTo(0.0);
        // The third gesture's sample ends at 6 s.
        assertThat(score.signalSeconds()).isEqualTo(6.0);
        // 40 decodes with latencies 10, 20, ..., 100 us, four of each: the median is 50, p99 100.
        assertThat(score.latencies()).hasSize(40);
        assertThat(score.latencyQuantileUs(0.5)).isEqualTo(50);
        assertThat(score.latencyQuantileUs(0.99)).isEqualTo(100);
    }

    @Test
    void accuracyCurveAndCurrentAccuracyFollowWindowsOfSignalTime() {
        GestureScore score = new GestureScore(SETTINGS);
        // One gesture every 2 s: 30 per 60 s window. First window all wrong, second all right.
        for (int g = 0; g < 60; g++) {
            long onsetUs = g * 2_000_000L;
            sample(score, onsetUs, g < 30 ? 1 : 2, 9);
            score.add(label(onsetUs, 2));
            if (g == 29) {
                assertThat(score.currentAccuracy()).as("no window complete yet").isNaN();
            }
            if (g == 30) {
                assertThat(score.currentAccuracy()).isEqualTo(0.0);
            }
        }
        assertThat(score.accuracyCurve()).containsExactly(0.0, 1.0);
    }

    @Test
    void twoDecodesOfOneWindowAreAnError() {
        GestureScore score = new GestureScore(SETTINGS);
        score.add(decode(0, 1, 0.5, 1));
        assertThatThrownBy(() -> score.add(decode(0, 1, 0.5, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two decodings at 0 us");
    }
}
