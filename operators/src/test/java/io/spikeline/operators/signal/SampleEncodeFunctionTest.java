package io.spikeline.operators.signal;

import static io.spikeline.operators.signal.SignalFixtures.broadband;
import static io.spikeline.operators.signal.SignalFixtures.harness;
import static io.spikeline.operators.signal.SignalFixtures.noise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.encode.DeltaEncoder;
import io.spikeline.models.encode.DeltaParams;
import io.spikeline.models.encode.LatencyEncoder;
import io.spikeline.models.encode.LatencyMapping;
import io.spikeline.models.encode.LatencyParams;
import io.spikeline.models.encode.RateEncoder;
import io.spikeline.models.encode.RateParams;
import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.encode.SigmaDeltaEncoder;
import io.spikeline.models.encode.SigmaDeltaParams;
import io.spikeline.models.encode.ThresholdCrossingEncoder;
import io.spikeline.models.encode.ThresholdCrossingParams;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.SignalFixtures.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SampleEncodeFunctionTest {
    private static final EncoderSpec.ThresholdCrossing THRESHOLD = new EncoderSpec.ThresholdCrossing(-4.5, 300, 30);
    private static final EncoderSpec.Rate RATE = new EncoderSpec.Rate(5, 42);

    /** Each spec with the models encoder it must equal, built directly from the models parameters. */
    static Stream<Arguments> encoders() {
        return Stream.of(
                Arguments.of(THRESHOLD, (BiFunction<String, Integer, SampleEncoder>) (key, channels) ->
                        new ThresholdCrossingEncoder(new ThresholdCrossingParams(-4.5, 300, 30), channels)),
                Arguments.of(new EncoderSpec.Delta(0.5), (BiFunction<String, Integer, SampleEncoder>)
                        (key, channels) -> new DeltaEncoder(new DeltaParams(0.5), channels)),
                Arguments.of(new EncoderSpec.SigmaDelta(20), (BiFunction<String, Integer, SampleEncoder>)
                        (key, channels) -> new SigmaDeltaEncoder(new SigmaDeltaParams(20), channels)),
                Arguments.of(RATE, (BiFunction<String, Integer, SampleEncoder>) (key, channels) ->
                        new RateEncoder(new RateParams(5), channels, RATE.seedFor(key))),
                Arguments.of(new EncoderSpec.Latency(8, LatencyMapping.LINEAR, 12, 40),
                        (BiFunction<String, Integer, SampleEncoder>) (key, channels) -> new LatencyEncoder(
                                new LatencyParams(8, LatencyMapping.LINEAR, 12, 40), channels)));
    }

    /** Two keys of different channel counts, interleaved: a broadband probe and a slower multi-channel signal. */
    private static List<SampleFrame> twoKeys() {
        List<SampleFrame> probe = broadband("probe", 11, 24, 40, 30);
        List<SampleFrame> slow = noise("slow", 12, 1000, 5, 40, 10);
        List<SampleFrame> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(probe.get(i));
            input.add(slow.get(i));
        }
        return input;
    }

    private static List<SpikeBatch> direct(List<SampleFrame> input, BiFunction<String, Integer, SampleEncoder> make) {
        Map<String, SampleEncoder> encoders = new HashMap<>();
        List<SpikeBatch> out = new ArrayList<>();
        for (SampleFrame f : input) {
            out.add(encoders.computeIfAbsent(f.sourceKey(), k -> make.apply(k, f.channelCount())).encode(f));
        }
        return out;
    }

    private static List<SpikeBatch> run(EncoderSpec spec, Backend backend, List<SampleFrame> input,
                                        OperatorSubtaskState restore, OperatorSubtaskState[] snapshotAfter)
            throws Exception {
        try (var harness = harness(new SampleEncodeFunction(spec), SampleFrame::sourceKey, backend, restore)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            if (snapshotAfter != null) {
                snapshotAfter[0] = harness.snapshot(1, 1);
            }
            return harness.extractOutputValues();
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void eachKeysBatchesEqualTheModelsEncoderRunDirectly(EncoderSpec spec,
            BiFunction<String, Integer, SampleEncoder> reference) throws Exception {
        List<SampleFrame> input = twoKeys();
        List<SpikeBatch> expected = direct(input, reference);
        assertThat(expected.stream().mapToInt(SpikeBatch::spikeCount).sum()).isPositive();
        assertThat(run(spec, Backend.HEAP, input, null, null)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> restorable() {
        return Stream.of(Backend.values()).flatMap(b -> Stream.of(Arguments.of(b, THRESHOLD), Arguments.of(b, RATE)));
    }

    @ParameterizedTest
    @MethodSource("restorable")
    void restoredMidStreamTheBatchesAreBitIdenticalToAnUninterruptedRunIncludingTheGenerator(Backend backend,
            EncoderSpec spec) throws Exception {
        List<SampleFrame> input = twoKeys();
        List<SpikeBatch> uninterrupted = run(spec, backend, input, null, null);
        OperatorSubtaskState[] snapshot = new OperatorSubtaskState[1];
        int cut = 43;
        List<SpikeBatch> resumed = new ArrayList<>(run(spec, backend, input.subList(0, cut), null, snapshot));
        resumed.addAll(run(spec, backend, input.subList(cut, input.size()), snapshot[0], null));
        assertThat(resumed).containsExactlyElementsOf(uninterrupted);
    }

    @Test
    void countersCountRecordsChannelSamplesAndSpikes() throws Exception {
        List<SampleFrame> input = twoKeys();
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        List<SpikeBatch> out;
        try (var harness = SignalFixtures.harness(new SampleEncodeFunction(THRESHOLD), SampleFrame::sourceKey,
                metrics)) {
            for (SampleFrame f : input) {
                harness.processElement(f, 0);
            }
            out = harness.extractOutputValues();
        }
        long channelSamples = input.stream().mapToLong(f -> (long) f.channelCount() * f.sampleCount()).sum();
        assertThat(count(metrics, "records")).isEqualTo(input.size());
        assertThat(count(metrics, "channelSamples")).isEqualTo(channelSamples);
        long spikes = out.stream().mapToLong(SpikeBatch::spikeCount).sum();
        long bins = out.stream().mapToLong(b -> (long) b.channelCount() * b.binCount()).sum();
        assertThat(count(metrics, "spikes")).isEqualTo(spikes).isPositive();
        assertThat(count(metrics, "outputChannelBins")).isEqualTo(bins);
        assertThat(((org.apache.flink.metrics.Gauge<?>) metrics.get("sparsity")).getValue())
                .isEqualTo(1.0 - (double) spikes / bins);
    }

    private static long count(InterceptingOperatorMetricGroup metrics, String name) {
        return ((Counter) metrics.get(name)).getCount();
    }

    @Test
    void invalidEncoderParametersFailAtSpecificationWithTheModelsMessage() {
        assertThatThrownBy(() -> new EncoderSpec.ThresholdCrossing(0, 300, 30)).hasMessageContaining("thresholdMultiple");
        assertThatThrownBy(() -> new EncoderSpec.Delta(-1)).hasMessageContaining("delta");
        assertThatThrownBy(() -> new EncoderSpec.Rate(Double.NaN, 1)).hasMessageContaining("gainHzPerUnit");
    }
}
