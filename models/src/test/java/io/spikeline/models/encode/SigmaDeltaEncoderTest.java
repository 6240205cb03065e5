package io.spikeline.models.encode;

import static io.spikeline.models.encode.EncoderTesting.encode;
import static io.spikeline.models.encode.EncoderTesting.spikeCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SigmaDeltaEncoderTest {

    @Test
    void constantInputFiresAtRateInputOverThresholdEvenlySpaced() {
        double threshold = 2;
        double[] inputs = {0, 0.25, 0.75, 1.0, 1.75, 1.999, 2.0, 3.0, -1.0};
        int samples = 1024;
        float[] data = new float[inputs.length * samples];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < inputs.length; c++) {
                data[s * inputs.length + c] = (float) inputs[c];
            }
        }
        List<int[]> bins = encode(new SigmaDeltaEncoder(new SigmaDeltaParams(threshold), inputs.length), data);
        List<List<Integer>> times = EncoderTesting.spikeTimes(bins, inputs.length);
        for (int c = 0; c < inputs.length; c++) {
            double x = Math.min(Math.max(inputs[c], 0), threshold);
            double rate = x / threshold;
            assertThat((double) spikeCount(bins, c)).as("spikes at input %s", inputs[c])
                    .isCloseTo(Math.floor(samples * rate), within(inputs[c] == 1.999 ? 1.0 : 0.0));
            List<Integer> t = times.get(c);
            for (int i = 1; i < t.size(); i++) {
                int interval = t.get(i) - t.get(i - 1);
                assertThat(interval).isBetween((int) Math.floor(1 / rate), (int) Math.ceil(1 / rate));
            }
        }
    }

    @Test
    void movingAverageOfTheSpikesFollowsASlowSine() {
        double threshold = 1;
        int samples = 12_000;
        int period = 4000;
        float[] data = new float[samples];
        for (int s = 0; s < samples; s++) {
            data[s] = (float) (0.5 + 0.4 * Math.sin(2 * Math.PI * s / period));
        }
        List<int[]> bins = encode(new SigmaDeltaEncoder(new SigmaDeltaParams(threshold), 1), data);
        int[] cumulative = new int[samples + 1];
        for (int s = 0; s < samples; s++) {
            cumulative[s + 1] = cumulative[s] + bins.get(s).length;
        }
        // The integrator stays in [0, threshold), so over any M samples the spikes times the threshold differ
        // from the summed input by less than one threshold; the centred average of the sine adds
        // 0.4 (2 pi M / period)^2 / 24 at most.
        int m = 100;
        double bound = threshold / m + 0.4 * Math.pow(2 * Math.PI * m / period, 2) / 24;
        for (int s = m / 2; s + m / 2 < samples; s++) {
            double reconstructed = threshold * (cumulative[s + m / 2] - cumulative[s - m / 2]) / m;
            assertThat(reconstructed).as("sample %d", s).isCloseTo(data[s], within(bound));
        }
    }

    @Test
    void invalidThresholdIsRejected() {
        assertThatThrownBy(() -> new SigmaDeltaParams(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold").hasMessageContaining("-1.0");
    }
}
