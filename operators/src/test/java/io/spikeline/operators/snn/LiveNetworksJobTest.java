package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * More keys than live networks on RocksDB, in an order that keeps evicting them, with a failure after a
 * checkpoint: every key still decodes bit for bit as its network run alone on its own input, so the state
 * checkpointed behind the cache was each key's latest.
 */
class LiveNetworksJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int KEYS = 24;
    private static final int LIVE = 5;
    private static final int BATCHES = 60;
    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger SEEN_AFTER_CHECKPOINT = new AtomicInteger();

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(ReachingNetworks.session(0));
    }

    /** Passes decodings on, and fails once some time after a checkpoint has completed. */
    private static final class FailOnceAfterCheckpoint implements MapFunction<Decoding, Decoding>, CheckpointListener {
        @Override
        public Decoding map(Decoding decoding) {
            if (CHECKPOINTED.get() && SEEN_AFTER_CHECKPOINT.incrementAndGet() == 100 && !FAILED.getAndSet(true)) {
                throw new IllegalStateException("injected failure");
            }
            return decoding;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @Test
    void moreKeysThanLiveNetworksOnRocksDbEachDecodeAsTheirSoloRunAcrossARestore() throws Exception {
        Map<String, List<float[]>> expected = new HashMap<>();
        List<List<Either<SpikeBatch, Feedback>>> perKey = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            ReachingNetworks.Session session = ReachingNetworks.sessionWithDirectOutputs("key" + k, 100 + k, BATCHES);
            expected.put("key" + k, session.directOutputs());
            perKey.add(session.inputs());
        }
        // Each round visits the keys in a new order: a key's batch and its feedback follow each other (a hit),
        // and a key returns after up to 2 × KEYS others, long after it was evicted.
        List<Either<SpikeBatch, Feedback>> inputs = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            order.add(k);
        }
        Random random = new Random(7);
        for (int n = 0; n < BATCHES; n++) {
            Collections.shuffle(order, random);
            for (int k : order) {
                inputs.add(perKey.get(k).get(2 * n));
                inputs.add(perKey.get(k).get(2 * n + 1));
            }
        }

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        Map<String, List<Decoding>> out = new HashMap<>();
        try (CloseableIterator<Decoding> it = env.fromData(inputs, ControlledSpikingNetworkFunction.INPUT_TYPE)
                .map(ReachingNetworks::paced).returns(ControlledSpikingNetworkFunction.INPUT_TYPE).setParallelism(1)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(LiveNetworksJobTest::spec,
                        SnnOptions.defaults().withLiveNetworks(LIVE)), RecordTypes.DECODING)
                .map(new FailOnceAfterCheckpoint()).returns(RecordTypes.DECODING)
                .executeAndCollect("snn-live-networks")) {
            it.forEachRemaining(d -> out.computeIfAbsent(d.sourceKey(), key -> new ArrayList<>()).add(d));
        }
        assertThat(FAILED).isTrue();
        assertThat(out).hasSize(KEYS);
        for (int k = 0; k < KEYS; k++) {
            List<Decoding> decodings = out.get("key" + k);
            List<float[]> solo = expected.get("key" + k);
            assertThat(decodings).as("key%d", k).hasSize(BATCHES);
            for (int n = 0; n < BATCHES; n++) {
                assertThat(decodings.get(n).eventTimeUs()).as("key%d decoding %d", k, n).isEqualTo(n * 20_000L);
                assertThat(decodings.get(n).output()).as("key%d decoding %d", k, n).containsExactly(solo.get(n));
            }
        }
    }
}
