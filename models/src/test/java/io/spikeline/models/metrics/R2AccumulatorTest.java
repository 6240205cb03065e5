package io.spikeline.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import org.junit.jupiter.api.Test;

class R2AccumulatorTest {

    /** Two-pass R² of one output column of sample-major data, straight from the definition. */
    private static double directR2(float[] truth, float[] predicted, int outputs, int o) {
        int n = truth.length / outputs;
        double mean = 0;
        for (int s = 0; s < n; s++) {
            mean += truth[s * outputs + o];
        }
        mean /= n;
        double total = 0;
        double residual = 0;
        for (int s = 0; s < n; s++) {
            double y = truth[s * outputs + o];
            total += (y - mean) * (y - mean);
            residual += (y - predicted[s * outputs + o]) * (y - predicted[s * outputs + o]);
        }
        return 1 - residual / total;
    }

    private static R2Accumulator accumulate(int outputs, float[] truth, float[] predicted) {
        R2Accumulator r2 = new R2Accumulator(outputs);
        r2.addBlock(truth, predicted, truth.length / outputs);
        return r2;
    }

    @Test
    void matchesTheScikitLearnDocumentationExamples() {
        R2Accumulator single = accumulate(1, new float[] {3, -0.5f, 2, 7}, new float[] {2.5f, 0, 2, 8});
        // SS_tot = 29.1875, SS_res = 1.5 (exact in binary).
        assertThat(single.r2(0)).isEqualTo(1 - 1.5 / 29.1875);
        assertThat(single.r2(0)).isBetween(0.948, 0.949);

        float[] truth = {0.5f, 1, -1, 1, 7, -6};
        float[] predicted = {0, 2, -1, 2, 8, -5};
        R2Accumulator multi = accumulate(2, truth, predicted);
        double r0 = directR2(truth, predicted, 2, 0);
        double r1 = directR2(truth, predicted, 2, 1);
        assertThat(multi.r2(0)).isCloseTo(r0, within(1e-15));
        assertThat(multi.r2(1)).isCloseTo(r1, within(1e-15));
        assertThat(multi.uniformAverage()).isCloseTo((r0 + r1) / 2, within(1e-15)).isBetween(0.936, 0.937);
        // variance_weighted: 1 − (1.25 + 3) / (36.1667 + 32.6667)
        assertThat(multi.varianceWeighted()).isCloseTo(1 - 4.25 / (217.0 / 6 + 196.0 / 6), within(1e-14))
                .isBetween(0.938, 0.939);
    }

    @Test
    void analyticalCasesPerfectMeanAndWorseThanMean() {
        float[] truth = {1, 2, 3};
        assertThat(accumulate(1, truth, new float[] {1, 2, 3}).r2(0)).isEqualTo(1.0);
        assertThat(accumulate(1, truth, new float[] {2, 2, 2}).r2(0)).isEqualTo(0.0);
        assertThat(accumulate(1, truth, new float[] {3, 2, 1}).r2(0)).isEqualTo(-3.0);
        // Predicting the mean shifted by 1 adds n · 1² to SS_res: R² = −n / SS_tot = −3 / 2.
        assertThat(accumulate(1, truth, new float[] {3, 3, 3}).r2(0)).isEqualTo(-1.5);
    }

    @Test
    void constantTruthFollowsTheForceFiniteConvention() {
        R2Accumulator exact = accumulate(2, new float[] {-2, 5, -2, 5, -2, 5}, new float[] {-2, 5, -2, 5, -2, 5});
        assertThat(exact.r2(0)).isEqualTo(1.0);
        assertThat(exact.varianceWeighted()).isEqualTo(1.0);
        R2Accumulator off = accumulate(1, new float[] {-2, -2, -2}, new float[] {-2, -2, -2 + 1e-6f});
        assertThat(off.r2(0)).isEqualTo(0.0);
        assertThat(off.varianceWeighted()).isEqualTo(0.0);
        // An output with constant truth is left out of the variance weighting but not of the uniform average.
        R2Accumulator mixed = accumulate(2, new float[] {1, 4, 2, 4, 3, 4}, new float[] {1, 3, 2, 3, 3, 3});
        assertThat(mixed.varianceWeighted()).isEqualTo(1.0);
        assertThat(mixed.uniformAverage()).isEqualTo(0.5);
        assertThat(new R2Accumulator(1).r2(0)).isNaN();
    }

    @Test
    void staysExactWhenTheTruthHasALargeOffset() {
        // Floats near 2^30 are spaced by 128: truth = 2^30 + 128 k with k in 0..9 is exact, and the
        // prediction is off by 128 on every other sample. Accumulating Σy² − n ȳ² in double here gets
        // SS_tot wrong by tens of percent; plain Welford on the unshifted truth by about 1e-11.
        int n = 10_000;
        float[] truth = new float[n];
        float[] predicted = new float[n];
        SeededRandom random = new SeededRandom(6);
        for (int s = 0; s < n; s++) {
            truth[s] = (float) (Math.scalb(1.0, 30) + 128.0 * random.nextInt(10));
            predicted[s] = s % 2 == 0 ? truth[s] : truth[s] + 128f;
        }
        R2Accumulator r2 = accumulate(1, truth, predicted);
        assertThat(r2.residualSumOfSquares(0)).isEqualTo(128.0 * 128.0 * n / 2);
        assertThat(r2.r2(0)).isCloseTo(directR2(truth, predicted, 1, 0), within(1e-12));
    }

    @Test
    void blocksSamplesAndSnapshotsAgreeBitForBit() throws Exception {
        SeededRandom random = new SeededRandom(10);
        int outputs = 3;
        int n = 600;
        float[] truth = new float[n * outputs];
        float[] predicted = new float[n * outputs];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = (float) (random.nextGaussian() * 10 + 3);
            predicted[i] = (float) (truth[i] + random.nextGaussian());
        }
        R2Accumulator blocks = accumulate(outputs, truth, predicted);
        R2Accumulator interrupted = new R2Accumulator(outputs);
        float[] y = new float[outputs];
        float[] p = new float[outputs];
        R2Accumulator restored = new R2Accumulator(outputs);
        for (int s = 0; s < n; s++) {
            System.arraycopy(truth, s * outputs, y, 0, outputs);
            System.arraycopy(predicted, s * outputs, p, 0, outputs);
            (s < n / 2 ? interrupted : restored).add(y, p);
            if (s == n / 2 - 1) {
                Snapshots.restore(restored, Snapshots.toBytes(interrupted));
            }
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(blocks));
        assertThat(restored.count()).isEqualTo(n);
        for (int o = 0; o < outputs; o++) {
            assertThat(restored.r2(o)).isEqualTo(blocks.r2(o)).isCloseTo(directR2(truth, predicted, outputs, o), within(1e-12));
        }
        assertThatThrownBy(() -> Snapshots.restore(new R2Accumulator(2), Snapshots.toBytes(blocks)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("output count = 3 but this instance has 2");
        blocks.reset();
        assertThat(blocks.count()).isZero();
        assertThat(blocks.uniformAverage()).isNaN();
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> new R2Accumulator(0)).hasMessageContaining("outputCount must be > 0, was 0");
        R2Accumulator r2 = new R2Accumulator(2);
        assertThatThrownBy(() -> r2.add(new float[] {1, Float.NaN}, new float[2]))
                .hasMessageContaining("non-finite value at sample 0, output 1");
        assertThatThrownBy(() -> r2.addBlock(new float[4], new float[3], 2)).hasMessageContaining("needs 4 values");
        assertThat(r2.count()).isZero();
    }
}
