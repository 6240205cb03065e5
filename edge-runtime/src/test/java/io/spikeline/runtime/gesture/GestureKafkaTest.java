package io.spikeline.runtime.gesture;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.ingest.sim.GestureBatch;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.endpoint.StopSignal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gesture job fed by a real (KRaft) Kafka broker, its decodings written back to it. */
class GestureKafkaTest {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static String url(String topic) {
        return "kafka://" + KAFKA.bootstrapServers() + "/" + topic;
    }

    @Test
    void eventsAndLabelsFromKafkaAreClassifiedLikeTheSimulatorsAndTheDecodingsWrittenBack() throws Exception {
        String events = EmbeddedKafka.uniqueTopic("gesture-events");
        String labels = EmbeddedKafka.uniqueTopic("gesture-labels");
        String decisions = EmbeddedKafka.uniqueTopic("gesture-decisions");
        KAFKA.clients().createTopics(1, events, labels, decisions);
        GestureSettings settings = GestureSettings.defaults().withSeconds(40);
        RecordCodec<EventBatch, ?> eventCodec = RecordCodec.eventBatches();
        RecordCodec<Feedback, ?> labelCodec = RecordCodec.feedback();
        byte[] key = GestureSettings.SOURCE_KEY.getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<byte[], byte[]>> messages = new ArrayList<>();
        long eventCount = 0;
        int labelCount = 0;
        try (GestureSimulator camera = new GestureSimulator(GestureSettings.SOURCE_KEY, settings.recording())) {
            for (long b = 0; b < settings.batches(); b++) {
                GestureBatch batch = camera.read();
                messages.add(new ProducerRecord<>(events, key, eventCodec.encode(batch.events())));
                eventCount += batch.events().size();
                for (Feedback label : batch.labels()) {
                    messages.add(new ProducerRecord<>(labels, key, labelCodec.encode(label)));
                    labelCount++;
                }
            }
        }
        KAFKA.clients().produce(messages);

        // The run on Kafka ends once it has scored the gestures of the simulated run's signal time.
        GestureRun.Result simulated = GestureRun.run(settings, 1, p -> { });
        JobEndpoints endpoints = JobEndpoints.parse(url(events) + "?start=earliest", url(labels) + "?start=earliest",
                url(decisions) + "?guarantee=at-least-once", null, null);
        GestureRun.Result fromKafka;
        try (StopSignal stop = StopSignal.manual()) {
            fromKafka = GestureRun.run(settings.withSeconds(simulated.score().signalSeconds()), endpoints, stop, 1,
                    p -> { });
        }

        // Every labelled gesture is classified (a message that did not decode would be missing), as on the simulator
        // directly, with the same decisions: the labels topic, far smaller, is read ahead of the events, and the
        // sampler holds each label until the bins have passed it, as it does with the simulator's.
        GestureScore score = fromKafka.score();
        assertThat(score.count()).isEqualTo(labelCount).isEqualTo(simulated.score().count());
        for (int g = 0; g < score.count(); g++) {
            assertThat(score.confusion(g, g + 1).accuracy()).as("gesture %d", g)
                    .isEqualTo(simulated.score().confusion(g, g + 1).accuracy());
        }
        assertThat(score.earlyDecisionMs()).isEqualTo(simulated.score().earlyDecisionMs());
        assertThat(score.latencies()).hasSameSizeAs(simulated.score().latencies());
        assertThat(simulated.events()).isEqualTo(eventCount);
        assertThat(fromKafka.endpoints().orElseThrow().run().deadLetters().total()).isZero();
        for (int t = 0; t < GestureSettings.CLASSES.length; t++) {
            for (int d = 0; d < GestureSettings.CLASSES.length; d++) {
                assertThat(score.confusion(0, score.count()).count(t, d))
                        .isEqualTo(simulated.score().confusion(0, score.count()).count(t, d));
            }
        }

        // Every decoding the run scored reached the decisions topic.
        List<Decoding> written = new ArrayList<>();
        RecordCodec<Decoding, ?> decodingCodec = RecordCodec.decodings();
        for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(decisions)) {
            written.add(decodingCodec.decode(m.value()));
        }
        assertThat(written).hasSize(score.latencies().length);
        assertThat(written).allMatch(d -> d.sourceKey().equals(GestureSettings.SOURCE_KEY) && d.hasClass());
    }
}
