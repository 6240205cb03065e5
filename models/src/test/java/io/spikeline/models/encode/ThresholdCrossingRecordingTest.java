package io.spikeline.models.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Threshold crossing on a real 16-channel, 40 kHz extracellular recording (Open Ephys legacy format). */
class ThresholdCrossingRecordingTest {
    private static final int CHANNELS = 16;
    /** Half-width of the centred moving average subtracted as a crude high-pass (about 1 ms in total). */
    private static final int SMOOTHING_HALF_WIDTH = 20;
    private static final int REFRACTORY = 40;

    /** The signal minus its centred moving average, which keeps spikes and removes the slow field potential. */
    private static float[] highPass(float[] x) {
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int from = Math.max(0, i - SMOOTHING_HALF_WIDTH);
            int to = Math.min(x.length, i + SMOOTHING_HALF_WIDTH + 1);
            out[i] = (float) (x[i] - (prefix[to] - prefix[from]) / (to - from));
        }
        return out;
    }

    private static double medianSigma(float[] x, int from, int to) {
        double[] abs = new double[to - from];
        for (int i = from; i < to; i++) {
            abs[i - from] = Math.abs(x[i]);
        }
        Arrays.sort(abs);
        int n = abs.length;
        return (n % 2 == 1 ? abs[n / 2] : 0.5 * (abs[n / 2 - 1] + abs[n / 2]))
                / ThresholdCrossingEncoder.MEDIAN_ABS_PER_SIGMA;
    }

    /**
     * Downward crossings of -4.5 sigma with the same refractory rule, counted directly, sigma being the exact
     * median-based estimate over the previous complete window of {@code window} samples.
     */
    private static int directCrossings(float[] x, int window) {
        int count = 0;
        int blockedUntil = -1;
        double threshold = 0;
        for (int i = window; i < x.length; i++) {
            if (i % window == 0) {
                threshold = -4.5 * medianSigma(x, i - window, i);
            }
            if (i > blockedUntil && x[i - 1] > threshold && x[i] <= threshold) {
                count++;
                blockedUntil = i + REFRACTORY;
            }
        }
        return count;
    }

    @Test
    void findsAPlausibleSpikeRateWithTheWholeRecordingsNoiseLevel() throws IOException {
        float[][] channels = new float[CHANNELS][];
        double rate = 0;
        for (int c = 0; c < CHANNELS; c++) {
            OpenEphysLegacyChannel file = OpenEphysLegacyChannel.read(SharedFiles.data(
                    "probe/openephys_legacy_16ch_40kHz/100_example-data_CH" + (c + 1) + ".continuous"));
            channels[c] = highPass(file.microvolts);
            rate = file.sampleRateHz;
        }
        assertThat(rate).isEqualTo(40_000);
        int samples = channels[0].length;
        float[] interleaved = new float[samples * CHANNELS];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < CHANNELS; c++) {
                interleaved[s * CHANNELS + c] = channels[c][s];
            }
        }

        int window = 20_000;
        ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(
                new ThresholdCrossingParams(-4.5, window, REFRACTORY), CHANNELS);
        int[] counts = new int[CHANNELS];
        int block = 1024;
        for (int start = 0, sequence = 0; start < samples; start += block, sequence++) {
            int n = Math.min(block, samples - start);
            SpikeBatch batch = encoder.encode(new SampleFrame("oe", sequence, Math.round(start * 25.0), rate, CHANNELS,
                    n, Arrays.copyOfRange(interleaved, start * CHANNELS, (start + n) * CHANNELS)));
            assertThat(batch.binWidthUs()).isEqualTo(25);
            for (int c : batch.channelIndices()) {
                counts[c]++;
            }
        }

        double seconds = (samples - window) / rate;
        int lastWindowEnd = samples / window * window;
        int plausible = 0;
        for (int c = 0; c < CHANNELS; c++) {
            // P² approximates the window median; on this drifting recording it stays within a few percent.
            double lastWindowSigma = medianSigma(channels[c], lastWindowEnd - window, lastWindowEnd);
            assertThat((double) encoder.noiseSigma(c)).as("sigma of channel %d over its last window", c + 1)
                    .isCloseTo(lastWindowSigma, within(0.05 * lastWindowSigma));
            // The noise level of this recording drifts by about 10 % between its start and its end.
            double wholeSigma = medianSigma(channels[c], 0, samples);
            assertThat((double) encoder.noiseSigma(c)).as("sigma of channel %d over the recording", c + 1)
                    .isCloseTo(wholeSigma, within(0.15 * wholeSigma));
            double hz = counts[c] / seconds;
            if (hz >= 0.5 && hz <= 200) {
                plausible++;
            }
            int direct = directCrossings(channels[c], window);
            assertThat(counts[c]).as("spikes on channel %d", c + 1)
                    .isCloseTo(direct, within(Math.max(3, direct / 10)));
        }
        assertThat(plausible).isGreaterThanOrEqualTo(CHANNELS / 2);
    }
}
