package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The controlled SNN operator in a job with generic types forbidden: inputs, controls and snapshots all travel. The
 * sources have one subtask each, so that each key's batches arrive in order (as from a Kafka partition); the
 * operator runs with two.
 */
class ControlledSpikingNetworkJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int BATCHES = 500;

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(ReachingNetworks.session(0));
    }

    @Test
    void exportsOnDemandAndPeriodicallyLeaveOnTheSideOutputAndLoadBack() throws Exception {
        List<SpikeBatch> spikes = new ArrayList<>();
        List<Feedback> feedback = new ArrayList<>();
        for (String key : new String[] {"a", "b"}) {
            ReachingSimulator simulator = new ReachingSimulator(key, ReachingNetworks.session(key.hashCode()));
            for (int n = 0; n < BATCHES; n++) {
                ReachingBatch batch = simulator.read();
                spikes.add(batch.spikes());
                feedback.add(batch.velocity());
            }
        }
        long demandUs = 5_000_000;
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        SnnOptions options = SnnOptions.defaults().withMaxPendingFeedback(2 * BATCHES).withExportInterval(4_000_000);
        SingleOutputStreamOperator<Decoding> decodings = ControlledSpikingNetworkFunction
                .inputs(env.fromData(spikes, RecordTypes.SPIKE_BATCH).setParallelism(1),
                        env.fromData(feedback, RecordTypes.FEEDBACK).setParallelism(1))
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.export(1, demandUs, "a")), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(ControlledSpikingNetworkJobTest::spec, options),
                        RecordTypes.DECODING);
        CloseableIterator<ModelSnapshot> exported = decodings.getSideOutput(ModelSnapshot.OUTPUT).collectAsync();
        CloseableIterator<Decoding> decoded = decodings.collectAsync();
        env.execute("snn-controls");

        List<ModelSnapshot> snapshots = new ArrayList<>();
        exported.forEachRemaining(snapshots::add);
        int decodingCount = 0;
        while (decoded.hasNext()) {
            decoded.next();
            decodingCount++;
        }
        assertThat(decodingCount).isEqualTo(2 * BATCHES);
        // 10 s per key: periodic exports after the first decode (20 ms) and at 4.02 s and 8.02 s; one on demand for a.
        assertThat(snapshots.stream().filter(s -> s.sourceKey().equals("b")).map(ModelSnapshot::eventTimeUs))
                .containsExactly(20_000L, 4_020_000L, 8_020_000L);
        assertThat(snapshots.stream().filter(s -> s.sourceKey().equals("a")).map(ModelSnapshot::eventTimeUs))
                .containsExactlyInAnyOrder(20_000L, 4_020_000L, demandUs, 8_020_000L);
        for (ModelSnapshot snapshot : snapshots) {
            SpikingNetwork network = new SpikingNetwork(spec());
            snapshot.restoreInto(network);
            assertThat(network.windowEndUs()).isEqualTo(snapshot.eventTimeUs());
        }
    }
}
