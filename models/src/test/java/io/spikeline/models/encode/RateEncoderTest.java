package io.spikeline.models.encode;

import static io.spikeline.models.encode.EncoderTesting.render;
import static io.spikeline.models.encode.EncoderTesting.spikeCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateEncoderTest {
    private static final double SAMPLE_RATE_HZ = 10_000;
    private static final double GAIN_HZ_PER_UNIT = 1000;
    private static final float[] INPUTS = {0f, 0.5f, 1f, 2f, 100f, -3f};

    /** {@code samples} samples of {@link #INPUTS}, encoded in frames of 1000 samples. */
    private static List<int[]> encodeConstant(RateEncoder encoder, int samples) {
        int channels = INPUTS.length;
        List<int[]> bins = new ArrayList<>();
        for (int start = 0; start < samples; start += 1000) {
            float[] data = new float[1000 * channels];
            for (int i = 0; i < data.length; i++) {
                data[i] = INPUTS[i % channels];
            }
            SpikeBatch batch = encoder.encode(new SampleFrame("eeg", start / 1000, 0, SAMPLE_RATE_HZ, channels, 1000,
                    data));
            assertThat(batch.binWidthUs()).isEqualTo(100);
            EncoderTesting.appendBins(batch, bins);
        }
        return bins;
    }

    @Test
    void meanRateIsGainTimesInputClampedToOneSpikePerBin() {
        int samples = 200_000;
        List<int[]> bins = encodeConstant(new RateEncoder(new RateParams(GAIN_HZ_PER_UNIT), INPUTS.length, 42),
                samples);
        for (int c = 0; c < INPUTS.length; c++) {
            double p = Math.min(1, Math.max(0, GAIN_HZ_PER_UNIT * INPUTS[c] / SAMPLE_RATE_HZ));
            double sd = Math.sqrt(samples * p * (1 - p));
            assertThat((double) spikeCount(bins, c)).as("channel %d at input %s", c, INPUTS[c])
                    .isCloseTo(samples * p, within(5 * sd));
        }
        // Independent draws per channel: coincidences of channels 2 and 3 follow the product of their rates.
        int both = 0;
        for (int[] bin : bins) {
            boolean two = false;
            boolean three = false;
            for (int c : bin) {
                two |= c == 2;
                three |= c == 3;
            }
            both += two && three ? 1 : 0;
        }
        double pBoth = 0.1 * 0.2;
        assertThat((double) both).isCloseTo(samples * pBoth, within(5 * Math.sqrt(samples * pBoth * (1 - pBoth))));
    }

    @Test
    void sameSeedRepeatsAndARestoredGeneratorContinuesTheSequence() throws Exception {
        RateParams params = new RateParams(GAIN_HZ_PER_UNIT);
        String reference = render(encodeConstant(new RateEncoder(params, INPUTS.length, 7), 6000));
        assertThat(render(encodeConstant(new RateEncoder(params, INPUTS.length, 7), 6000))).isEqualTo(reference);
        assertThat(render(encodeConstant(new RateEncoder(params, INPUTS.length, 8), 6000))).isNotEqualTo(reference);

        RateEncoder interrupted = new RateEncoder(params, INPUTS.length, 7);
        String head = render(encodeConstant(interrupted, 2000));
        RateEncoder restored = new RateEncoder(params, INPUTS.length, 999);
        Snapshots.restore(restored, Snapshots.toBytes(interrupted));
        assertThat(head + render(encodeConstant(restored, 4000))).isEqualTo(reference);
    }

    @Test
    void invalidGainIsRejected() {
        assertThatThrownBy(() -> new RateParams(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gainHzPerUnit").hasMessageContaining("NaN");
    }
}
