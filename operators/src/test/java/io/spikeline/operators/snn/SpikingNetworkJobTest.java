package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SNN operator in a job on a MiniCluster with generic types forbidden, fed by the reaching simulator's spike
 * and velocity streams. They come from one source in the order the simulator produces them (each batch, then its
 * velocity), as a live device would pace them: two unpaced sources would let the runtime deliver all spikes before
 * any feedback, and nothing could be learned online.
 */
class SpikingNetworkJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int BATCHES = 2000;
    private static final String[] KEYS = {"monkey-n", "monkey-j"};

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(ReachingNetworks.session(0));
    }

    @Test
    void decodersLearnOnlineInTheJobAndDecodeBetterOverTime() throws Exception {
        List<Either<SpikeBatch, Feedback>> inputs = new ArrayList<>();
        Map<String, Map<Long, float[]>> truth = new HashMap<>();
        for (int k = 0; k < KEYS.length; k++) {
            ReachingSimulator simulator = new ReachingSimulator(KEYS[k], ReachingNetworks.session(40 + k));
            Map<Long, float[]> velocities = new HashMap<>();
            for (int n = 0; n < BATCHES; n++) {
                ReachingBatch batch = simulator.read();
                inputs.add(Either.Left(batch.spikes()));
                inputs.add(Either.Right(batch.velocity()));
                velocities.put(batch.velocity().eventTimeUs(), batch.velocity().target());
            }
            truth.put(KEYS[k], velocities);
        }

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        DataStream<Decoding> decodings = env.fromData(inputs, ControlledSpikingNetworkFunction.INPUT_TYPE)
                .keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(SpikingNetworkJobTest::spec, SnnOptions.defaults()),
                        RecordTypes.DECODING);

        Map<String, R2Accumulator> opening = new HashMap<>();
        Map<String, R2Accumulator> closing = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String key : KEYS) {
            opening.put(key, new R2Accumulator(2));
            closing.put(key, new R2Accumulator(2));
        }
        long startNs = System.nanoTime();
        try (CloseableIterator<Decoding> it = decodings.executeAndCollect("snn-learning")) {
            while (it.hasNext()) {
                Decoding d = it.next();
                int n = seen.merge(d.sourceKey(), 1, Integer::sum);
                float[] velocity = truth.get(d.sourceKey()).get(d.eventTimeUs());
                assertThat(d.latencyUs()).isNotNegative();
                if (n <= 100) {
                    opening.get(d.sourceKey()).add(velocity, d.output());
                } else if (n > BATCHES - 500) {
                    closing.get(d.sourceKey()).add(velocity, d.output());
                }
            }
        }
        double seconds = (System.nanoTime() - startNs) / 1e9;
        System.out.printf("job: %d bins of 96 channels in %.2f s including job start-up (%.0f bins/s)%n",
                KEYS.length * BATCHES * 20, seconds, KEYS.length * BATCHES * 20 / seconds);
        for (String key : KEYS) {
            double first = opening.get(key).uniformAverage();
            double last = closing.get(key).uniformAverage();
            System.out.printf("job %s: R2 of the first 100 decodes %.3f, of the last 500 %.3f%n", key, first, last);
            assertThat(seen.get(key)).isEqualTo(BATCHES);
            assertThat(last).isGreaterThan(0.3).isGreaterThan(first + 0.2);
        }
    }
}
