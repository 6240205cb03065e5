package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordSamples;
import io.spikeline.models.record.Feedback;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** A round trip through a Kafka broker in a container; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerRoundTripTest {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.0");
    @RegisterExtension
    static final MiniClusterExtension FLINK = KafkaJobs.miniCluster();

    @Test
    void feedbackComesOutAsItWentIn() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        KafkaTestClients clients = new KafkaTestClients(bootstrap);
        clients.createTopics(1, "feedback-in", "feedback-out");
        KafkaRecordType<Feedback> type = KafkaRecordType.feedback();
        List<Feedback> records = Arrays.asList(RecordSamples.feedback());
        KafkaSettings settings = new KafkaSettings(bootstrap, List.of("feedback-in"), "container", StartingOffsets.EARLIEST,
                "feedback-out", "dead-letters", DeliveryGuarantee.EXACTLY_ONCE, "container", Duration.ofMinutes(1),
                Duration.ZERO, Duration.ZERO);
        clients.produce(KafkaJobs.encode("feedback-in", type, records));

        StreamExecutionEnvironment env = KafkaJobs.environment();
        SpikelineKafka.read(env, KafkaJobs.boundedSource(settings), type, settings).records()
                .sinkTo(SpikelineKafka.sink(settings, type));
        env.execute("container round trip");

        assertThat(KafkaJobs.decode(type, clients.readCommitted("feedback-out"))).containsExactlyElementsOf(records);
    }
}
