package io.spikeline.models.encode;

import static io.spikeline.models.encode.EncoderTesting.encode;
import static io.spikeline.models.encode.EncoderTesting.spikeCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaEncoderTest {
    private static final double DELTA = 0.1;

    /** Reference level reconstructed from the spikes: the first sample plus delta per ON minus delta per OFF. */
    private static double[] reconstruct(List<int[]> bins, int channel, double initial, double delta) {
        double[] level = new double[bins.size()];
        double r = initial;
        for (int b = 0; b < bins.size(); b++) {
            for (int c : bins.get(b)) {
                if (c == 2 * channel) {
                    r += delta;
                } else if (c == 2 * channel + 1) {
                    r -= delta;
                }
            }
            level[b] = r;
        }
        return level;
    }

    private static void assertTracksWithinDelta(float[] data, int channels, int channel, List<int[]> bins) {
        double[] level = reconstruct(bins, channel, data[channel], DELTA);
        for (int s = 0; s < level.length; s++) {
            assertThat(Math.abs(data[s * channels + channel] - level[s])).as("sample %d", s).isLessThan(DELTA);
        }
    }

    @Test
    void rampsGiveOneSpikePerDeltaClimbedOrDescended() {
        int samples = 5000;
        float[] data = new float[2 * samples];
        for (int s = 0; s < samples; s++) {
            data[2 * s] = (float) (0.1 + 0.0037 * s);
            data[2 * s + 1] = (float) (2.0 - 0.0011 * s);
        }
        List<int[]> bins = encode(new DeltaEncoder(new DeltaParams(DELTA), 2), data);

        double rise = data[2 * (samples - 1)] - data[0];
        double fall = data[1] - data[2 * (samples - 1) + 1];
        assertThat(spikeCount(bins, 0)).isEqualTo((int) Math.floor(rise / DELTA));
        assertThat(spikeCount(bins, 1)).isZero();
        assertThat(spikeCount(bins, 2)).isZero();
        assertThat(spikeCount(bins, 3)).isEqualTo((int) Math.floor(fall / DELTA));
        assertTracksWithinDelta(data, 2, 0, bins);
        assertTracksWithinDelta(data, 2, 1, bins);
    }

    @Test
    void sineGivesTheCountOfReferenceLevelsBetweenItsExtrema() {
        int samples = 2100;
        int channels = 2;
        // Amplitudes keep the extrema away from the reference grid, where rounding would decide a spike.
        float[] data = new float[channels * samples];
        for (int s = 0; s < samples; s++) {
            data[2 * s] = (float) (2.96 * Math.sin(2 * Math.PI * s / 400));
            data[2 * s + 1] = (float) (0.7 + 1.3 * Math.cos(2 * Math.PI * s / 250 + 0.3));
        }
        List<int[]> bins = encode(new DeltaEncoder(new DeltaParams(DELTA), channels), data);

        for (int c = 0; c < channels; c++) {
            double r0 = data[c];
            // Levels sit on r0 + k delta; a rise to a maximum M ends at k = floor((M - r0) / delta), a fall to a
            // minimum m at k = ceil((m - r0) / delta), and every step between is one spike.
            int up = 0;
            int down = 0;
            int k = 0;
            int segments = 0;
            double totalVariation = 0;
            for (int s = 1; s < samples; s++) {
                double x = data[s * channels + c];
                double previous = data[(s - 1) * channels + c];
                totalVariation += Math.abs(x - previous);
                boolean last = s == samples - 1;
                double next = last ? x : data[(s + 1) * channels + c];
                if (x > previous && (last || next <= x)) {
                    segments++;
                    int top = (int) Math.floor((x - r0) / DELTA);
                    up += Math.max(0, top - k);
                    k = Math.max(k, top);
                } else if (x < previous && (last || next >= x)) {
                    segments++;
                    int bottom = (int) Math.ceil((x - r0) / DELTA);
                    down += Math.max(0, k - bottom);
                    k = Math.min(k, bottom);
                }
            }
            assertThat(spikeCount(bins, 2 * c)).as("ON spikes of channel %d", c).isEqualTo(up);
            assertThat(spikeCount(bins, 2 * c + 1)).as("OFF spikes of channel %d", c).isEqualTo(down);
            // Count = total variation / delta, less the part of a level by which each extremum overshoots the
            // last level reached, lost on the way there and back: under 2 levels per extremum.
            assertThat((double) up + down).isCloseTo(totalVariation / DELTA, within(2.0 * segments));
            assertTracksWithinDelta(data, channels, c, bins);
        }
    }

    @Test
    void aJumpOfSeveralDeltasIsPaidOffOneSpikePerSample() {
        float[] data = {0f, 0f, 0.45f, 0.45f, 0.45f, 0.45f, 0.45f, 0.45f, -0.05f, -0.05f, -0.05f, -0.05f};
        DeltaEncoder encoder = new DeltaEncoder(new DeltaParams(0.1), 1);
        List<int[]> bins = encode(encoder, data);
        String expected = "[]\n[]\n[0]\n[0]\n[0]\n[0]\n[]\n[]\n[1]\n[1]\n[1]\n[1]\n";
        assertThat(EncoderTesting.render(bins)).isEqualTo(expected);
        assertThat(encoder.reference(0)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void invalidDeltaIsRejected() {
        assertThatThrownBy(() -> new DeltaParams(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delta").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new DeltaParams(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta");
    }
}
