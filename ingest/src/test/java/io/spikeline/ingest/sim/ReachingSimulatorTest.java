package io.spikeline.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReachingSimulatorTest {

    @Test
    void equalSeedsGiveEqualSessionsAndOtherSeedsDiffer() {
        ReachingSimulator a = new ReachingSimulator("m1", ReachingParameters.defaults(7).withBroadband(true));
        ReachingSimulator b = new ReachingSimulator("m1", ReachingParameters.defaults(7).withBroadband(true));
        ReachingSimulator c = new ReachingSimulator("m1", ReachingParameters.defaults(8));
        boolean differs = false;
        for (int i = 0; i < 100; i++) {
            ReachingBatch x = a.read();
            assertThat(b.read()).isEqualTo(x);
            differs |= !c.read().spikes().equals(x.spikes());
        }
        assertThat(differs).isTrue();
    }

    @Test
    void reachesHaveBellShapedSpeedPeakingAtTheMinimumJerkValueAndCoverTheDistance() {
        ReachingParameters p = ReachingParameters.defaults(1);
        assertThat(p.maxSpeedMmPerS()).isEqualTo(250.0);
        ReachingSimulator sim = new ReachingSimulator("m1", new ReachingParameters(1, 8, 1000, 1,
                ReachingParameters.Task.CENTER_OUT, 8, 80, 600, 300, new double[] {5, 5}, new double[] {10, 10}, 0, 0,
                false, 0, new double[] {100, 100}));
        double maxSpeed = 0;
        double path = 0;
        int zeroBins = 0;
        int bins = 900 * 10;
        for (int i = 0; i < bins; i++) {
            float[] v = sim.read().velocity().target();
            double speed = Math.hypot(v[0], v[1]);
            maxSpeed = Math.max(maxSpeed, speed);
            path += speed / 1000;
            if (speed == 0) {
                zeroBins++;
            }
        }
        assertThat(maxSpeed).isCloseTo(p.maxSpeedMmPerS(), within(0.01 * p.maxSpeedMmPerS()));
        // Ten reach-and-hold cycles of 600 + 300 ms: ten reaches of 80 mm, 300 still bins each.
        assertThat(path).isCloseTo(10 * 80, within(1.0));
        assertThat(zeroBins).isEqualTo(10 * 300);
    }

    /**
     * Regressing each unit's spike counts on hand velocity recovers the preferred direction the simulator drew:
     * the classical population-vector analysis.
     */
    @Test
    void regressionOnVelocityRecoversTheDrawnPreferredDirections() {
        ReachingParameters p = ReachingParameters.defaults(42).withTask(ReachingParameters.Task.RANDOM_TARGET);
        ReachingSimulator sim = new ReachingSimulator("m1", p);
        int n = p.channels();
        double[][] xtx = new double[3][3];
        double[][] xty = new double[n][3];
        int batches = 12_000;
        for (int k = 0; k < batches; k++) {
            ReachingBatch batch = sim.read();
            float[] v = batch.velocity().target();
            double[] x = {1, v[0], v[1]};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    xtx[r][c] += x[r] * x[c];
                }
            }
            SpikeBatch s = batch.spikes();
            for (int idx : s.channelIndices()) {
                for (int r = 0; r < 3; r++) {
                    xty[idx][r] += x[r];
                }
            }
        }
        double[] drawn = sim.preferredDirectionsRad();
        int recovered = 0;
        for (int i = 0; i < n; i++) {
            double[] beta = solve3(xtx, xty[i]);
            double estimate = Math.atan2(beta[2], beta[1]);
            double error = Math.abs(Math.IEEEremainder(estimate - drawn[i], 2 * Math.PI));
            if (error < Math.toRadians(15)) {
                recovered++;
            }
        }
        assertThat(recovered).isGreaterThanOrEqualTo((int) (0.9 * n));
    }

    @Test
    void preferredDirectionsDriftWithTheConfiguredDiffusion() {
        double sigma = 0.05;
        ReachingSimulator sim = new ReachingSimulator("m1", ReachingParameters.defaults(3).withChannels(384).withDrift(sigma));
        double[] before = sim.preferredDirectionsRad();
        int batches = 5_000;
        for (int k = 0; k < batches; k++) {
            sim.read();
        }
        double[] after = sim.preferredDirectionsRad();
        double meanSquare = 0;
        for (int i = 0; i < before.length; i++) {
            meanSquare += Math.pow(after[i] - before[i], 2) / before.length;
        }
        double seconds = batches * 20 / 1000.0;
        assertThat(meanSquare).isCloseTo(sigma * sigma * seconds, within(0.25 * sigma * sigma * seconds));
    }

    @Test
    void noUnitFiresWithinItsRefractoryPeriod() {
        ReachingParameters p = new ReachingParameters(5, 16, 1000, 50, ReachingParameters.Task.CENTER_OUT, 8, 80, 600,
                300, new double[] {150, 200}, new double[] {100, 100}, 3, 0, false, 0, new double[] {100, 100});
        ReachingSimulator sim = new ReachingSimulator("m1", p);
        long[] last = new long[16];
        Arrays.fill(last, -1_000_000);
        long minInterval = Long.MAX_VALUE;
        long spikes = 0;
        for (int k = 0; k < 200; k++) {
            SpikeBatch s = sim.read().spikes();
            for (int b = 0; b < s.binCount(); b++) {
                for (int j = s.binOffsets()[b]; j < s.binOffsets()[b + 1]; j++) {
                    long t = s.binStartTimeUs(b);
                    minInterval = Math.min(minInterval, t - last[s.channelIndices()[j]]);
                    last[s.channelIndices()[j]] = t;
                    spikes++;
                }
            }
        }
        assertThat(minInterval).isGreaterThanOrEqualTo(3000);
        assertThat(spikes).isGreaterThan(16 * 10 * 100);
    }

    @Test
    void broadbandCarriesSpikeTroughsOfTheDrawnAmplitudeInNoiseOfTheConfiguredLevel() {
        ReachingParameters p = ReachingParameters.defaults(11).withChannels(8).withBroadband(true);
        ReachingSimulator sim = new ReachingSimulator("m1", p);
        double sumSquares = 0;
        long samples = 0;
        double minimum = 0;
        long frames = 0;
        for (int k = 0; k < 500; k++) {
            ReachingBatch batch = sim.read();
            SampleFrame f = batch.broadband();
            assertThat(f.sampleRateHz()).isEqualTo(30_000);
            assertThat(f.sampleCount()).isEqualTo(600);
            assertThat(f.firstSampleTimeUs()).isEqualTo(batch.spikes().startTimeUs());
            if (batch.spikes().spikeCount() == 0 && k > 0) {
                for (float v : f.data()) {
                    sumSquares += v * v;
                    samples++;
                }
            }
            for (float v : f.data()) {
                minimum = Math.min(minimum, v);
            }
            frames++;
        }
        assertThat(frames).isEqualTo(500);
        assertThat(samples).isGreaterThan(100_000);
        assertThat(Math.sqrt(sumSquares / samples)).isCloseTo(10.0, within(1.0));
        // The deepest trough is a spike of at most 150 uV plus a few noise standard deviations.
        assertThat(minimum).isBetween(-150.0 - 60, -60.0);
    }

    @Test
    void invalidParametersAreNamed() {
        assertThatThrownBy(() -> ReachingParameters.defaults(1).withChannels(0)).hasMessageContaining("channels");
        assertThatThrownBy(() -> new ReachingParameters(1, 8, 1000, 1, ReachingParameters.Task.CENTER_OUT, 8, 80, -1,
                300, new double[] {5, 5}, new double[] {10, 10}, 0, 0, false, 0, new double[] {1, 1}))
                .hasMessageContaining("reach duration");
        assertThatThrownBy(() -> new ReachingParameters(1, 8, 1000, 1, ReachingParameters.Task.CENTER_OUT, 8, 80, 600,
                300, new double[] {5, 2}, new double[] {10, 10}, 0, 0, false, 0, new double[] {1, 1}))
                .hasMessageContaining("baseline rate");
    }

    private static double[] solve3(double[][] a, double[] b) {
        double[][] m = new double[3][4];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(a[r], 0, m[r], 0, 3);
            m[r][3] = b[r];
        }
        for (int c = 0; c < 3; c++) {
            int pivot = c;
            for (int r = c + 1; r < 3; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < 3; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k < 4; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    }
}
