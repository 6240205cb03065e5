package io.spikeline.models.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void sampleFrameIndexesInterleavedSamplesAndTimesThem() {
        float[] data = {0, 1, 2, 10, 11, 12};
        SampleFrame f = new SampleFrame("probe-1", 3, 1_000_000, 30_000, 3, 2, data);
        assertThat(f.sample(1, 2)).isEqualTo(12f);
        assertThat(f.sampleTimeUs(1)).isEqualTo(1_000_033);
        assertThat(f.endTimeUs()).isEqualTo(1_000_067);
        assertThat(f.firstNonFiniteChannel()).isEqualTo(-1);
        data[4] = Float.NaN;
        assertThat(f.firstNonFiniteChannel()).isEqualTo(1);
    }

    @Test
    void sampleFrameRejectsWhatCannotBeRight() {
        assertThatThrownBy(() -> new SampleFrame("k", 0, 0, -250, 2, 2, new float[4]))
                .hasMessageContaining("sample rate").hasMessageContaining("-250");
        assertThatThrownBy(() -> new SampleFrame("k", 0, 0, Double.NaN, 2, 2, new float[4]))
                .hasMessageContaining("sample rate");
        assertThatThrownBy(() -> new SampleFrame("k", 0, 0, 1000, 3, 2, new float[5]))
                .hasMessageContaining("data has length 5")
                .hasMessageContaining("3 channels x 2 samples requires 6");
        assertThatThrownBy(() -> new SampleFrame("", 0, 0, 1000, 1, 1, new float[1]))
                .hasMessageContaining("source key");
        assertThatThrownBy(() -> new SampleFrame("k", -1, 0, 1000, 1, 1, new float[1]))
                .hasMessageContaining("sequence");
    }

    @Test
    void eventBatchChecksCoordinatesPolarityAndOrder() {
        long[] t = {10, 20};
        assertThatThrownBy(() -> new EventBatch("cam", 0, 34, 34, t, new short[] {1, 34}, new short[] {0, 0},
                new byte[] {0, 1})).hasMessageContaining("event 1 at (34, 0) lies outside the 34x34 sensor");
        assertThatThrownBy(() -> new EventBatch("cam", 0, 34, 34, t, new short[] {1, 2}, new short[] {0, 0},
                new byte[] {0, 2})).hasMessageContaining("polarity 2");
        assertThatThrownBy(() -> new EventBatch("cam", 0, 34, 34, new long[] {20, 10}, new short[] {1, 2},
                new short[] {0, 0}, new byte[] {0, 1})).hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> new EventBatch("cam", 0, 34, 34, t, new short[] {1}, new short[] {0, 0},
                new byte[] {0, 1})).hasMessageContaining("x has length 1");
        EventBatch ok = new EventBatch("cam", 0, 34, 34, t, new short[] {1, 2}, new short[] {0, 33}, new byte[] {0, 1});
        assertThat(ok.size()).isEqualTo(2);
    }

    @Test
    void spikeBatchValidatesItsSparseLayout() {
        SpikeBatch b = new SpikeBatch("k", 0, 1000, 500, 4, 3, new int[] {0, 2, 2, 3}, new int[] {0, 3, 1});
        assertThat(b.spikeCount()).isEqualTo(3);
        assertThat(b.spikesInBin(1)).isZero();
        assertThat(b.binStartTimeUs(2)).isEqualTo(2000);
        float[] dense = new float[4];
        b.denseBin(0, dense);
        assertThat(dense).containsExactly(1f, 0f, 0f, 1f);
        assertThatThrownBy(() -> new SpikeBatch("k", 0, 0, 500, 4, 1, new int[] {0, 2}, new int[] {3, 1}))
                .hasMessageContaining("out of order");
        assertThatThrownBy(() -> new SpikeBatch("k", 0, 0, 500, 4, 1, new int[] {0, 1}, new int[] {4}))
                .hasMessageContaining("channel 4, outside 0..3");
        assertThatThrownBy(() -> new SpikeBatch("k", 0, 0, 500, 4, 1, new int[] {0, 1}, new int[] {1, 2}))
                .hasMessageContaining("end at the spike count 2");
        assertThatThrownBy(() -> new SpikeBatch("k", 0, 0, 0, 4, 1, new int[] {0, 0}, new int[0]))
                .hasMessageContaining("bin width");
    }

    @Test
    void flowKeyPrintsBothAddressFamiliesAndReverses() {
        FlowKey v4 = new FlowKey(new byte[] {10, 0, 0, 1}, new byte[] {(byte) 192, (byte) 168, 1, 2}, 5353, 80, 6);
        assertThat(v4).hasToString("6/10.0.0.1:5353>192.168.1.2:80");
        assertThat(v4.reversed().reversed()).isEqualTo(v4);
        byte[] a6 = new byte[16];
        a6[15] = 1;
        FlowKey v6 = new FlowKey(a6, a6, 1, 2, 17);
        assertThat(v6.toString()).isEqualTo("17/[0:0:0:0:0:0:0:1]:1>[0:0:0:0:0:0:0:1]:2");
        assertThatThrownBy(() -> new FlowKey(new byte[4], new byte[16], 1, 2, 6)).hasMessageContaining("4 (IPv4) or 16");
        assertThatThrownBy(() -> new FlowKey(new byte[4], new byte[4], 70000, 2, 6)).hasMessageContaining("source port");
        PacketRecord p = new PacketRecord(5, v4, new byte[60], 1514, PacketRecord.NO_LABEL);
        assertThat(p.isTruncated()).isTrue();
        assertThat(p.hasLabel()).isFalse();
        assertThatThrownBy(() -> new PacketRecord(5, v4, new byte[60], 59, 0)).hasMessageContaining("wire length 59");
    }

    @Test
    void feedbackAndDecodingCarryWhatTheySay() {
        Feedback f = Feedback.ofVector("implant", 10, new float[] {0.5f, -0.25f}, 1f);
        assertThat(f.kind()).isEqualTo(Feedback.Kind.VECTOR);
        assertThat(f.target()).containsExactly(0.5f, -0.25f);
        assertThat(f.hasReward()).isTrue();
        assertThat(Feedback.ofClass("cam", 0, 3).hasReward()).isFalse();
        assertThatThrownBy(() -> Feedback.ofClass("cam", 0, -2)).hasMessageContaining("class id");
        assertThatThrownBy(() -> Feedback.ofVector("k", 0, new float[] {Float.NaN})).hasMessageContaining("component 0");
        assertThatThrownBy(() -> Feedback.ofReward("k", 0, Float.POSITIVE_INFINITY)).hasMessageContaining("reward");

        Decoding d = new Decoding("cam", 100, new float[0], 4, 0.75f, 1_000, 1_350);
        assertThat(d.latencyUs()).isEqualTo(350);
        assertThatThrownBy(() -> new Decoding("cam", 100, new float[0], 4, 1.5f, 0, 0)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> new Decoding("cam", 100, new float[0], -1, 0f, 10, 5)).hasMessageContaining("before its input");
    }
}
