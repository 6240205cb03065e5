package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job that fails once after a completed checkpoint and recovers from it: its decodings equal those of the
 * network run directly on the same input, bit for bit, on the heap and RocksDB backends.
 */
class SpikingNetworkRecoveryTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int BATCHES = 600;
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
            if (CHECKPOINTED.get() && SEEN_AFTER_CHECKPOINT.incrementAndGet() == 50 && !FAILED.getAndSet(true)) {
                throw new IllegalStateException("injected failure");
            }
            return decoding;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void afterAFailureTheJobRestoresAndDecodesExactlyAsWithout(String backend) throws Exception {
        CHECKPOINTED.set(false);
        FAILED.set(false);
        SEEN_AFTER_CHECKPOINT.set(0);
        ReachingNetworks.Session session = ReachingNetworks.sessionWithDirectOutputs(BATCHES);
        List<Either<SpikeBatch, Feedback>> inputs = session.inputs();
        List<float[]> expected = session.directOutputs();

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(100);
        List<Decoding> out = new ArrayList<>();
        // The input is paced (2 ms a record) so that the source is still running when checkpoints complete.
        try (CloseableIterator<Decoding> it = env.fromData(inputs, ControlledSpikingNetworkFunction.INPUT_TYPE)
                .map(ReachingNetworks::paced).returns(ControlledSpikingNetworkFunction.INPUT_TYPE)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(SpikingNetworkRecoveryTest::spec, SnnOptions.defaults()),
                        RecordTypes.DECODING)
                .map(new FailOnceAfterCheckpoint()).returns(RecordTypes.DECODING)
                .executeAndCollect("snn-recovery")) {
            it.forEachRemaining(out::add);
        }
        assertThat(FAILED).isTrue();
        assertThat(out).hasSize(BATCHES);
        for (int k = 0; k < BATCHES; k++) {
            assertThat(out.get(k).eventTimeUs()).isEqualTo(k * 20_000L);
            assertThat(out.get(k).output()).containsExactly(expected.get(k));
        }
    }
}
