package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.DecodedStream;
import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.EndpointSinks;
import io.spikeline.runtime.report.EmbeddedJob;
import io.spikeline.connectors.mqtt.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code packets} job fed by a real Kafka broker: labelled packets published to a topic are classified, every one
 * once, above chance, and the flows' answers go out to another topic.
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
        DecodedStream<PacketRecord> packets = PacketSources.fromEndpoint(env,
                Endpoint.parse("kafka://" + KAFKA.bootstrapServers() + "/" + in + "?start=earliest"));
        DataStream<PacketVerdict> verdicts = PacketsJob.build(packets.records(), settings);
        EndpointSinks.decodings(PacketsJob.flowDecodings(verdicts),
                Endpoint.parse("kafka://" + KAFKA.bootstrapServers() + "/" + out + "?guarantee=at-least-once"));
        List<PacketVerdict> answers = verdicts.executeAndCollect("packets from kafka", PACKETS);

        assertThat(answers).hasSize(PACKETS);
        PacketsScore score = new PacketsScore(settings.classNames(), PACKETS, 1);
        for (PacketVerdict v : answers) {
            PacketRecord p = sent.get((int) v.index());
            assertThat(v.truth()).isEqualTo(p.label());
            assertThat(v.captureTimeUs()).isEqualTo(p.captureTimeUs());
            assertThat(v.flow()).isEqualTo(FlowVote.flowOf(p.flow()));
            score.add(v);
        }
        assertThat(score.complete()).as("every packet once").isTrue();
        assertThat(score.accuracy(0, PACKETS)).isGreaterThan(score.majorityAccuracy(0, PACKETS));
        assertThat(score.flowVoteAccuracy(0, PACKETS)).isGreaterThanOrEqualTo(score.accuracy(0, PACKETS));

        // The sink flushes what it was given before the job stopped: the flows' answers for the packets, in order.
        RecordCodec<Decoding, ?> decodings = RecordCodec.decodings();
        List<Decoding> published = new ArrayList<>();
        Poll.until(Duration.ofSeconds(60), () -> {
            published.clear();
            try {
                for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(out)) {
                    published.add(decodings.decode(m.value()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return published.size() >= PACKETS / 2;
        }, () -> "flow decodings on " + out + ", " + published.size() + " so far");
        Decoding first = published.get(0);
        assertThat(first.sourceKey()).isEqualTo(FlowVote.flowOf(sent.get(0).flow()));
        assertThat(first.eventTimeUs()).isEqualTo(sent.get(0).captureTimeUs());
        assertThat(first.classId()).isBetween(0, settings.classNames().size() - 1);
    }
}
