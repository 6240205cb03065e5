package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.runtime.endpoint.EndpointStream;
import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.metrics.ConfusionMatrix;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.EndpointSinks;
import io.spikeline.runtime.report.EmbeddedJob;
import io.spikeline.connectors.mqtt.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code packets} job between topics of a real Kafka broker: labelled packets published to one are classified,
 * every one once and above chance, and the flows' answers come out on the other.
 */
class PacketsKafkaTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final int PACKETS = 3000;

    @Test
    void classifiesEveryPacketPublishedToKafkaAndPublishesTheFlowsAnswers() throws Exception {
        String in = EmbeddedKafka.uniqueTopic("packets");
        String out = EmbeddedKafka.uniqueTopic("flows");
        KAFKA.clients().createTopics(1, in, out);
        PacketsSettings settings = PacketsSettings.defaults();
        RecordCodec<PacketRecord, ?> codec = RecordCodec.packets();
        List<PacketRecord> sent = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> messages = new ArrayList<>();
        try (TrafficSimulator simulator = new TrafficSimulator(settings.traffic())) {
            for (int i = 0; i < PACKETS; i++) {
                PacketRecord p = simulator.read();
                sent.add(p);
                messages.add(new ProducerRecord<>(in, null, p.captureTimeUs() / 1000, null, codec.encode(p)));
            }
        }
        KAFKA.clients().produce(messages);

        StreamExecutionEnvironment env = EmbeddedJob.environment();
        EndpointStream<PacketRecord> packets = PacketSources.fromEndpoint(env,
                Endpoint.parse("kafka://" + KAFKA.bootstrapServers() + "/" + in + "?start=earliest"));
        EndpointSinks.decodings(PacketsJob.flowDecodings(PacketsJob.build(packets.records(), settings)),
                Endpoint.parse("kafka://" + KAFKA.bootstrapServers() + "/" + out + "?guarantee=at-least-once"));
        JobClient job = env.executeAsync("packets from kafka");
        RecordCodec<Decoding, ?> answers = RecordCodec.decodings();
        List<Decoding> published = new ArrayList<>();
        try {
            Poll.until(Duration.ofSeconds(120), () -> {
                published.clear();
                try {
                    for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(out)) {
                        published.add(answers.decode(m.value()));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return published.size() >= PACKETS;
            }, () -> "flow decodings on " + out + ", " + published.size() + " so far");
        } finally {
            job.cancel().get();
        }

        // One answer per packet, in the packets' order: keyed by the packet's flow, at its capture time, with the
        // network's class scores for the packet and its flow's class after it.
        assertThat(published).hasSize(PACKETS);
        int[] truth = new int[PACKETS];
        int[] packetClass = new int[PACKETS];
        int[] flowClass = new int[PACKETS];
        for (int i = 0; i < PACKETS; i++) {
            Decoding d = published.get(i);
            PacketRecord p = sent.get(i);
            assertThat(d.sourceKey()).isEqualTo(FlowVote.flowOf(p.flow()));
            assertThat(d.eventTimeUs()).isEqualTo(p.captureTimeUs());
            truth[i] = p.label();
            packetClass[i] = argmax(d.output());
            flowClass[i] = d.classId();
        }
        int classes = settings.classNames().size();
        ConfusionMatrix perPacket = new ConfusionMatrix(classes);
        perPacket.addAll(truth, packetClass, PACKETS);
        ConfusionMatrix perFlow = new ConfusionMatrix(classes);
        perFlow.addAll(truth, flowClass, PACKETS);
        long largestClass = 0;
        for (int c = 0; c < classes; c++) {
            largestClass = Math.max(largestClass, perPacket.support(c));
        }
        assertThat(perPacket.accuracy()).as("above always naming the most frequent class")
                .isGreaterThan(largestClass / (double) PACKETS);
        assertThat(perFlow.accuracy()).isGreaterThanOrEqualTo(perPacket.accuracy());
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }
}
