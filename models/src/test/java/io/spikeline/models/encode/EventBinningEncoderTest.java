package io.spikeline.models.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Event binning on a real N-MNIST sample (34 x 34 pixels, 4,325 events over 311 ms). */
class EventBinningEncoderTest {
    private static final int SIZE = 34;

    /** The N-MNIST binary format: 5 big-endian bytes per event, x, y, then polarity bit and 23-bit time in µs. */
    private static final class NMnist {
        final long[] t;
        final short[] x;
        final short[] y;
        final byte[] p;

        NMnist() throws IOException {
            byte[] bytes = Files.readAllBytes(SharedFiles.data("events/tonic_sample_nmnist.bin"));
            int n = bytes.length / 5;
            t = new long[n];
            x = new short[n];
            y = new short[n];
            p = new byte[n];
            for (int i = 0; i < n; i++) {
                int at = 5 * i;
                x[i] = (short) (bytes[at] & 0xff);
                y[i] = (short) (bytes[at + 1] & 0xff);
                p[i] = (byte) ((bytes[at + 2] & 0xff) >>> 7);
                t[i] = (bytes[at + 2] & 0x7fL) << 16 | (bytes[at + 3] & 0xffL) << 8 | (bytes[at + 4] & 0xffL);
            }
        }

        int size() {
            return t.length;
        }

        EventBatch slice(int from, int to, long sequence) {
            return new EventBatch("nmnist", sequence, SIZE, SIZE, Arrays.copyOfRange(t, from, to),
                    Arrays.copyOfRange(x, from, to), Arrays.copyOfRange(y, from, to), Arrays.copyOfRange(p, from, to));
        }
    }

    /** Every batch in order; checks they are contiguous and numbered consecutively. */
    private static List<SpikeBatch> encodeInSlices(EventBinningEncoder encoder, NMnist events, int sliceSize) {
        List<SpikeBatch> out = new ArrayList<>();
        for (int from = 0, sequence = 0; from < events.size(); from += sliceSize, sequence++) {
            encoder.encode(events.slice(from, Math.min(events.size(), from + sliceSize), sequence)).ifPresent(out::add);
        }
        encoder.flush("nmnist").ifPresent(out::add);
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).sequence()).isEqualTo(i);
            if (i > 0) {
                assertThat(out.get(i).startTimeUs()).isEqualTo(out.get(i - 1).endTimeUs());
            }
        }
        return out;
    }

    /** The (bin index, channel) pairs of the batches, as bin * channels + channel. */
    private static Set<Long> pairs(List<SpikeBatch> batches) {
        Set<Long> pairs = new HashSet<>();
        for (SpikeBatch batch : batches) {
            long firstBin = batch.startTimeUs() / batch.binWidthUs();
            for (int b = 0; b < batch.binCount(); b++) {
                for (int i = batch.binOffsets()[b]; i < batch.binOffsets()[b + 1]; i++) {
                    assertThat(pairs.add((firstBin + b) * batch.channelCount() + batch.channelIndices()[i])).isTrue();
                }
            }
        }
        return pairs;
    }

    private static int binCount(List<SpikeBatch> batches) {
        return batches.stream().mapToInt(SpikeBatch::binCount).sum();
    }

    @Test
    void theFileHoldsTheDocumentedEvents() throws IOException {
        NMnist events = new NMnist();
        assertThat(events.size()).isEqualTo(4325);
        assertThat(events.t[events.size() - 1]).isBetween(310_000L, 312_000L);
    }

    @Test
    void spikesAreTheDistinctBinChannelPairsOfTheEvents() throws IOException {
        NMnist events = new NMnist();
        long first = events.t[0];
        long last = events.t[events.size() - 1];
        for (PolarityChannels polarity : PolarityChannels.values()) {
            for (int k : new int[] {1, 2, 3, 34}) {
                for (long width : new long[] {1000, 3333, 10_000}) {
                    EventBinningParams params = new EventBinningParams(SIZE, SIZE, width, k, polarity);
                    int cells = (SIZE + k - 1) / k;
                    int layers = polarity == PolarityChannels.SEPARATE ? 2 : 1;
                    int channels = cells * cells * layers;
                    assertThat(params.channelCount()).isEqualTo(channels);

                    Set<Long> expected = new HashSet<>();
                    for (int i = 0; i < events.size(); i++) {
                        int layer = polarity == PolarityChannels.SEPARATE ? events.p[i] : 0;
                        int channel = layer * cells * cells + (events.y[i] / k) * cells + events.x[i] / k;
                        expected.add(events.t[i] / width * channels + channel);
                    }
                    EventBinningEncoder encoder = new EventBinningEncoder(params);
                    List<SpikeBatch> batches = encodeInSlices(encoder, events, events.size());
                    String label = polarity + " k=" + k + " width=" + width;
                    assertThat(pairs(batches)).as(label).isEqualTo(expected);
                    assertThat(batches.get(0).channelCount()).isEqualTo(channels);
                    assertThat(encoder.duplicateEventCount()).as(label).isEqualTo(events.size() - expected.size());
                    // The recording starts at t = 0 and ends off a bin edge, so ceil(duration / width) bins span it.
                    assertThat(binCount(batches)).as(label).isEqualTo(last / width - first / width + 1)
                            .isEqualTo((int) Math.ceil((double) last / width));
                    assertThat(batches.get(0).startTimeUs()).isEqualTo(first / width * width);
                }
            }
        }
    }

    @Test
    void batchesSplitAnywhereGiveTheSameBinsAndASnapshotResumesExactly() throws Exception {
        NMnist events = new NMnist();
        EventBinningParams params = new EventBinningParams(SIZE, SIZE, 5000, 2, PolarityChannels.SEPARATE);
        List<SpikeBatch> whole = encodeInSlices(new EventBinningEncoder(params), events, events.size());
        for (int slice : new int[] {1, 37, 500}) {
            List<SpikeBatch> sliced = encodeInSlices(new EventBinningEncoder(params), events, slice);
            assertThat(pairs(sliced)).as("slices of %d events", slice).isEqualTo(pairs(whole));
            assertThat(binCount(sliced)).isEqualTo(binCount(whole));
        }

        int split = 2017;
        EventBinningEncoder first = new EventBinningEncoder(params);
        List<SpikeBatch> resumed = new ArrayList<>();
        first.encode(events.slice(0, split, 0)).ifPresent(resumed::add);
        EventBinningEncoder restored = new EventBinningEncoder(params);
        Snapshots.restore(restored, Snapshots.toBytes(first));
        restored.encode(events.slice(split, events.size(), 1)).ifPresent(resumed::add);
        restored.flush("nmnist").ifPresent(resumed::add);
        List<SpikeBatch> uninterrupted = new ArrayList<>();
        EventBinningEncoder reference = new EventBinningEncoder(params);
        reference.encode(events.slice(0, split, 0)).ifPresent(uninterrupted::add);
        reference.encode(events.slice(split, events.size(), 1)).ifPresent(uninterrupted::add);
        reference.flush("nmnist").ifPresent(uninterrupted::add);
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(restored.duplicateEventCount()).isEqualTo(reference.duplicateEventCount());
    }

    @Test
    void binningAllocatesOnlyTheOutputBatch() throws IOException {
        NMnist events = new NMnist();
        EventBinningEncoder encoder = new EventBinningEncoder(
                new EventBinningParams(SIZE, SIZE, 1000, 1, PolarityChannels.SEPARATE));
        EventBatch[] rounds = new EventBatch[4];
        for (int r = 0; r < rounds.length; r++) {
            long[] shifted = events.t.clone();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] += r * 1_000_000L;
            }
            rounds[r] = new EventBatch("nmnist", r, SIZE, SIZE, shifted, events.x, events.y, events.p);
        }
        for (int r = 0; r < rounds.length - 1; r++) {
            encoder.encode(rounds[r]);
        }
        long before = Allocation.bytesSoFar();
        SpikeBatch batch = encoder.encode(rounds[rounds.length - 1]).orElseThrow();
        long allocated = Allocation.bytesSoFar() - before;
        long outputArrays = 4L * (batch.binCount() + 1) + 4L * batch.spikeCount();
        assertThat(allocated).isLessThan(outputArrays + 1024);
        assertThat(encoder.lateEventCount()).isZero();
    }

    @Test
    void snapshotOfAnotherChannelLayoutOrVersionFailsLoudly() throws IOException {
        NMnist events = new NMnist();
        EventBinningEncoder full = new EventBinningEncoder(
                new EventBinningParams(SIZE, SIZE, 1000, 1, PolarityChannels.SEPARATE));
        full.encode(events.slice(0, 100, 0));
        byte[] snapshot = Snapshots.toBytes(full);
        assertThatThrownBy(() -> Snapshots.restore(new EventBinningEncoder(
                new EventBinningParams(SIZE, SIZE, 1000, 2, PolarityChannels.SEPARATE)), snapshot))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("channel count");
        byte[] future = snapshot.clone();
        future[5] = 2;
        assertThatThrownBy(() -> Snapshots.restore(new EventBinningEncoder(full.params()), future))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("version 2");
    }

    @Test
    void lateEventsAreDroppedAndCountedAndEmptyBinsFillGaps() {
        EventBinningEncoder encoder = new EventBinningEncoder(
                new EventBinningParams(4, 2, 100, 1, PolarityChannels.MERGED));
        Optional<SpikeBatch> none = encoder.encode(new EventBatch("cam", 0, 4, 2, new long[] {250, 260, 299},
                new short[] {3, 1, 3}, new short[] {1, 0, 1}, new byte[] {1, 0, 0}));
        assertThat(none).isEmpty();
        SpikeBatch batch = encoder.encode(new EventBatch("cam", 1, 4, 2, new long[] {120, 510},
                new short[] {0, 2}, new short[] {0, 0}, new byte[] {1, 1})).orElseThrow();
        assertThat(encoder.lateEventCount()).isEqualTo(1);
        assertThat(encoder.duplicateEventCount()).isEqualTo(1);
        assertThat(batch.startTimeUs()).isEqualTo(200);
        assertThat(batch.binCount()).isEqualTo(3);
        assertThat(batch.binOffsets()).containsExactly(0, 2, 2, 2);
        assertThat(batch.channelIndices()).containsExactly(1, 7);
        SpikeBatch last = encoder.flush("cam").orElseThrow();
        assertThat(last.startTimeUs()).isEqualTo(500);
        assertThat(last.channelIndices()).containsExactly(2);
        assertThat(encoder.flush("cam")).isEmpty();
    }

    @Test
    void invalidParametersAndOtherSensorsAreRejected() {
        assertThatThrownBy(() -> new EventBinningParams(34, 34, 0, 1, PolarityChannels.MERGED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binWidthUs");
        assertThatThrownBy(() -> new EventBinningParams(34, 34, 10, 0, PolarityChannels.MERGED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolingFactor");
        assertThatThrownBy(() -> new EventBinningParams(34, 34, 10, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("polarity");
        assertThatThrownBy(() -> new EventBinningParams(100_000, 100_000, 10, 1, PolarityChannels.SEPARATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
        EventBinningEncoder encoder = new EventBinningEncoder(new EventBinningParams(34, 34, 10, 1,
                PolarityChannels.MERGED));
        assertThatThrownBy(() -> encoder.encode(new EventBatch("cam", 0, 35, 34, new long[0], new short[0],
                new short[0], new byte[0]))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("34x34");
    }
}
