package io.spikeline.models.filter;

import static io.spikeline.models.filter.FilterVectors.assertClose;
import static io.spikeline.models.filter.FilterVectors.assertWithinFloatRounding;
import static io.spikeline.models.filter.FilterVectors.channel;
import static io.spikeline.models.filter.FilterVectors.interleave;
import static io.spikeline.models.filter.FilterVectors.scaled;
import static io.spikeline.models.filter.FilterVectors.toDoubles;
import static io.spikeline.models.filter.FilterVectors.toFloats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import io.spikeline.models.filter.BlockBidirectionalFilter.Variant;
import io.spikeline.models.filter.FilterVectors.Case;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlockBidirectionalFilterTest {

    static List<Arguments> casesBlocksVariants() {
        List<Arguments> arguments = new ArrayList<>();
        for (Case c : FilterVectors.cases()) {
            for (int blockSize : new int[] {50, 200}) {
                for (Variant variant : Variant.values()) {
                    arguments.add(Arguments.of(c, blockSize, variant));
                }
            }
        }
        return arguments;
    }

    private static String vectorName(Variant variant) {
        return switch (variant) {
            case FILTFILT_PADLEN0 -> "filtfilt_padlen0";
            case ZERO_STATE -> "fb_zero_state";
            case FORWARD_CARRIED_BACKWARD_ZERO -> "fwd_carried_bwd_zero";
        };
    }

    /** Streams interleaved data in chunks of random size and concatenates what comes out. */
    private static double[] stream(BlockBidirectionalFilter filter, double[] data, long seed) {
        int channels = filter.channelCount();
        int samples = data.length / channels;
        double[] out = new double[data.length];
        double[] buffer = new double[data.length + filter.blockSize() * channels];
        SeededRandom random = new SeededRandom(seed);
        int read = 0;
        int written = 0;
        while (read < samples) {
            int take = Math.min(samples - read, random.nextInt(2 * filter.blockSize() + 1));
            int expected = filter.outputSamplesFor(take);
            int pendingBefore = filter.pendingSamples();
            int emitted = filter.process(Arrays.copyOfRange(data, read * channels, (read + take) * channels), buffer);
            assertThat(emitted).isEqualTo(expected).isEqualTo((pendingBefore + take) / filter.blockSize()
                    * filter.blockSize());
            System.arraycopy(buffer, 0, out, written * channels, emitted * channels);
            read += take;
            written += emitted;
            assertThat(written).as("latency: a block leaves once complete").isEqualTo(read / filter.blockSize()
                    * filter.blockSize());
        }
        return out;
    }

    @ParameterizedTest(name = "{0} B={1} {2}")
    @MethodSource("casesBlocksVariants")
    void matchesSciPyBlockVectorsOnEveryChannelWhateverTheChunking(Case c, int blockSize, Variant variant) {
        double[] reference = c.expected("blocks", String.valueOf(blockSize), vectorName(variant));
        double[] data = interleave(c.input(), scaled(c.input(), -7.0), c.otherInput());
        BlockBidirectionalFilter filter = new BlockBidirectionalFilter(c.sos(), 3, blockSize, variant);
        double[] y = stream(filter, data, blockSize + variant.ordinal());

        assertClose(channel(y, 0, 3), reference, 1e-9);
        assertClose(channel(y, 1, 3), scaled(reference, -7.0), 1e-9);
        BlockBidirectionalFilter alone = new BlockBidirectionalFilter(c.sos(), 1, blockSize, variant);
        double[] other = new double[c.otherInput().length];
        alone.process(c.otherInput(), other);
        assertThat(channel(y, 2, 3)).containsExactly(other);
    }

    @ParameterizedTest(name = "{0} B={1} {2}")
    @MethodSource("casesBlocksVariants")
    void floatDataIsWithinFloatRoundingOfSciPy(Case c, int blockSize, Variant variant) {
        double[] reference = c.expected("blocks", String.valueOf(blockSize), vectorName(variant));
        float[] data = toFloats(interleave(c.input(), scaled(c.input(), 0.125)));
        float[] y = new float[data.length];
        int emitted = new BlockBidirectionalFilter(c.sos(), 2, blockSize, variant).process(data, y);
        assertThat(emitted).isEqualTo(c.input().length);
        assertWithinFloatRounding(toFloats(channel(toDoubles(y), 0, 2)), reference);
        assertWithinFloatRounding(toFloats(channel(toDoubles(y), 1, 2)), scaled(reference, 0.125));
    }

    @Test
    void chunkingChangesNothingBitForBit() {
        Case c = FilterVectors.bandPass30k();
        float[] data = toFloats(interleave(c.input(), c.otherInput()));
        for (Variant variant : Variant.values()) {
            float[] whole = new float[data.length];
            new BlockBidirectionalFilter(c.sos(), 2, 32, variant).process(data, whole);

            BlockBidirectionalFilter bySample = new BlockBidirectionalFilter(c.sos(), 2, 32, variant);
            float[] collected = new float[data.length];
            float[] out = new float[2 * 32];
            int written = 0;
            for (int s = 0; s < data.length / 2; s++) {
                int emitted = bySample.process(new float[] {data[2 * s], data[2 * s + 1]}, out);
                System.arraycopy(out, 0, collected, written * 2, emitted * 2);
                written += emitted;
            }
            assertThat(collected).as(variant.name()).containsExactly(whole);
        }
    }

    @Test
    void snapshotWithAPartialBlockRestoresIntoAFreshFilterBitForBit() throws Exception {
        Case c = FilterVectors.bandPass30k();
        double[] data = interleave(c.input(), c.otherInput());
        int split = 2 * 1017;
        for (Variant variant : Variant.values()) {
            double[] uninterrupted = new double[data.length];
            new BlockBidirectionalFilter(c.sos(), 2, 50, variant).process(data, uninterrupted);

            BlockBidirectionalFilter first = new BlockBidirectionalFilter(c.sos(), 2, 50, variant);
            double[] head = new double[data.length];
            int headSamples = first.process(Arrays.copyOfRange(data, 0, split), head);
            assertThat(first.pendingSamples()).isEqualTo(17);
            byte[] snapshot = Snapshots.toBytes(first);

            BlockBidirectionalFilter restored = new BlockBidirectionalFilter(c.sos(), 2, 50, variant);
            Snapshots.restore(restored, snapshot);
            assertThat(restored.pendingSamples()).isEqualTo(17);
            double[] tail = new double[data.length];
            int tailSamples = restored.process(Arrays.copyOfRange(data, split, data.length), tail);

            assertThat(headSamples + tailSamples).isEqualTo(data.length / 2);
            double[] joined = new double[data.length];
            System.arraycopy(head, 0, joined, 0, headSamples * 2);
            System.arraycopy(tail, 0, joined, headSamples * 2, tailSamples * 2);
            assertThat(joined).as(variant.name()).containsExactly(uninterrupted);
        }
    }

    @Test
    void snapshotOfAnotherShapeOrVariantIsRejected() {
        SosCoefficients sos = FilterVectors.bandPass30k().sos();
        byte[] snapshot = Snapshots.toBytes(new BlockBidirectionalFilter(sos, 2, 32, Variant.ZERO_STATE));
        assertThatThrownBy(() -> Snapshots.restore(new BlockBidirectionalFilter(sos, 2, 64, Variant.ZERO_STATE),
                snapshot)).isInstanceOf(SnapshotFormatException.class).hasMessageContaining("block size = 32");
        assertThatThrownBy(() -> Snapshots.restore(new BlockBidirectionalFilter(sos, 3, 32, Variant.ZERO_STATE),
                snapshot)).isInstanceOf(SnapshotFormatException.class).hasMessageContaining("channel count = 2");
        assertThatThrownBy(() -> Snapshots.restore(
                new BlockBidirectionalFilter(sos, 2, 32, Variant.FORWARD_CARRIED_BACKWARD_ZERO), snapshot))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("variant");
        byte[] newer = snapshot.clone();
        newer[5] = 2;
        assertThatThrownBy(() -> Snapshots.restore(new BlockBidirectionalFilter(sos, 2, 32, Variant.ZERO_STATE),
                newer)).isInstanceOf(SnapshotFormatException.class).hasMessageContaining("'FBID' has version 2");
    }

    @Test
    void streamingAllocatesNothingInSteadyState() {
        SosCoefficients sos = FilterVectors.bandPass30k().sos();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Variant variant : Variant.values()) {
            BlockBidirectionalFilter filter = new BlockBidirectionalFilter(sos, 64, 32, variant);
            float[] frame = new float[30 * 64];
            float[] out = new float[filter.outputSamplesFor(30 + 32) * 64];
            double[] frameDouble = new double[30 * 64];
            double[] outDouble = new double[out.length];
            filter.process(frame, out);
            filter.process(frame, out);
            long allocated = 0;
            for (int round = 0; round < 2; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 2000; i++) {
                    filter.process(frame, out);
                    filter.process(frameDouble, outDouble);
                }
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
            }
            // Under one byte per iteration (see SosFilterTest): no per-call arrays.
            assertThat(allocated).as(variant.name()).isLessThan(2000);
        }
    }

    @Test
    void resetDropsThePartialBlockAndRestartsTheStream() {
        Case c = FilterVectors.bandPass30k();
        BlockBidirectionalFilter filter = new BlockBidirectionalFilter(c.sos(), 1, 50,
                Variant.FORWARD_CARRIED_BACKWARD_ZERO);
        double[] out = new double[c.input().length];
        filter.process(Arrays.copyOf(c.input(), 120), out);
        assertThat(filter.pendingSamples()).isEqualTo(20);
        filter.reset();
        assertThat(filter.pendingSamples()).isZero();
        assertThat(filter.process(c.input(), out)).isEqualTo(c.input().length);
        assertClose(out, c.expected("blocks", "50", "fwd_carried_bwd_zero"), 1e-9);
    }

    @Test
    void invalidArgumentsAreRejectedWithClearMessages() {
        SosCoefficients sos = FilterVectors.bandPass30k().sos();
        assertThatThrownBy(() -> new BlockBidirectionalFilter(sos, 2, 0, Variant.ZERO_STATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockSize must be > 0 samples, was 0");
        assertThatThrownBy(() -> new BlockBidirectionalFilter(sos, 0, 8, Variant.ZERO_STATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channelCount must be > 0");
        assertThatThrownBy(() -> new BlockBidirectionalFilter(sos, 2, 8, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variant");
        BlockBidirectionalFilter filter = new BlockBidirectionalFilter(sos, 2, 8, Variant.ZERO_STATE);
        assertThatThrownBy(() -> filter.process(new float[5], new float[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 5 is not a multiple of 2");
        assertThatThrownBy(() -> filter.process(new float[20], new float[10]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output holds 10 values but this input completes 8 samples x 2 channels");
        float[] same = new float[16];
        assertThatThrownBy(() -> filter.process(same, same))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another array");
        assertThat(filter.pendingSamples()).as("rejected input leaves the state alone").isZero();
    }
}
