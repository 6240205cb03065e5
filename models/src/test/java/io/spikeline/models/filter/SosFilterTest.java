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
import io.spikeline.models.filter.FilterVectors.Case;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SosFilterTest {
    /** Exactly representable in float, so float inputs stay exact and references scale exactly. */
    private static final double[] SCALES = {1.0, -3.5, 0.0078125, 1024.0};

    static List<Case> cases() {
        return FilterVectors.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void causalFilteringFromZeroStateMatchesSciPySosfilt(Case c) {
        double[] y = c.input().clone();
        new SosFilter(c.sos(), 1).filter(y);
        assertClose(y, c.expected("sosfilt"), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void primingWithTheFirstSampleMatchesSciPySosfiltWithSteadyStateZi(Case c) {
        SosFilter filter = new SosFilter(c.sos(), 1);
        filter.prime(new double[] {c.input()[0]});
        double[] y = new double[c.input().length];
        filter.filter(c.input(), y);
        assertClose(y, c.expected("sosfilt_zi"), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void channelsAreIndependentScaledCopiesAndAnotherSignalDoNotInteract(Case c) {
        double[] reference = c.expected("sosfilt");
        double[][] channels = new double[SCALES.length + 1][];
        for (int k = 0; k < SCALES.length; k++) {
            channels[k] = scaled(c.input(), SCALES[k]);
        }
        channels[SCALES.length] = c.otherInput();
        int n = channels.length;
        double[] data = interleave(channels);
        new SosFilter(c.sos(), n).filter(data);

        for (int k = 0; k < SCALES.length; k++) {
            assertClose(channel(data, k, n), scaled(reference, SCALES[k]), 1e-9);
        }
        double[] alone = c.otherInput().clone();
        new SosFilter(c.sos(), 1).filter(alone);
        assertThat(channel(data, SCALES.length, n)).containsExactly(alone);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void floatDataIsWithinFloatRoundingOfSciPyOnEveryChannel(Case c) {
        double[] reference = c.expected("sosfilt");
        double[][] channels = new double[SCALES.length][];
        for (int k = 0; k < SCALES.length; k++) {
            channels[k] = scaled(c.input(), SCALES[k]);
        }
        float[] data = toFloats(interleave(channels));
        float[] output = new float[data.length];
        new SosFilter(c.sos(), SCALES.length).filter(data, output);
        for (int k = 0; k < SCALES.length; k++) {
            assertWithinFloatRounding(toFloats(channel(toDoubles(output), k, SCALES.length)),
                    scaled(reference, SCALES[k]));
        }
    }

    @Test
    void doubleStateKeepsFloatOutputTenTimesCloserToSciPyThanFloatStateWould() {
        for (Case c : FilterVectors.cases()) {
            double[] reference = c.expected("sosfilt");
            float[] ours = toFloats(c.input());
            new SosFilter(c.sos(), 1).filter(ours);
            double oursError = maxDifference(toDoubles(ours), reference);
            double floatStateError = maxDifference(toDoubles(filterWithFloatState(c.sos(), toFloats(c.input()))),
                    reference);
            double scale = FilterVectors.maxAbs(reference);
            assertThat(oursError).as(c.name()).isLessThanOrEqualTo(Math.ulp((float) scale));
            if (c.name().contains("bp")) {
                assertThat(floatStateError).as(c.name()).isGreaterThan(10 * oursError);
            }
        }
    }

    /** The same cascade with single-precision state and arithmetic, the alternative the class rejects. */
    private static float[] filterWithFloatState(SosCoefficients sos, float[] x) {
        float[] y = x.clone();
        for (int k = 0; k < sos.sectionCount(); k++) {
            float b0 = (float) sos.b0(k);
            float b1 = (float) sos.b1(k);
            float b2 = (float) sos.b2(k);
            float a1 = (float) sos.a1(k);
            float a2 = (float) sos.a2(k);
            float z1 = 0;
            float z2 = 0;
            for (int n = 0; n < y.length; n++) {
                float in = y[n];
                float out = b0 * in + z1;
                z1 = b1 * in - a1 * out + z2;
                z2 = b2 * in - a2 * out;
                y[n] = out;
            }
        }
        return y;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void filteringAndRepeatedPrimingAllocateNothing() {
        Case c = FilterVectors.bandPass30k();
        SosFilter filter = new SosFilter(c.sos(), 64);
        float[] frame = new float[30 * 64];
        double[] frameDouble = new double[30 * 64];
        double[] level = new double[64];
        filter.prime(level);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 2000; i++) {
                filter.filter(frame);
                filter.filter(frameDouble);
                filter.prime(level);
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        // Under one byte per iteration: any array made per call would cost at least 16 bytes each time, while the
        // JVM itself may allocate a few hundred bytes now and then on this thread (compilation, safepoints).
        assertThat(allocated).isLessThan(2000);
    }

    @Test
    void aCascadeWithAPoleAtOneFiltersFromZeroStateButCannotBePrimed() {
        SosCoefficients integrator = SosCoefficients.of(new double[][] {{1, 0, 0, 1, -1, 0}});
        SosFilter filter = new SosFilter(integrator, 1);
        double[] steps = {1, 2, 3, 4};
        filter.filter(steps);
        assertThat(steps).containsExactly(1, 3, 6, 10);
        assertThatThrownBy(() -> filter.prime(new double[] {1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pole at z = 1");
    }

    @Test
    void oneBlockEqualsSingleSamplesEqualsRandomChunksBitForBit() {
        Case c = FilterVectors.bandPass30k();
        int channels = 3;
        double[] data = interleave(c.input(), c.otherInput(), scaled(c.input(), -0.3));
        float[] floats = toFloats(data);

        double[] whole = data.clone();
        new SosFilter(c.sos(), channels).filter(whole);
        float[] wholeFloat = new float[floats.length];
        new SosFilter(c.sos(), channels).filter(floats, wholeFloat);

        for (long seed : new long[] {-1, 5, 6}) {
            SosFilter doubles = new SosFilter(c.sos(), channels);
            SosFilter singles = new SosFilter(c.sos(), channels);
            double[] chunkedDouble = new double[data.length];
            float[] chunkedFloat = new float[floats.length];
            SeededRandom random = new SeededRandom(seed);
            int samples = data.length / channels;
            for (int s = 0; s < samples; ) {
                int take = seed < 0 ? 1 : Math.min(samples - s, 1 + random.nextInt(97));
                double[] chunk = Arrays.copyOfRange(data, s * channels, (s + take) * channels);
                doubles.filter(chunk);
                System.arraycopy(chunk, 0, chunkedDouble, s * channels, chunk.length);
                float[] floatChunk = Arrays.copyOfRange(floats, s * channels, (s + take) * channels);
                singles.filter(floatChunk);
                System.arraycopy(floatChunk, 0, chunkedFloat, s * channels, floatChunk.length);
                s += take;
            }
            assertThat(chunkedDouble).containsExactly(whole);
            assertThat(chunkedFloat).containsExactly(wholeFloat);
        }
    }

    @Test
    void snapshotRestoredIntoAFreshFilterContinuesBitForBit() throws Exception {
        Case c = FilterVectors.bandPass30k();
        int channels = 2;
        float[] data = toFloats(interleave(c.input(), c.otherInput()));
        int split = 777 * channels;

        float[] uninterrupted = data.clone();
        new SosFilter(c.sos(), channels).filter(uninterrupted);

        SosFilter first = new SosFilter(c.sos(), channels);
        float[] head = Arrays.copyOfRange(data, 0, split);
        first.filter(head);
        byte[] snapshot = Snapshots.toBytes(first);
        SosFilter restored = new SosFilter(c.sos(), channels);
        Snapshots.restore(restored, snapshot);
        float[] tail = Arrays.copyOfRange(data, split, data.length);
        restored.filter(tail);

        assertThat(head).containsExactly(Arrays.copyOfRange(uninterrupted, 0, split));
        assertThat(tail).containsExactly(Arrays.copyOfRange(uninterrupted, split, data.length));
    }

    @Test
    void snapshotOfAnotherShapeIsRejected() {
        Case c = FilterVectors.bandPass30k();
        byte[] twoChannels = Snapshots.toBytes(new SosFilter(c.sos(), 2));
        assertThatThrownBy(() -> Snapshots.restore(new SosFilter(c.sos(), 3), twoChannels))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("channel count = 2 but this instance has 3");
        byte[] newer = twoChannels.clone();
        newer[5] = 2;
        assertThatThrownBy(() -> Snapshots.restore(new SosFilter(c.sos(), 2), newer))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("'FSOS' has version 2");
        byte[] block = Snapshots.toBytes(new BlockBidirectionalFilter(c.sos(), 2, 8,
                BlockBidirectionalFilter.Variant.ZERO_STATE));
        assertThatThrownBy(() -> Snapshots.restore(new SosFilter(c.sos(), 2), block))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("of type 'FBID', expected 'FSOS'");
        Case oneSection = FilterVectors.cases().get(3);
        assertThatThrownBy(() -> Snapshots.restore(new SosFilter(oneSection.sos(), 2), twoChannels))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("section count = 4 but this instance has 1");
    }

    @Test
    void primedLowPassPassesAConstantWithoutTransient() {
        Case lowPass = FilterVectors.cases().get(2);
        assertThat(lowPass.name()).contains("lp3000");
        SosFilter filter = new SosFilter(lowPass.sos(), 2);
        filter.prime(new float[] {7f, -250f});
        double[] constant = new double[2 * 500];
        for (int s = 0; s < 500; s++) {
            constant[2 * s] = 7;
            constant[2 * s + 1] = -250;
        }
        double[] y = constant.clone();
        filter.filter(y);
        assertClose(y, constant, 1e-12);

        double[] fromZero = constant.clone();
        new SosFilter(lowPass.sos(), 2).filter(fromZero);
        assertThat(Math.abs(fromZero[0] - 7)).as("an unprimed filter starts with a transient").isGreaterThan(1);
    }

    @Test
    void resetAndReprimeAfterAGapEqualAFreshFilter() {
        Case c = FilterVectors.bandPass30k();
        double[] signal = c.input();
        SosFilter used = new SosFilter(c.sos(), 1);
        used.filter(signal.clone());

        used.reset();
        double[] afterReset = signal.clone();
        used.filter(afterReset);
        double[] fresh = signal.clone();
        new SosFilter(c.sos(), 1).filter(fresh);
        assertThat(afterReset).containsExactly(fresh);

        used.prime(new double[] {signal[0]});
        double[] afterPrime = signal.clone();
        used.filter(afterPrime);
        assertClose(afterPrime, c.expected("sosfilt_zi"), 1e-9);
    }

    @Test
    void nanPropagatesInItsOwnChannelUntilReset() {
        Case c = FilterVectors.bandPass30k();
        double[] data = interleave(c.input(), c.input());
        data[10 * 2 + 1] = Double.NaN;
        SosFilter filter = new SosFilter(c.sos(), 2);
        filter.filter(data);
        double[] clean = c.input().clone();
        new SosFilter(c.sos(), 1).filter(clean);
        assertThat(channel(data, 0, 2)).containsExactly(clean);
        double[] hit = channel(data, 1, 2);
        assertThat(Arrays.copyOfRange(hit, 0, 10)).containsExactly(Arrays.copyOfRange(clean, 0, 10));
        for (int s = 10; s < hit.length; s++) {
            assertThat(hit[s]).isNaN();
        }

        filter.reset();
        double[] again = interleave(c.input(), c.input());
        filter.filter(again);
        assertThat(channel(again, 1, 2)).containsExactly(clean);
    }

    @Test
    void framesFilterIntoAReusedOrNewArrayAndLeaveTheFrameIntact() {
        Case c = FilterVectors.bandPass30k();
        float[] samples = toFloats(interleave(c.input(), c.otherInput()));
        SampleFrame frame = new SampleFrame("probe-1", 0, 0, 30000, 2, samples.length / 2, samples.clone());
        float[] expected = samples.clone();
        new SosFilter(c.sos(), 2).filter(expected);

        float[] reuse = new float[samples.length];
        float[] out = new SosFilter(c.sos(), 2).filter(frame, reuse);
        assertThat(out).isSameAs(reuse).containsExactly(expected);
        float[] fresh = new SosFilter(c.sos(), 2).filter(frame, new float[3]);
        assertThat(fresh).hasSize(samples.length).containsExactly(expected);
        assertThat(frame.data()).containsExactly(samples);

        SampleFrame threeChannels = new SampleFrame("probe-1", 1, 0, 30000, 3, 2, new float[6]);
        assertThatThrownBy(() -> new SosFilter(c.sos(), 2).filter(threeChannels, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 3 channels but the filter has 2");
    }

    @Test
    void misshapenInputIsRejectedWithClearMessages() {
        SosCoefficients sos = FilterVectors.bandPass30k().sos();
        SosFilter filter = new SosFilter(sos, 3);
        assertThatThrownBy(() -> filter.filter(new float[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 7 is not a multiple of 3 channels");
        assertThatThrownBy(() -> filter.filter(new double[6], new double[9]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output length 9 differs from input length 6");
        assertThatThrownBy(() -> filter.prime(new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstValues has 2 values but the filter has 3 channels");
        assertThatThrownBy(() -> new SosFilter(sos, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channelCount must be > 0, was 0");
        assertThatThrownBy(() -> new SosFilter(null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coefficients");
    }
}
