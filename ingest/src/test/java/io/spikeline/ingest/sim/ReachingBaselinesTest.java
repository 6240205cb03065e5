package io.spikeline.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.decode.KalmanDecoder;
import io.spikeline.models.decode.WienerDecoder;
import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.record.SpikeBatch;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The simulated reaching session is decodable the way real ones are: a Wiener filter and a velocity Kalman
 * filter fitted on the first four minutes decode hand velocity on the next minute with the R² that offline
 * decoders reach on motor-cortex arrays.
 */
class ReachingBaselinesTest {

    @Test
    void wienerAndKalmanDecodersFittedOnTrainingReachesDecodeHeldOutVelocity() {
        ReachingParameters p = new ReachingParameters(17, 96, 1000, 50, ReachingParameters.Task.CENTER_OUT, 8, 80, 600,
                300, new double[] {5, 20}, new double[] {10, 40}, 2, 0, false, 10, new double[] {60, 150});
        ReachingSimulator sim = new ReachingSimulator("monkey", p);
        WienerDecoder wiener = new WienerDecoder(96, 2, 5);
        KalmanDecoder kalman = new KalmanDecoder(96, 2);
        float[] counts = new float[96];
        int trainingBins = 4 * 60 * 20;
        for (int b = 0; b < trainingBins; b++) {
            ReachingBatch batch = sim.read();
            countsOf(batch.spikes(), counts);
            float[] velocity = batch.velocity().target();
            wiener.addTrainingSample(counts, velocity);
            kalman.addTrainingSample(counts, velocity);
        }
        wiener.fit(10);
        kalman.fit(1e-3);
        R2Accumulator wienerR2 = new R2Accumulator(2);
        R2Accumulator kalmanR2 = new R2Accumulator(2);
        float[] out = new float[2];
        for (int b = 0; b < 60 * 20; b++) {
            ReachingBatch batch = sim.read();
            countsOf(batch.spikes(), counts);
            float[] velocity = batch.velocity().target();
            wiener.decode(counts, out);
            wienerR2.add(velocity, out);
            kalman.decode(counts, out);
            kalmanR2.add(velocity, out);
        }
        assertThat(wienerR2.uniformAverage()).isGreaterThan(0.6);
        assertThat(kalmanR2.uniformAverage()).isGreaterThan(0.6);
    }

    private static void countsOf(SpikeBatch spikes, float[] counts) {
        Arrays.fill(counts, 0);
        for (int channel : spikes.channelIndices()) {
            counts[channel]++;
        }
    }
}
