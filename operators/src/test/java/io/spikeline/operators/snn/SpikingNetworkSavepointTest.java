package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stop-with-savepoint mid-stream, then resume from the savepoint with a different parallelism: the decodings
 * of both runs together equal the network run directly on the same input, bit for bit — none lost, none
 * repeated — on the heap and RocksDB backends.
 */
class SpikingNetworkSavepointTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    private static final int BATCHES = 600;
    private static final ConcurrentLinkedQueue<Decoding> OUT = new ConcurrentLinkedQueue<>();

    @TempDir
    Path savepoints;

    /** Collects decodings in this JVM; a savepoint stops the job only after what came before it was written. */
    private static final class CollectingSink implements Sink<Decoding> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Decoding> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Decoding element, Context context) {
                    OUT.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                    // Elements are handed over as they arrive.
                }

                @Override
                public void close() {
                    // Nothing to release.
                }
            };
        }
    }

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(ReachingNetworks.session(0));
    }

    private static JobClient submit(List<Either<SpikeBatch, Feedback>> inputs, String backend, int parallelism,
                                    String savepoint) throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        if (savepoint != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.setMaxParallelism(128);
        env.enableCheckpointing(Duration.ofHours(1).toMillis());
        env.fromData(inputs, ControlledSpikingNetworkFunction.INPUT_TYPE).uid("inputs").setParallelism(1)
                .map(ReachingNetworks::paced).returns(ControlledSpikingNetworkFunction.INPUT_TYPE)
                .uid("pace").setParallelism(1)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .uid("controls").setParallelism(1)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(SpikingNetworkSavepointTest::spec, SnnOptions.defaults()),
                        RecordTypes.DECODING)
                .uid("network")
                .sinkTo(new CollectingSink()).uid("sink").setParallelism(1);
        return env.executeAsync("snn-savepoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void stopWithSavepointAndResumeAtAnotherParallelismLosesAndRepeatsNothing(String backend) throws Exception {
        OUT.clear();
        ReachingNetworks.Session session = ReachingNetworks.sessionWithDirectOutputs(BATCHES);
        List<Either<SpikeBatch, Feedback>> inputs = session.inputs();
        List<float[]> expected = session.directOutputs();

        JobClient first = submit(inputs, backend, 1, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (OUT.size() < 150 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(OUT.size()).as("decodings before the savepoint").isGreaterThanOrEqualTo(150);
        String savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get();
        int beforeResume = OUT.size();
        assertThat(beforeResume).isLessThan(BATCHES);

        JobClient second = submit(inputs, backend, 2, savepoint);
        second.getJobExecutionResult().get();

        List<Decoding> out = new ArrayList<>(OUT);
        assertThat(out).hasSize(BATCHES);
        for (int k = 0; k < BATCHES; k++) {
            assertThat(out.get(k).eventTimeUs()).as("decoding %d", k).isEqualTo(k * 20_000L);
            assertThat(out.get(k).output()).as("decoding %d", k).containsExactly(expected.get(k));
        }
    }
}
