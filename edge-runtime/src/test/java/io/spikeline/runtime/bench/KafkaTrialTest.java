package io.spikeline.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A trial whose records travel through a real (embedded KRaft) Kafka broker is accounted for like one in process. */
class KafkaTrialTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @Test
    void eventsThroughKafkaAreAllDecoded() throws Exception {
        EventsScenario scenario = new EventsScenario(2);
        TrialResult result = PipelineTrial.run(scenario, 5000,
                PipelineTrialTest.SMALL.withVia(new Via.Kafka(KAFKA.bootstrapServers())));
        PipelineTrialTest.assertAccounted(scenario, 5000, result);
        assertThat(result.decodings()).isEqualTo(99);
    }

    @Test
    void probesThroughKafkaAreAllDecoded() throws Exception {
        ProbesScenario scenario = new ProbesScenario(16, 3);
        TrialResult result = PipelineTrial.run(scenario, 1,
                PipelineTrialTest.SMALL.withVia(new Via.Kafka(KAFKA.bootstrapServers())));
        PipelineTrialTest.assertAccounted(scenario, 1, result);
        assertThat(result.decodings()).isEqualTo(50);
    }
}
