package io.spikeline.runtime.bmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

class BmiScoreTest {
    private static final BmiSettings TWELVE_SECONDS =
            new BmiSettings(BmiSettings.Input.SPIKE_COUNTS, 12, 1, 4, false, Double.POSITIVE_INFINITY,
                    BmiSettings.BAND_PASS, BmiSettings.DETECTION, BmiSettings.FEEDBACK_WAIT_SECONDS);

    private static float[] truth(int i) {
        return new float[] {(float) Math.sin(i * 0.1), (float) Math.cos(i * 0.07) * 2};
    }

    /** Decode {@code i} misses the truth by a known error that shrinks over the run. */
    private static float[] decoded(int i) {
        float[] v = truth(i);
        float error = i < 300 ? 0.8f : 0.2f;
        return new float[] {v[0] + (i % 2 == 0 ? error : -error), v[1] - (i % 3 == 0 ? error : -error)};
    }

    /** 1 − Σ(v − v̂)² / Σ(v − v̄)², averaged over the two outputs, for decodes [from, to). */
    private static double r2(int from, int to) {
        double sum = 0;
        for (int o = 0; o < 2; o++) {
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += truth(i)[o];
            }
            mean /= to - from;
            double residual = 0;
            double total = 0;
            for (int i = from; i < to; i++) {
                residual += Math.pow(truth(i)[o] - decoded(i)[o], 2);
                total += Math.pow(truth(i)[o] - mean, 2);
            }
            sum += 1 - residual / total;
        }
        return sum / 2;
    }

    @Test
    void decodesAndTheirTruthAreMatchedByEventTimeInWhicheverOrderTheyArrive() {
        BmiScore score = new BmiScore(TWELVE_SECONDS);
        int n = 600;
        for (int i = 0; i < n; i++) {
            long t = i * 20_000L;
            Either<Either<Decoding, SampleFrame>, Feedback> decoding = Either.Left(Either.Left(new Decoding(
                    BmiSettings.SOURCE_KEY, t, decoded(i), Decoding.NO_CLASS, Float.NaN, 0, i + 1)));
            Either<Either<Decoding, SampleFrame>, Feedback> smoothed = Either.Left(Either.Right(new SampleFrame(
                    BmiSettings.SOURCE_KEY, i, t, 50, 2, 1, truth(i))));
            Either<Either<Decoding, SampleFrame>, Feedback> feedback =
                    Either.Right(Feedback.ofVector(BmiSettings.SOURCE_KEY, t, truth(i)));
            if (i % 2 == 0) {
                score.add(decoding);
                score.add(smoothed);
                score.add(feedback);
            } else {
                score.add(feedback);
                score.add(decoding);
                score.add(smoothed);
            }
            if (i == 249) {
                assertThat(score.currentR2()).isCloseTo(r2(0, 250), within(1e-6));
            }
        }
        assertThat(score.complete()).isTrue();
        assertThat(score.signalSeconds()).isCloseTo(12, within(1e-9));
        assertThat(score.r2(0, 120)).isCloseTo(r2(0, 120), within(1e-6));
        assertThat(score.smoothedR2(0, 600)).isEqualTo(1);
        double[] curve = score.learningCurve();
        assertThat(curve).hasSize(3);
        assertThat(curve[2]).isCloseTo(r2(500, 600), within(1e-6)).isGreaterThan(curve[0]);
        assertThat(score.latencyQuantileUs(0.5)).isEqualTo(300);
        assertThat(score.latencyQuantileUs(0.99)).isEqualTo(594);
        assertThat(score.latencyQuantileUs(1)).isEqualTo(600);

        BmiReport report = new BmiReport(new BmiRun.Result(score, 1, 3));
        assertThat(report.firstPartR2()).isCloseTo(r2(0, 120), within(1e-6));
        assertThat(report.lastPartR2()).isCloseTo(r2(480, 600), within(1e-6));
        assertThat(report.text()).contains("6.0x real time while decoding (4.0x including start-up)")
                .contains("p50 0.300 ms, p99 0.594 ms, max 0.600 ms");
    }

    @Test
    void aRecordOffTheBatchGridOrADuplicateDecodeFails() {
        BmiScore score = new BmiScore(TWELVE_SECONDS);
        assertThatThrownBy(() -> score.add(Either.Right(Feedback.ofVector(BmiSettings.SOURCE_KEY, 30_000, truth(0)))))
                .hasMessageContaining("at 30000 us is not at the start of one of the 600 batches of 20000 us");
        Decoding d = new Decoding(BmiSettings.SOURCE_KEY, 0, decoded(0), Decoding.NO_CLASS, Float.NaN, 0, 1);
        score.add(Either.Left(Either.Left(d)));
        assertThatThrownBy(() -> score.add(Either.Left(Either.Left(d)))).hasMessageContaining("two decodings at 0 us");
    }
}
