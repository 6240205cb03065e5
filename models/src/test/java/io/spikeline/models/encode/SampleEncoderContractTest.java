package io.spikeline.models.encode;

import static io.spikeline.models.encode.EncoderTesting.encode;
import static io.spikeline.models.encode.EncoderTesting.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every sample encoder promises: block-size independence, exact snapshot/restore, shape checks. */
class SampleEncoderContractTest {
    private static final int CHANNELS = 3;
    private static final int SAMPLES = 3000;

    record Case(String name, IntFunction<SampleEncoder> factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> encoders() {
        return Stream.of(
                new Case("threshold crossing", c -> new ThresholdCrossingEncoder(
                        new ThresholdCrossingParams(0.8, 200, 3), c)),
                // The snapshot falls 34 samples into a noise window, between two observations of stride 3.
                new Case("threshold crossing, noise stride 3", c -> new ThresholdCrossingEncoder(
                        new ThresholdCrossingParams(0.8, 200, 3).withNoiseStride(3), c)),
                new Case("delta", c -> new DeltaEncoder(new DeltaParams(0.25), c)),
                new Case("sigma-delta", c -> new SigmaDeltaEncoder(new SigmaDeltaParams(4), c)),
                new Case("rate", c -> new RateEncoder(new RateParams(4000), c, 77)),
                new Case("latency linear", c -> new LatencyEncoder(
                        new LatencyParams(7, LatencyMapping.LINEAR, 0, 3), c)),
                new Case("latency logarithmic", c -> new LatencyEncoder(
                        new LatencyParams(5, LatencyMapping.LOGARITHMIC, 0.1, 3), c)));
    }

    /** Noisy sines around 1 with amplitude 2, a different frequency per channel. */
    private static float[] signal() {
        SeededRandom random = new SeededRandom(11);
        float[] data = new float[SAMPLES * CHANNELS];
        for (int s = 0; s < SAMPLES; s++) {
            for (int c = 0; c < CHANNELS; c++) {
                data[s * CHANNELS + c] = (float) (1 + 2 * Math.sin(2 * Math.PI * s / (150.0 + 40 * c))
                        + 0.3 * random.nextGaussian());
            }
        }
        return data;
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void oneBlockEqualsManySmallBlocks(Case encoder) {
        float[] data = signal();
        List<int[]> whole = encode(encoder.factory().apply(CHANNELS), data);
        int spikes = whole.stream().mapToInt(bin -> bin.length).sum();
        assertThat(whole).hasSize(SAMPLES);
        assertThat(spikes).as("the signal must make every encoder spike").isGreaterThan(20);
        for (int blockSize : new int[] {1, 7, 256}) {
            List<int[]> blocks = encode(encoder.factory().apply(CHANNELS), data, 0, SAMPLES, blockSize);
            assertThat(render(blocks)).as("blocks of %d samples", blockSize).isEqualTo(render(whole));
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void restoredSnapshotContinuesBitForBit(Case encoder) throws Exception {
        float[] data = signal();
        int split = 1234;
        List<int[]> uninterrupted = encode(encoder.factory().apply(CHANNELS), data, split, SAMPLES, 100);
        SampleEncoder first = encoder.factory().apply(CHANNELS);
        List<int[]> head = encode(first, data, 0, split, 100);
        byte[] snapshot = Snapshots.toBytes(first);
        SampleEncoder restored = encoder.factory().apply(CHANNELS);
        Snapshots.restore(restored, snapshot);

        List<int[]> tail = encode(restored, data, split, SAMPLES, 100);
        List<int[]> expected = encode(encoder.factory().apply(CHANNELS), data, 0, SAMPLES, 100);
        assertThat(render(head) + render(tail)).isEqualTo(render(expected));
        assertThat(render(tail)).as("the restored state must matter").isNotEqualTo(render(uninterrupted));
        List<int[]> originalTail = encode(first, data, split, SAMPLES, 100);
        assertThat(render(tail)).isEqualTo(render(originalTail));
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(first));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void snapshotOfAnotherShapeOrVersionFailsLoudly(Case encoder) {
        byte[] snapshot = Snapshots.toBytes(encoder.factory().apply(CHANNELS));
        assertThatThrownBy(() -> Snapshots.restore(encoder.factory().apply(CHANNELS + 1), snapshot))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("channel");
        byte[] future = snapshot.clone();
        future[4] = 0x7f;
        assertThatThrownBy(() -> Snapshots.restore(encoder.factory().apply(CHANNELS), future))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("version");
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void encodingAllocatesOnlyTheOutputBatch(Case encoder) {
        float[] data = signal();
        SampleEncoder warm = encoder.factory().apply(CHANNELS);
        SampleFrame frame = EncoderTesting.frame(data, CHANNELS, 0, SAMPLES, 0);
        for (int i = 0; i < 3; i++) {
            warm.encode(frame);
        }
        long before = Allocation.bytesSoFar();
        SpikeBatch batch = warm.encode(frame);
        long allocated = Allocation.bytesSoFar() - before;
        long outputArrays = 4L * (batch.binCount() + 1) + 4L * batch.spikeCount();
        assertThat(allocated).as("bytes allocated encoding %d samples", SAMPLES).isLessThan(outputArrays + 1024);
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void frameOfAnotherChannelCountIsRejected(Case encoder) {
        SampleFrame frame = new SampleFrame("probe", 0, 0, 1000, CHANNELS + 1, 2, new float[2 * (CHANNELS + 1)]);
        assertThatThrownBy(() -> encoder.factory().apply(CHANNELS).encode(frame))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 channels");
    }
}
