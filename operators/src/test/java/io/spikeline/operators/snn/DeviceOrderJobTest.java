package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SNN decoder fed through the ordered merge from two routes with random delays, seeded differently on every
 * run, so that spikes and feedback interleave differently each time. The reference is the decoder network run
 * directly, without Flink, on each batch and then its velocity ({@link ReachingNetworks}): every run must decode
 * exactly as it does, and export the same learned model.
 */
class DeviceOrderJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int BATCHES = 150;
    private static final Map<String, Long> SEEDS = Map.of("a", 3L, "b", 4L);

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(ReachingNetworks.session(0));
    }

    /** Passes records on after a random delay of up to 2 ms, drawn from its own seed. */
    private static final class Delay<T> implements MapFunction<T, T> {
        private static final long serialVersionUID = 1L;
        private final long seed;
        private transient SplittableRandom random;

        Delay(long seed) {
            this.seed = seed;
        }

        @Override
        public T map(T value) throws InterruptedException {
            if (random == null) {
                random = new SplittableRandom(seed);
            }
            Thread.sleep(random.nextInt(3));
            return value;
        }
    }

    private record Result(Map<String, List<float[]>> outputs, List<ModelSnapshot> exports) {}

    private static Result run(Map<String, ReachingNetworks.Session> sessions, long seed) throws Exception {
        List<SpikeBatch> spikes = new ArrayList<>();
        List<Feedback> feedback = new ArrayList<>();
        for (ReachingNetworks.Session session : sessions.values()) {
            for (Either<SpikeBatch, Feedback> input : session.inputs()) {
                if (input.isLeft()) {
                    spikes.add(input.left());
                } else {
                    feedback.add(input.right());
                }
            }
        }
        long exportUs = spikes.get(BATCHES - 1).startTimeUs();
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        DataStream<SpikeBatch> spikeRoute = env.fromData(spikes, RecordTypes.SPIKE_BATCH).setParallelism(1)
                .map(new Delay<SpikeBatch>(seed)).returns(RecordTypes.SPIKE_BATCH).setParallelism(1);
        DataStream<Feedback> feedbackRoute = env.fromData(feedback, RecordTypes.FEEDBACK).setParallelism(1)
                .map(new Delay<Feedback>(~seed)).returns(RecordTypes.FEEDBACK).setParallelism(1);
        SingleOutputStreamOperator<Decoding> decodings = ControlledSpikingNetworkFunction
                .orderedInputs(spikeRoute, feedbackRoute, 2 * BATCHES)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.export(1, exportUs, null)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(DeviceOrderJobTest::spec, SnnOptions.defaults()),
                        RecordTypes.DECODING);
        CloseableIterator<ModelSnapshot> exported = decodings.getSideOutput(ModelSnapshot.OUTPUT).collectAsync();
        CloseableIterator<Decoding> decoded = decodings.collectAsync();
        env.execute("snn-device-order");

        List<ModelSnapshot> exports = new ArrayList<>();
        exported.forEachRemaining(exports::add);
        exports.sort((x, y) -> x.sourceKey().compareTo(y.sourceKey()));
        Map<String, List<float[]>> outputs = new LinkedHashMap<>();
        decoded.forEachRemaining(d -> outputs.computeIfAbsent(d.sourceKey(), k -> new ArrayList<>()).add(d.output()));
        return new Result(outputs, exports);
    }

    @Test
    void learnsBitIdenticallyWhateverTheInterleavingOfTheTwoRoutes() throws Exception {
        Map<String, ReachingNetworks.Session> sessions = new LinkedHashMap<>();
        for (Map.Entry<String, Long> key : SEEDS.entrySet()) {
            sessions.put(key.getKey(), ReachingNetworks.sessionWithDirectOutputs(key.getKey(), key.getValue(),
                    BATCHES, new SpikingNetwork(spec())));
        }
        Result first = run(sessions, 11);
        Result second = run(sessions, 29);
        for (Result result : List.of(first, second)) {
            for (Map.Entry<String, ReachingNetworks.Session> session : sessions.entrySet()) {
                List<float[]> outputs = result.outputs().get(session.getKey());
                List<float[]> expected = session.getValue().directOutputs();
                assertThat(outputs).hasSize(BATCHES);
                for (int n = 0; n < BATCHES; n++) {
                    assertThat(outputs.get(n)).as("key %s decode %d", session.getKey(), n)
                            .containsExactly(expected.get(n));
                }
            }
            assertThat(result.exports()).hasSize(SEEDS.size());
        }
        assertThat(second.exports()).isEqualTo(first.exports());
    }
}
