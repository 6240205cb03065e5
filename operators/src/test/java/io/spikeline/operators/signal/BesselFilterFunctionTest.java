package io.spikeline.operators.signal;

import static io.spikeline.operators.signal.SignalFixtures.blockReference;
import static io.spikeline.operators.signal.SignalFixtures.broadband;
import static io.spikeline.operators.signal.SignalFixtures.causalReference;
import static io.spikeline.operators.signal.SignalFixtures.concatenated;
import static io.spikeline.operators.signal.SignalFixtures.filterHarness;
import static io.spikeline.operators.signal.SignalFixtures.noise;
import static io.spikeline.operators.signal.SignalFixtures.withData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.filter.BlockBidirectionalFilter;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.operators.sideoutput.NonFinitePolicy;
import io.spikeline.operators.sideoutput.NonFiniteSamples;
import io.spikeline.operators.sideoutput.SequenceGap;
import io.spikeline.operators.signal.SignalFixtures.Backend;
import io.spikeline.operators.signal.SignalFixtures.BlockOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BesselFilterFunctionTest {
    private static final FilterSpec SPIKE_BAND =
            FilterSpec.causal(BandType.BANDPASS, 2, new double[] {300, 3000}, BesselNorm.PHASE);

    private static FilterSpec blocks(BlockBidirectionalFilter.Variant variant) {
        return FilterSpec.blockBidirectional(BandType.BANDPASS, 2, new double[] {300, 3000}, BesselNorm.PHASE, 64,
                variant);
    }

    private static List<SampleFrame> run(FilterSpec spec, List<SampleFrame> frames) throws Exception {
        try (var harness = filterHarness(spec, Backend.HEAP, null)) {
            for (SampleFrame frame : frames) {
                harness.processElement(frame, frame.firstSampleTimeUs() / 1000);
            }
            return harness.extractOutputValues();
        }
    }

    private static <T> List<T> side(KeyedOneInputStreamOperatorTestHarness<String, SampleFrame, SampleFrame> harness,
                                    org.apache.flink.util.OutputTag<T> tag) {
        List<T> out = new ArrayList<>();
        if (harness.getSideOutput(tag) != null) {
            for (StreamRecord<T> r : harness.getSideOutput(tag)) {
                out.add(r.getValue());
            }
        }
        return out;
    }

    private static List<SampleFrame> ofKey(List<SampleFrame> frames, String key) {
        return frames.stream().filter(f -> f.sourceKey().equals(key)).toList();
    }

    @Test
    void causalOutputEqualsTheModelsFilterPrimedAtTheFirstSampleForEachKeyAtItsOwnRate() throws Exception {
        List<SampleFrame> probe = broadband("probe", 3, 32, 40, 30);
        List<SampleFrame> slower = noise("slow", 4, 20_000, 5, 60, 20);
        List<SampleFrame> interleaved = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i < probe.size()) {
                interleaved.add(probe.get(i));
            }
            interleaved.add(slower.get(i));
        }
        List<SampleFrame> out = run(SPIKE_BAND, interleaved);
        assertThat(ofKey(out, "probe")).containsExactlyElementsOf(causalReference(SPIKE_BAND, probe));
        assertThat(ofKey(out, "slow")).containsExactlyElementsOf(causalReference(SPIKE_BAND, slower));
    }

    @ParameterizedTest
    @EnumSource(BlockBidirectionalFilter.Variant.class)
    void blockBidirectionalOutputEqualsTheModelsFilterEmittedWithLatencyBAtTheInputEventTimes(
            BlockBidirectionalFilter.Variant variant) throws Exception {
        FilterSpec spec = blocks(variant);
        List<SampleFrame> frames = broadband("probe", 5, 16, 50, 30);
        List<SampleFrame> out = run(spec, frames);
        BlockOutput reference = blockReference(spec, frames);

        assertThat(concatenated(out)).isEqualTo(reference.samples());
        int emitted = 0;
        for (int i = 0; i < out.size(); i++) {
            SampleFrame frame = out.get(i);
            assertThat(frame.sequence()).isEqualTo(i);
            assertThat(frame.sampleCount() % spec.blockSize()).isZero();
            assertThat(frame.firstSampleTimeUs()).isEqualTo(reference.inputTimesUs().get(emitted));
            emitted += frame.sampleCount();
        }
        assertThat(emitted).isEqualTo(50 * 30 / 64 * 64);
        assertThat(BesselFilterFunction.latencySamples(spec)).isEqualTo(64);
        assertThat(BesselFilterFunction.groupDelaySeconds(spec, 30_000)).isZero();
    }

    @Test
    void groupDelayOfADelayNormalisedLowpassIsOneOverThePrewarpedCutoffAndAlignmentShiftsOutputTimesByIt()
            throws Exception {
        double rateHz = 1000;
        double cutoffHz = 40;
        FilterSpec spec = FilterSpec.causal(BandType.LOWPASS, 4, new double[] {cutoffHz}, BesselNorm.DELAY);
        // Analog delay normalisation: group delay 1/Ωc at DC; the bilinear transform keeps the DC delay, Ωc pre-warped.
        double expectedS = 1 / (2 * rateHz * Math.tan(Math.PI * cutoffHz / rateHz));
        double delayS = BesselFilterFunction.groupDelaySeconds(spec, rateHz);
        assertThat(delayS).isCloseTo(expectedS, org.assertj.core.data.Percentage.withPercentage(1e-4));

        List<SampleFrame> frames = noise("eeg", 1, rateHz, 3, 10, 25);
        List<SampleFrame> plain = run(spec, frames);
        List<SampleFrame> aligned = run(spec.withGroupDelayAlignment(true), frames);
        long shiftUs = Math.round(expectedS * 1e6);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(aligned.get(i).data()).isEqualTo(plain.get(i).data());
            assertThat(aligned.get(i).firstSampleTimeUs()).isEqualTo(frames.get(i).firstSampleTimeUs() - shiftUs);
        }
    }

    static Stream<Arguments> backendsAndModes() {
        return Stream.of(Backend.values()).flatMap(b -> Stream.of(Arguments.of(b, SPIKE_BAND),
                Arguments.of(b, blocks(BlockBidirectionalFilter.Variant.FORWARD_CARRIED_BACKWARD_ZERO))));
    }

    @ParameterizedTest
    @MethodSource("backendsAndModes")
    void restoredMidStreamTheOutputIsBitIdenticalToAnUninterruptedRun(Backend backend, FilterSpec spec)
            throws Exception {
        List<SampleFrame> a = broadband("a", 8, 8, 40, 30);
        List<SampleFrame> b = noise("b", 9, 10_000, 3, 40, 7);
        List<SampleFrame> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(a.get(i));
            input.add(b.get(i));
        }
        List<SampleFrame> uninterrupted;
        try (var harness = filterHarness(spec, backend, null)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            uninterrupted = harness.extractOutputValues();
        }
        int cut = 37;
        List<SampleFrame> resumed = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var first = filterHarness(spec, backend, null)) {
            for (SampleFrame f : input.subList(0, cut)) {
                first.processElement(f, 0);
            }
            snapshot = first.snapshot(1, 1);
            resumed.addAll(first.extractOutputValues());
        }
        try (var second = filterHarness(spec, backend, snapshot)) {
            for (SampleFrame f : input.subList(cut, input.size())) {
                second.processElement(f, 0);
            }
            resumed.addAll(second.extractOutputValues());
        }
        assertThat(resumed).containsExactlyElementsOf(uninterrupted);
    }

    @Test
    void aGapGoesToTheGapOutputAndTheFilterRestartsPrimedAtTheFrameAfterIt() throws Exception {
        List<SampleFrame> frames = noise("k", 2, 1000, 4, 12, 10);
        List<SampleFrame> withGap = new ArrayList<>(frames.subList(0, 5));
        withGap.addAll(frames.subList(8, 12));
        try (var harness = filterHarness(SPIKE_BAND_LOW_RATE, Backend.HEAP, null)) {
            for (SampleFrame f : withGap) {
                harness.processElement(f, 0);
            }
            List<SampleFrame> out = harness.extractOutputValues();
            List<SampleFrame> expected = new ArrayList<>(causalReference(SPIKE_BAND_LOW_RATE, frames.subList(0, 5)));
            expected.addAll(causalReference(SPIKE_BAND_LOW_RATE, frames.subList(8, 12)));
            assertThat(out).containsExactlyElementsOf(expected);
            assertThat(side(harness, SignalOutputs.GAPS)).singleElement().satisfies(gap -> {
                assertThat(gap.expectedSequence()).isEqualTo(5);
                assertThat(gap.receivedSequence()).isEqualTo(8);
                assertThat(gap.missingFrames()).isEqualTo(3);
                assertThat(gap.missingTimeUs()).isEqualTo(30_000);
                assertThat(gap.discardedSamples()).isZero();
            });
        }
    }

    private static final FilterSpec SPIKE_BAND_LOW_RATE =
            FilterSpec.causal(BandType.BANDPASS, 2, new double[] {5, 100}, BesselNorm.PHASE);

    @Test
    void aTimeJumpWithContiguousSequenceNumbersIsAGapThatDropsTheIncompleteBlock() throws Exception {
        FilterSpec spec = FilterSpec.blockBidirectional(BandType.LOWPASS, 3, new double[] {50}, BesselNorm.MAG, 16,
                BlockBidirectionalFilter.Variant.FILTFILT_PADLEN0);
        List<SampleFrame> frames = noise("k", 6, 1000, 2, 8, 10);
        SampleFrame moved = frames.get(4);
        List<SampleFrame> input = new ArrayList<>(frames.subList(0, 4));
        input.add(new SampleFrame("k", 4, moved.firstSampleTimeUs() + 500_000, 1000, 2, 10, moved.data()));
        try (var harness = filterHarness(spec, Backend.HEAP, null)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            assertThat(side(harness, SignalOutputs.GAPS)).singleElement().satisfies(gap -> {
                assertThat(gap.missingFrames()).isZero();
                assertThat(gap.missingTimeUs()).isEqualTo(500_000);
                assertThat(gap.discardedSamples()).isEqualTo(40 % 16);
            });
            assertThat(concatenated(harness.extractOutputValues()))
                    .isEqualTo(blockReference(spec, frames.subList(0, 4)).samples());
        }
    }

    @Test
    void duplicatedReorderedAndBehindTheWatermarkFramesGoToTheLateOutputAndLeaveTheStateAlone() throws Exception {
        List<SampleFrame> frames = noise("k", 3, 1000, 2, 8, 10);
        try (var harness = filterHarness(SPIKE_BAND_LOW_RATE, Backend.HEAP, null)) {
            for (int i = 0; i < 4; i++) {
                harness.processElement(frames.get(i), 100 + i);
            }
            harness.processElement(frames.get(2), 200);
            harness.processWatermark(150);
            harness.processElement(frames.get(4), 149);
            for (int i = 4; i < 8; i++) {
                harness.processElement(frames.get(i), 151 + i);
            }
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(causalReference(SPIKE_BAND_LOW_RATE, frames));
            assertThat(side(harness, SignalOutputs.LATE_FRAMES)).containsExactly(frames.get(2), frames.get(4));
            assertThat(side(harness, SignalOutputs.GAPS)).isEmpty();
        }
    }

    @Test
    void aFrameWithNaNIsDroppedUnderDropFrameAndTheFilterRestartsAtTheNextFrameWithoutAGap() throws Exception {
        List<SampleFrame> frames = noise("k", 4, 1000, 3, 8, 10);
        float[] bad = frames.get(3).data().clone();
        bad[7] = Float.NaN;
        bad[8] = Float.POSITIVE_INFINITY;
        List<SampleFrame> input = new ArrayList<>(frames);
        input.set(3, withData(frames.get(3), bad));
        try (var harness = filterHarness(SPIKE_BAND_LOW_RATE, Backend.HEAP, null)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            List<SampleFrame> expected = new ArrayList<>(causalReference(SPIKE_BAND_LOW_RATE, frames.subList(0, 3)));
            expected.addAll(causalReference(SPIKE_BAND_LOW_RATE, frames.subList(4, 8)));
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(expected);
            assertThat(side(harness, SignalOutputs.NON_FINITE)).containsExactly(
                    new NonFiniteSamples("k", 3, frames.get(3).firstSampleTimeUs(), 2, 1, NonFinitePolicy.DROP_FRAME));
            assertThat(side(harness, SignalOutputs.GAPS)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = NonFinitePolicy.class, names = {"HOLD_LAST", "ZERO"})
    void nanSamplesAreRepairedByPolicyAndFilteredInPlace(NonFinitePolicy policy) throws Exception {
        int channels = 3;
        List<SampleFrame> frames = noise("k", 5, 1000, channels, 6, 10);
        float[] bad = frames.get(2).data().clone();
        float[] repaired = bad.clone();
        bad[0] = Float.NaN;                    // sample 0, channel 0: held from the previous frame's last sample
        bad[4 * channels + 2] = Float.NaN;     // sample 4, channel 2: held from sample 3
        bad[5 * channels + 2] = Float.NEGATIVE_INFINITY; // sample 5, channel 2: still held from sample 3
        float[] previous = frames.get(1).data();
        boolean hold = policy == NonFinitePolicy.HOLD_LAST;
        repaired[0] = hold ? previous[previous.length - channels] : 0f;
        repaired[4 * channels + 2] = hold ? bad[3 * channels + 2] : 0f;
        repaired[5 * channels + 2] = hold ? bad[3 * channels + 2] : 0f;
        List<SampleFrame> input = new ArrayList<>(frames);
        input.set(2, withData(frames.get(2), bad));
        List<SampleFrame> clean = new ArrayList<>(frames);
        clean.set(2, withData(frames.get(2), repaired));
        try (var harness = filterHarness(SPIKE_BAND_LOW_RATE.withNonFinitePolicy(policy), Backend.HEAP, null)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(causalReference(SPIKE_BAND_LOW_RATE, clean));
            assertThat(side(harness, SignalOutputs.NON_FINITE)).containsExactly(
                    new NonFiniteSamples("k", 2, frames.get(2).firstSampleTimeUs(), 3, 0, policy));
        }
    }

    @Test
    void aChangeOfSampleRateRestartsTheKeyAndIsReportedAsAGap() throws Exception {
        List<SampleFrame> before = noise("k", 7, 1000, 2, 3, 10);
        List<SampleFrame> after = new ArrayList<>();
        for (SampleFrame f : noise("k", 8, 2000, 2, 3, 10)) {
            after.add(new SampleFrame("k", f.sequence() + 3, f.firstSampleTimeUs(), 2000, 2, 10, f.data()));
        }
        List<SampleFrame> input = new ArrayList<>(before);
        input.addAll(after);
        try (var harness = filterHarness(SPIKE_BAND_LOW_RATE, Backend.HEAP, null)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            List<SampleFrame> expected = new ArrayList<>(causalReference(SPIKE_BAND_LOW_RATE, before));
            expected.addAll(causalReference(SPIKE_BAND_LOW_RATE, after));
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(expected);
            assertThat(side(harness, SignalOutputs.GAPS)).hasSize(1);
        }
    }

    @Test
    void framesAtARateTooLowForTheDesignGoToTheUnsupportedRateOutputWithoutTouchingOtherKeys() throws Exception {
        List<SampleFrame> probe = broadband("probe", 13, 4, 6, 30);
        List<SampleFrame> slow = noise("slow", 14, 4000, 2, 3, 10);
        try (var harness = filterHarness(SPIKE_BAND, Backend.HEAP, null)) {
            for (int i = 0; i < 6; i++) {
                harness.processElement(probe.get(i), 0);
                if (i < 3) {
                    harness.processElement(slow.get(i), 0);
                }
            }
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(causalReference(SPIKE_BAND, probe));
            assertThat(side(harness, SignalOutputs.UNSUPPORTED_RATE)).containsExactlyElementsOf(slow);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        }
    }

    @Test
    void countersCountRecordsChannelSamplesGapsLateFramesAndRepairedSamples() throws Exception {
        List<SampleFrame> frames = noise("k", 15, 1000, 3, 8, 10);
        float[] bad = frames.get(6).data().clone();
        bad[4] = Float.NaN;
        bad[5] = Float.NaN;
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        try (var harness = SignalFixtures.harness(new BesselFilterFunction(
                SPIKE_BAND_LOW_RATE.withNonFinitePolicy(NonFinitePolicy.ZERO)), SampleFrame::sourceKey, metrics)) {
            for (int i : new int[] {0, 1, 2, 4, 3, 5}) {
                harness.processElement(frames.get(i), 0);
            }
            harness.processElement(withData(frames.get(6), bad), 0);
            harness.processElement(frames.get(7), 0);
        }
        assertThat(count(metrics, "records")).isEqualTo(8);
        assertThat(count(metrics, "channelSamples")).isEqualTo(7 * 3 * 10);
        assertThat(count(metrics, "gaps")).isEqualTo(1);
        assertThat(count(metrics, "late")).isEqualTo(1);
        assertThat(count(metrics, "repairedSamples")).isEqualTo(2);
        assertThat(count(metrics, "droppedFrames")).isZero();
    }

    private static long count(InterceptingOperatorMetricGroup metrics, String name) {
        return ((org.apache.flink.metrics.Counter) metrics.get(name)).getCount();
    }

    @Test
    void invalidSpecificationsFailWithTheFieldAndValueNamed() {
        assertThatThrownBy(() -> FilterSpec.causal(BandType.LOWPASS, 11, new double[] {10}, BesselNorm.MAG))
                .hasMessageContaining("order").hasMessageContaining("11");
        assertThatThrownBy(() -> FilterSpec.causal(BandType.BANDPASS, 2, new double[] {10}, BesselNorm.MAG))
                .hasMessageContaining("2 edge frequencies");
        assertThatThrownBy(() -> FilterSpec.blockBidirectional(BandType.LOWPASS, 2, new double[] {10},
                BesselNorm.MAG, 0, BlockBidirectionalFilter.Variant.ZERO_STATE))
                .hasMessageContaining("blockSize").hasMessageContaining("0");
        assertThatThrownBy(() -> SPIKE_BAND.design(4000)).hasMessageContaining("Nyquist");
    }

    @Test
    void sideOutputRecordsAreFlinkPojos() {
        assertThat(SignalOutputs.GAPS.getTypeInfo())
                .isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
        assertThat(SignalOutputs.NON_FINITE.getTypeInfo())
                .isInstanceOf(org.apache.flink.api.java.typeutils.PojoTypeInfo.class);
        assertThat(new SequenceGap("k", 1, 3, 2, 100, 250, 0).missingTimeUs()).isEqualTo(150);
    }
}
