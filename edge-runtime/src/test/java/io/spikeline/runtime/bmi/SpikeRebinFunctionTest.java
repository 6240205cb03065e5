package io.spikeline.runtime.bmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpikeRebinFunctionTest {

    /** A batch of {@code bins} bins in which each channel spikes with probability {@code p} per bin. */
    private static SpikeBatch random(int channels, int bins, double p, long seed) {
        Random random = new Random(seed);
        SpikeBatchBuilder b = new SpikeBatchBuilder(channels);
        for (int bin = 0; bin < bins; bin++) {
            b.openBin();
            for (int c = 0; c < channels; c++) {
                if (random.nextDouble() < p) {
                    b.add(c);
                }
            }
        }
        return b.build("k", 7, 40_000, 33);
    }

    @Test
    void aChannelSpikesInAMergedBinWhenItSpikedInAnyOfItsBins() {
        int channels = 12;
        int factor = 30;
        SpikeBatch in = random(channels, 600, 0.02, 3);
        SpikeRebinFunction rebin = new SpikeRebinFunction(factor, 1000);
        for (int round = 0; round < 2; round++) {
            SpikeBatch out = rebin.map(in);
            assertThat(out.binCount()).isEqualTo(20);
            assertThat(out.binWidthUs()).isEqualTo(1000);
            assertThat(out.startTimeUs()).isEqualTo(40_000);
            assertThat(out.sequence()).isEqualTo(7);
            assertThat(out.channelCount()).isEqualTo(channels);
            float[] dense = new float[channels];
            float[] merged = new float[channels];
            for (int bin = 0; bin < 20; bin++) {
                Arrays.fill(dense, 0);
                for (int k = 0; k < factor; k++) {
                    float[] one = new float[channels];
                    in.denseBin(bin * factor + k, one);
                    for (int c = 0; c < channels; c++) {
                        dense[c] = Math.max(dense[c], one[c] > 0 ? 1 : 0);
                    }
                }
                out.denseBin(bin, merged);
                assertThat(merged).as("bin %d", bin).containsExactly(dense);
            }
            assertThat(out.spikeCount()).isPositive().isLessThanOrEqualTo(in.spikeCount());
        }
    }

    @Test
    void batchesThatDoNotHoldWholeMergedBinsAreRefused() {
        SpikeRebinFunction rebin = new SpikeRebinFunction(30, 1000);
        assertThatThrownBy(() -> rebin.map(random(4, 45, 0.1, 1))).hasMessageContaining("45 bins cannot be merged by 30");
        assertThatThrownBy(() -> new SpikeRebinFunction(0, 1000)).hasMessageContaining("factor must be >= 1, was 0");
    }
}
