package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.network.FeedbackOutcome;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.SpikeBatch;
import org.junit.jupiter.api.Test;

/** A network decoding the simulated reach velocity learns it online (prequentially: predict, then learn). */
class SpikingNetworkReachingTest {

    @Test
    void decodingOfReachVelocityImprovesAsTheReadoutLearnsOnline() throws Exception {
        ReachingParameters session = ReachingNetworks.session(3);
        ReachingSimulator simulator = new ReachingSimulator("monkey", session);
        SpikingNetwork network = new SpikingNetwork(ReachingNetworks.decoder(session));
        int batches = 2000;
        int opening = 100;
        int closing = 500;
        R2Accumulator first = new R2Accumulator(2);
        R2Accumulator last = new R2Accumulator(2);
        int[] spikes = new int[session.channels()];
        for (int n = 0; n < batches; n++) {
            ReachingBatch batch = simulator.read();
            SpikeBatch s = batch.spikes();
            boolean decoded = false;
            for (int b = 0; b < s.binCount(); b++) {
                int count = s.spikesInBin(b);
                System.arraycopy(s.channelIndices(), s.binOffsets()[b], spikes, 0, count);
                decoded = network.step(s.binStartTimeUs(b), spikes, count);
            }
            assertThat(decoded).isTrue();
            float[] truth = batch.velocity().target();
            if (n < opening) {
                first.add(truth, network.output().clone());
            } else if (n >= batches - closing) {
                last.add(truth, network.output().clone());
            }
            assertThat(network.learn(batch.velocity())).isEqualTo(FeedbackOutcome.APPLIED);
        }
        System.out.printf("reaching R2 first %.3f last %.3f%n", first.uniformAverage(), last.uniformAverage());
        assertThat(last.uniformAverage()).isGreaterThan(0.3).isGreaterThan(first.uniformAverage() + 0.2);
    }
}
