package io.spikeline.operators.signal;

import static io.spikeline.operators.signal.SignalFixtures.harness;
import static io.spikeline.operators.signal.SignalFixtures.noise;
import static io.spikeline.operators.signal.SignalFixtures.withData;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.encode.DeltaEncoder;
import io.spikeline.models.encode.DeltaParams;
import io.spikeline.models.encode.RateEncoder;
import io.spikeline.models.encode.RateParams;
import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.sideoutput.NonFinitePolicy;
import io.spikeline.operators.sideoutput.NonFiniteSamples;
import io.spikeline.operators.signal.SignalFixtures.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The sample encoder operator's screening: gaps, late frames and non-finite samples, as the filter's. */
class SampleEncodeScreeningTest {
    private static final EncoderSpec.Delta DELTA = new EncoderSpec.Delta(0.5);
    private static final EncoderSpec.Rate RATE = new EncoderSpec.Rate(5, 42);

    private static SampleEncoder delta() {
        return new DeltaEncoder(new DeltaParams(0.5), 3);
    }

    /** Each run of frames through its own fresh encoder from {@code make}, in order. */
    @SafeVarargs
    private static List<SpikeBatch> direct(Supplier<SampleEncoder> make, List<SampleFrame>... runs) {
        List<SpikeBatch> out = new ArrayList<>();
        for (List<SampleFrame> run : runs) {
            SampleEncoder encoder = make.get();
            for (SampleFrame f : run) {
                out.add(encoder.encode(f));
            }
        }
        return out;
    }

    private static <T> List<T> side(KeyedOneInputStreamOperatorTestHarness<String, SampleFrame, SpikeBatch> harness,
                                    OutputTag<T> tag) {
        List<T> out = new ArrayList<>();
        var records = harness.getSideOutput(tag);
        if (records != null) {
            records.forEach(r -> out.add(((StreamRecord<T>) r).getValue()));
        }
        return out;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SampleFrame, SpikeBatch> open(EncoderSpec spec,
            NonFinitePolicy policy, OperatorSubtaskState restore) throws Exception {
        return harness(new SampleEncodeFunction(spec, policy), SampleFrame::sourceKey, Backend.HEAP, restore);
    }

    @Test
    void aGapIsReportedAndTheEncoderRestartsAtTheFrameAfterIt() throws Exception {
        List<SampleFrame> frames = noise("k", 2, 1000, 3, 12, 10);
        List<SampleFrame> withGap = new ArrayList<>(frames.subList(0, 5));
        withGap.addAll(frames.subList(8, 12));
        try (var harness = open(DELTA, NonFinitePolicy.DROP_FRAME, null)) {
            for (SampleFrame f : withGap) {
                harness.processElement(f, 0);
            }
            List<SpikeBatch> expected = direct(SampleEncodeScreeningTest::delta, frames.subList(0, 5),
                    frames.subList(8, 12));
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(expected)
                    .isNotEqualTo(direct(SampleEncodeScreeningTest::delta, withGap));
            assertThat(side(harness, SignalOutputs.GAPS)).singleElement().satisfies(gap -> {
                assertThat(gap.expectedSequence()).isEqualTo(5);
                assertThat(gap.receivedSequence()).isEqualTo(8);
                assertThat(gap.missingTimeUs()).isEqualTo(30_000);
                assertThat(gap.discardedSamples()).isZero();
            });
        }
    }

    @Test
    void theRateEncoderReportsAGapButItsGeneratorGoesOn() throws Exception {
        List<SampleFrame> frames = noise("k", 3, 1000, 3, 10, 10);
        List<SampleFrame> withGap = new ArrayList<>(frames.subList(0, 4));
        withGap.addAll(frames.subList(6, 10));
        try (var harness = open(RATE, NonFinitePolicy.DROP_FRAME, null)) {
            for (SampleFrame f : withGap) {
                harness.processElement(f, 0);
            }
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(
                    direct(() -> new RateEncoder(new RateParams(5), 3, RATE.seedFor("k")), withGap));
            assertThat(side(harness, SignalOutputs.GAPS)).hasSize(1);
        }
    }

    @Test
    void duplicatedAndBehindTheWatermarkFramesGoToTheLateOutputAndLeaveTheEncoderAlone() throws Exception {
        List<SampleFrame> frames = noise("k", 4, 1000, 3, 8, 10);
        try (var harness = open(DELTA, NonFinitePolicy.DROP_FRAME, null)) {
            for (int i = 0; i < 4; i++) {
                harness.processElement(frames.get(i), 100 + i);
            }
            harness.processElement(frames.get(2), 200);
            harness.processWatermark(150);
            harness.processElement(frames.get(4), 149);
            for (int i = 4; i < 8; i++) {
                harness.processElement(frames.get(i), 151 + i);
            }
            assertThat(harness.extractOutputValues())
                    .containsExactlyElementsOf(direct(SampleEncodeScreeningTest::delta, frames));
            assertThat(side(harness, SignalOutputs.LATE_FRAMES)).containsExactly(frames.get(2), frames.get(4));
            assertThat(side(harness, SignalOutputs.GAPS)).isEmpty();
        }
    }

    @Test
    void aFrameWithNaNIsDroppedAndTheEncoderRestartsAtTheNextFrameWithoutAGap() throws Exception {
        List<SampleFrame> frames = noise("k", 5, 1000, 3, 8, 10);
        float[] bad = frames.get(3).data().clone();
        bad[7] = Float.NaN;
        bad[8] = Float.NEGATIVE_INFINITY;
        List<SampleFrame> input = new ArrayList<>(frames);
        input.set(3, withData(frames.get(3), bad));
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        try (var harness = harness(new SampleEncodeFunction(DELTA), SampleFrame::sourceKey, metrics)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            assertThat(harness.extractOutputValues()).containsExactlyElementsOf(
                    direct(SampleEncodeScreeningTest::delta, frames.subList(0, 3), frames.subList(4, 8)));
            assertThat(side(harness, SignalOutputs.NON_FINITE)).containsExactly(new NonFiniteSamples("k", 3,
                    frames.get(3).firstSampleTimeUs(), 2, 1, NonFinitePolicy.DROP_FRAME));
            assertThat(side(harness, SignalOutputs.GAPS)).isEmpty();
        }
        assertThat(((Counter) metrics.get("droppedFrames")).getCount()).isEqualTo(1);
        assertThat(((Counter) metrics.get("gaps")).getCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = NonFinitePolicy.class, names = {"HOLD_LAST", "ZERO"})
    void nanSamplesAreRepairedByPolicyAndEncodedInPlace(NonFinitePolicy policy) throws Exception {
        int channels = 3;
        List<SampleFrame> frames = noise("k", 6, 1000, channels, 6, 10);
        float[] bad = frames.get(2).data().clone();
        float[] repaired = bad.clone();
        bad[0] = Float.NaN;
        bad[4 * channels + 2] = Float.NaN;
        float[] previous = frames.get(1).data();
        boolean hold = policy == NonFinitePolicy.HOLD_LAST;
        repaired[0] = hold ? previous[previous.length - channels] : 0f;
        repaired[4 * channels + 2] = hold ? bad[3 * channels + 2] : 0f;
        List<SampleFrame> input = new ArrayList<>(frames);
        input.set(2, withData(frames.get(2), bad));
        List<SampleFrame> clean = new ArrayList<>(frames);
        clean.set(2, withData(frames.get(2), repaired));
        try (var harness = open(DELTA, policy, null)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            assertThat(harness.extractOutputValues())
                    .containsExactlyElementsOf(direct(SampleEncodeScreeningTest::delta, clean));
            assertThat(side(harness, SignalOutputs.NON_FINITE)).containsExactly(
                    new NonFiniteSamples("k", 2, frames.get(2).firstSampleTimeUs(), 2, 0, policy));
        }
    }

    @Test
    void aRestoreBetweenADroppedFrameAndTheRestartContinuesBitForBit() throws Exception {
        List<SampleFrame> frames = noise("k", 7, 1000, 3, 10, 10);
        float[] bad = frames.get(4).data().clone();
        bad[1] = Float.NaN;
        List<SampleFrame> input = new ArrayList<>(frames);
        input.set(4, withData(frames.get(4), bad));
        input.remove(7);
        List<SpikeBatch> uninterrupted;
        try (var harness = open(DELTA, NonFinitePolicy.DROP_FRAME, null)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            uninterrupted = harness.extractOutputValues();
        }
        OperatorSubtaskState checkpoint;
        List<SpikeBatch> resumed;
        try (var first = open(DELTA, NonFinitePolicy.DROP_FRAME, null)) {
            for (SampleFrame f : input.subList(0, 5)) {
                first.processElement(f, 0);
            }
            checkpoint = first.snapshot(1, 1);
            resumed = new ArrayList<>(first.extractOutputValues());
        }
        try (var second = open(DELTA, NonFinitePolicy.DROP_FRAME, checkpoint)) {
            for (SampleFrame f : input.subList(5, input.size())) {
                second.processElement(f, 0);
            }
            resumed.addAll(second.extractOutputValues());
            assertThat(side(second, SignalOutputs.GAPS)).hasSize(1);
        }
        assertThat(resumed).containsExactlyElementsOf(uninterrupted).containsExactlyElementsOf(direct(
                SampleEncodeScreeningTest::delta, frames.subList(0, 4), frames.subList(5, 7), frames.subList(8, 10)));
    }
}
