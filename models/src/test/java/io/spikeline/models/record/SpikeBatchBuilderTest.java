package io.spikeline.models.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpikeBatchBuilderTest {

    @Test
    void buildsTheCompressedRowLayoutOfTheBinsAdded() {
        SpikeBatchBuilder builder = new SpikeBatchBuilder(5);
        builder.openBin();
        builder.add(1);
        builder.add(3);
        builder.openBins(2);
        builder.add(0);
        builder.add(2);
        builder.add(4);
        assertThat(builder.binCount()).isEqualTo(3);
        assertThat(builder.spikeCount()).isEqualTo(5);

        SpikeBatch batch = builder.build("cam", 7, 1000, 50);
        assertThat(batch.binOffsets()).containsExactly(0, 2, 2, 5);
        assertThat(batch.channelIndices()).containsExactly(1, 3, 0, 2, 4);
        assertThat(batch.sourceKey()).isEqualTo("cam");
        assertThat(batch.sequence()).isEqualTo(7);
        assertThat(batch.startTimeUs()).isEqualTo(1000);
        assertThat(batch.binWidthUs()).isEqualTo(50);
        assertThat(batch.channelCount()).isEqualTo(5);
        assertThat(builder.binCount()).isZero();
        assertThat(builder.spikeCount()).isZero();
    }

    @Test
    void reuseAfterBuildLeavesEarlierBatchesIntactAndGrowsWithoutLimit() {
        SpikeBatchBuilder builder = new SpikeBatchBuilder(1000);
        builder.openBin();
        builder.add(9);
        SpikeBatch first = builder.build("k", 0, 0, 1);

        int bins = 5000;
        long expectedSpikes = 0;
        for (int b = 0; b < bins; b++) {
            builder.openBin();
            for (int c = b % 7; c < 1000; c += 97 + b % 5) {
                builder.add(c);
                expectedSpikes++;
            }
        }
        SpikeBatch second = builder.build("k", 1, 1, 1);
        assertThat(first.channelIndices()).containsExactly(9);
        assertThat(first.binOffsets()).containsExactly(0, 1);
        assertThat(second.binCount()).isEqualTo(bins);
        assertThat((long) second.spikeCount()).isEqualTo(expectedSpikes);
        assertThat(second.channelIndices()[second.binOffsets()[4321]]).isEqualTo(4321 % 7);
    }

    @Test
    void rejectsSpikesOutsideABinOutOfOrderOrOutOfRange() {
        SpikeBatchBuilder builder = new SpikeBatchBuilder(4);
        assertThatThrownBy(() -> builder.add(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openBin");
        builder.openBin();
        builder.add(2);
        assertThatThrownBy(() -> builder.add(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increase");
        assertThatThrownBy(() -> builder.add(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..3");
        builder.openBin();
        builder.add(0);
        assertThat(builder.build("k", 0, 0, 1).channelIndices()).containsExactly(2, 0);
        assertThatThrownBy(() -> builder.build("k", 1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bin count");
        assertThatThrownBy(() -> new SpikeBatchBuilder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel count");
    }
}
