package io.spikeline.models.encode;

import static io.spikeline.models.encode.EncoderTesting.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyEncoderTest {

    @Test
    void linearMappingPlacesEqualIntensityStepsAtEqualDelays() {
        LatencyParams params = new LatencyParams(11, LatencyMapping.LINEAR, 0, 1);
        for (int k = 0; k <= 10; k++) {
            assertThat(params.spikeBin(k / 10.0)).as("intensity %d/10", k).isEqualTo(10 - k);
        }
        assertThat(params.spikeBin(0.04)).isEqualTo(10);
        assertThat(params.spikeBin(0.06)).isEqualTo(9);
        assertThat(params.spikeBin(0.51)).isEqualTo(5);
        assertThat(params.spikeBin(7)).isZero();
        assertThat(params.spikeBin(-0.001)).isEqualTo(-1);
        assertThat(params.spikeBin(Double.NaN)).isEqualTo(-1);

        LatencyParams shifted = new LatencyParams(5, LatencyMapping.LINEAR, -2, 6);
        assertThat(new int[] {shifted.spikeBin(-2), shifted.spikeBin(0), shifted.spikeBin(2), shifted.spikeBin(4),
                shifted.spikeBin(6)}).containsExactly(4, 3, 2, 1, 0);
    }

    @Test
    void logarithmicMappingPlacesEqualIntensityRatiosAtEqualDelays() {
        LatencyParams params = new LatencyParams(11, LatencyMapping.LOGARITHMIC, 1, 1024);
        for (int k = 0; k <= 10; k++) {
            assertThat(params.spikeBin(Math.pow(2, k))).as("intensity 2^%d", k).isEqualTo(10 - k);
            if (k < 10) {
                assertThat(params.spikeBin(Math.pow(2, k + 0.4))).as("intensity 2^%d.4", k).isEqualTo(10 - k);
                assertThat(params.spikeBin(Math.pow(2, k + 0.6))).as("intensity 2^%d.6", k).isEqualTo(9 - k);
            }
        }
        assertThat(params.spikeBin(0.99)).isEqualTo(-1);
        assertThat(params.spikeBin(5000)).isZero();
    }

    @Test
    void eachChannelFiresOnceInEachWindowAtTheBinOfItsIntensityAtTheWindowStart() {
        int window = 6;
        int channels = 3;
        int samples = 10 * window;
        LatencyParams params = new LatencyParams(window, LatencyMapping.LINEAR, 0.2, 1);
        SeededRandom random = new SeededRandom(4);
        float[] data = new float[samples * channels];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 1.2f;
        }
        List<int[]> bins = encode(new LatencyEncoder(params, channels), data, 0, samples, 4);
        List<List<Integer>> times = EncoderTesting.spikeTimes(bins, channels);
        for (int c = 0; c < channels; c++) {
            int next = 0;
            for (int start = 0; start < samples; start += window) {
                float x = data[start * channels + c];
                if (x < 0.2f) {
                    continue;
                }
                // Linear: bin = round((window - 1) (1 - x) / (1 - 0.2)), and 0 at or above saturation.
                int bin = x >= 1 ? 0 : (int) Math.round((window - 1) * (1 - (double) x) / 0.8);
                assertThat(times.get(c).get(next++)).as("channel %d, window at %d", c, start).isEqualTo(start + bin);
            }
            assertThat(times.get(c)).hasSize(next);
        }
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> new LatencyParams(0, LatencyMapping.LINEAR, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowBins");
        assertThatThrownBy(() -> new LatencyParams(5, null, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping");
        assertThatThrownBy(() -> new LatencyParams(5, LatencyMapping.LINEAR, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saturation");
        assertThatThrownBy(() -> new LatencyParams(5, LatencyMapping.LOGARITHMIC, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logarithmic");
    }
}
