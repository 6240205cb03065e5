package io.spikeline.operators.signal;

import static io.spikeline.operators.signal.SignalFixtures.blockReference;
import static io.spikeline.operators.signal.SignalFixtures.causalReference;
import static io.spikeline.operators.signal.SignalFixtures.noise;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.encode.ThresholdCrossingEncoder;
import io.spikeline.models.encode.ThresholdCrossingParams;
import io.spikeline.models.filter.BlockBidirectionalFilter;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.sideoutput.SequenceGap;
import io.spikeline.operators.signal.SignalFixtures.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Filter → threshold-crossing encode in a MiniCluster job with generic types disabled. */
class SignalJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final double[] RATES_HZ = {1000, 2000, 2500, 5000, 30_000};
    private static final int KEYS = 1000;
    private static final FilterSpec CAUSAL_LOWPASS =
            FilterSpec.causal(BandType.LOWPASS, 4, new double[] {100}, BesselNorm.PHASE);
    private static final FilterSpec BLOCK_BANDPASS = FilterSpec.blockBidirectional(BandType.BANDPASS, 2,
            new double[] {20, 200}, BesselNorm.MAG, 16, BlockBidirectionalFilter.Variant.FORWARD_CARRIED_BACKWARD_ZERO);
    private static final EncoderSpec.ThresholdCrossing DETECT = new EncoderSpec.ThresholdCrossing(-2.5, 20, 2);

    private static boolean causalKey(String key) {
        return key.equals("gappy") || Integer.parseInt(key.substring(3)) % 2 == 0;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void manyKeysOfDifferentRatesShapesAndFiltersEachMatchTheirSoloRun(Backend backend) throws Exception {
        Map<String, List<SampleFrame>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < KEYS; i++) {
            String key = "key" + i;
            byKey.put(key, noise(key, i, RATES_HZ[i % RATES_HZ.length], 1 + i % 7, 12, 5 + i % 11));
        }
        List<SampleFrame> input = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            for (List<SampleFrame> frames : byKey.values()) {
                input.add(frames.get(f));
            }
        }
        List<SampleFrame> gappy = noise("gappy", 99, 1000, 2, 6, 10);
        input.add(gappy.get(0));
        input.add(gappy.get(3));

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        config.set(StateBackendOptions.STATE_BACKEND, backend == Backend.ROCKSDB ? "rocksdb" : "hashmap");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(200);
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();

        // The routing filters run at the source's parallelism (chained to it) so that each key's frames keep their order.
        DataStream<SampleFrame> source = env.fromData(input, RecordTypes.SAMPLE_FRAME);
        SingleOutputStreamOperator<SampleFrame> causal = source.filter(f -> causalKey(f.sourceKey())).setParallelism(1)
                .keyBy(SampleFrame::sourceKey).process(new BesselFilterFunction(CAUSAL_LOWPASS))
                .returns(RecordTypes.SAMPLE_FRAME);
        SingleOutputStreamOperator<SampleFrame> blocks = source.filter(f -> !causalKey(f.sourceKey())).setParallelism(1)
                .keyBy(SampleFrame::sourceKey).process(new BesselFilterFunction(BLOCK_BANDPASS))
                .returns(RecordTypes.SAMPLE_FRAME);
        DataStream<SampleFrame> filtered = causal.union(blocks);
        DataStream<SpikeBatch> spikes = filtered.keyBy(SampleFrame::sourceKey)
                .process(new SampleEncodeFunction(DETECT)).returns(RecordTypes.SPIKE_BATCH);
        CloseableIterator<SampleFrame> filteredOut = filtered.collectAsync();
        CloseableIterator<SpikeBatch> spikesOut = spikes.collectAsync();
        CloseableIterator<SequenceGap> gapsOut = causal.getSideOutput(SignalOutputs.GAPS)
                .union(blocks.getSideOutput(SignalOutputs.GAPS)).collectAsync();
        env.execute("many keys");

        Map<String, List<SampleFrame>> framesOut = new LinkedHashMap<>();
        filteredOut.forEachRemaining(f -> framesOut.computeIfAbsent(f.sourceKey(), k -> new ArrayList<>()).add(f));
        Map<String, List<SpikeBatch>> batchesOut = new LinkedHashMap<>();
        spikesOut.forEachRemaining(b -> batchesOut.computeIfAbsent(b.sourceKey(), k -> new ArrayList<>()).add(b));
        List<SequenceGap> gaps = new ArrayList<>();
        gapsOut.forEachRemaining(gaps::add);

        int spikeTotal = 0;
        for (Map.Entry<String, List<SampleFrame>> e : byKey.entrySet()) {
            String key = e.getKey();
            List<SampleFrame> solo = solo(key, e.getValue());
            assertThat(framesOut.get(key)).as(key).containsExactlyElementsOf(solo);
            ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(new ThresholdCrossingParams(-2.5, 20, 2),
                    solo.get(0).channelCount());
            List<SpikeBatch> expected = new ArrayList<>();
            for (SampleFrame f : solo) {
                expected.add(encoder.encode(f));
            }
            assertThat(batchesOut.get(key)).as(key).containsExactlyElementsOf(expected);
            spikeTotal += expected.stream().mapToInt(SpikeBatch::spikeCount).sum();
        }
        assertThat(spikeTotal).isPositive();
        assertThat(gaps).containsExactly(new SequenceGap("gappy", 1, 3, 2, gappy.get(1).firstSampleTimeUs(),
                gappy.get(3).firstSampleTimeUs(), 0));
    }

    /** The key's filter run alone on the models core; block output cut into the frames the operator emits. */
    private static List<SampleFrame> solo(String key, List<SampleFrame> frames) {
        if (causalKey(key)) {
            return causalReference(CAUSAL_LOWPASS, frames);
        }
        SignalFixtures.BlockOutput reference = blockReference(BLOCK_BANDPASS, frames);
        SampleFrame first = frames.get(0);
        int channels = first.channelCount();
        int block = BLOCK_BANDPASS.blockSize();
        List<SampleFrame> out = new ArrayList<>();
        int received = 0;
        int emitted = 0;
        for (SampleFrame f : frames) {
            received += f.sampleCount();
            int due = received / block * block - emitted;
            if (due > 0) {
                float[] data = java.util.Arrays.copyOfRange(reference.samples(), emitted * channels,
                        (emitted + due) * channels);
                out.add(new SampleFrame(key, out.size(), reference.inputTimesUs().get(emitted), f.sampleRateHz(),
                        channels, due, data));
                emitted += due;
            }
        }
        return out;
    }
}
