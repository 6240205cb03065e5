package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.DeadLetterSerializationSchema;
import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.sim.GestureBatch;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.gesture.GestureSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikeline run gesture} on Kafka, end to end: a simulated camera's events and gesture labels published to two
 * topics, a corrupt message in each, the job reading them with {@code --source} and {@code --feedback} and writing its
 * decodings with {@code --sink}; every gesture is decided, each decode window answered once, every corrupt message
 * dead-lettered with its reason, and the decisions are those of the embedded run of the same recording. Also the
 * endpoint options that do not apply.
 */
// A run on a broker that never got its signal would wait for it forever.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunGestureOnKafkaTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final int SECONDS = 120;
    private static final byte[] NOT_AVRO = "{\"gesture\": 3}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void classifiesGesturesPublishedToKafkaAsEmbeddedAndAccountsForEveryMessage() throws Exception {
        String events = EmbeddedKafka.uniqueTopic("events");
        String labels = EmbeddedKafka.uniqueTopic("labels");
        String decoded = EmbeddedKafka.uniqueTopic("decided");
        String dead = EmbeddedKafka.uniqueTopic("dead");
        KAFKA.clients().createTopics(1, events, labels, decoded, dead);
        GestureSettings settings = GestureSettings.defaults().withSeconds(SECONDS);
        RecordCodec<EventBatch, ?> eventCodec = RecordCodec.eventBatches();
        RecordCodec<Feedback, ?> labelCodec = RecordCodec.feedback();
        byte[] key = GestureSettings.SOURCE_KEY.getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<byte[], byte[]>> messages = new ArrayList<>();
        Map<String, WireFormatException.Reason> corrupt = new HashMap<>();
        int labelCount = 0;
        try (GestureSimulator camera = new GestureSimulator(GestureSettings.SOURCE_KEY, settings.recording())) {
            for (long b = 0; b < settings.batches(); b++) {
                GestureBatch batch = camera.read();
                byte[] eventMessage = eventCodec.encode(batch.events());
                messages.add(new ProducerRecord<>(events, key, eventMessage));
                for (Feedback label : batch.labels()) {
                    byte[] labelMessage = labelCodec.encode(label);
                    messages.add(new ProducerRecord<>(labels, key, labelMessage));
                    if (labelCount++ == 3) {
                        byte[] foreign = labelMessage.clone();
                        foreign[5] ^= 0x5A;
                        messages.add(new ProducerRecord<>(labels, key, foreign));
                        corrupt.put(Arrays.toString(foreign), WireFormatException.Reason.UNKNOWN_FINGERPRINT);
                    }
                }
                if (b == 100) {
                    messages.add(new ProducerRecord<>(events, key, NOT_AVRO));
                    corrupt.put(Arrays.toString(NOT_AVRO), WireFormatException.Reason.BAD_HEADER);
                }
            }
        }
        KAFKA.clients().produce(messages);

        String[] embedded = run("run", "gesture", "--seconds", Integer.toString(SECONDS), "--report-dir",
                tmp.resolve("embedded-report").toString());
        assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
        double signal = figure(embedded[1], "^signal +([0-9.]+) s: ");
        int gestures = (int) figure(embedded[1], "^signal +[0-9.]+ s: (\\d+) gestures classified");
        assertThat(gestures).isEqualTo(labelCount);

        // The run on Kafka ends once the last gesture is scored: the report rounds its sample's end to 0.1 s, and
        // gestures are more than a second apart.
        String broker = "kafka://" + KAFKA.bootstrapServers() + "/";
        Path reports = tmp.resolve("kafka-report");
        String[] r = run("run", "gesture", "--seconds", String.format(Locale.ROOT, "%.2f", signal - 0.05),
                "--source", broker + events + "?start=earliest&group=gesture-e2e",
                "--feedback", broker + labels + "?start=earliest&group=gesture-e2e",
                "--sink", broker + decoded + "?transactional-id=gesture-e2e",
                "--dead-letters", broker + dead + "?transactional-id=gesture-e2e",
                "--report-dir", reports.toString(), "--progress-every", "0.5");
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("spikeline gesture: " + broker + events)
                .contains("dead letters     2 (BAD_HEADER 1, UNKNOWN_FINGERPRINT 1), written to " + broker + dead)
                .contains("decodings        written to " + broker + decoded)
                .contains("label order      the device's: every label came within the label wait (5.0 s)")
                .contains("ended            once the requested signal time was decoded, savepoint ");
        assertThat((int) figure(text, "^signal +[0-9.]+ s: (\\d+) gestures classified")).isEqualTo(labelCount);
        assertThat(figure(text, "^accuracy last +\\d+ gestures +([0-9.]+)")).as("above chance")
                .isGreaterThan(1.0 / GestureSettings.CLASSES.length);
        // The same events and labels meet the same network.
        for (String part : new String[] {"^accuracy first +\\d+ gestures +([0-9.]+)",
            "^accuracy last +\\d+ gestures +([0-9.]+)", "decided early \\(accuracy ([0-9.]+)\\)",
            "mean decision ([0-9.]+) ms after onset"}) {
            assertThat(figure(text, part)).as(part).isEqualTo(figure(embedded[1], part));
        }

        // Each decode window answered once, committed to the sink topic.
        RecordCodec<Decoding, ?> decodingCodec = RecordCodec.decodings();
        Set<Long> times = new HashSet<>();
        List<ConsumerRecord<byte[], byte[]>> written = KAFKA.clients().readCommitted(decoded);
        for (ConsumerRecord<byte[], byte[]> m : written) {
            Decoding d = decodingCodec.decode(m.value());
            assertThat(d.sourceKey()).isEqualTo(GestureSettings.SOURCE_KEY);
            assertThat(d.hasClass()).isTrue();
            assertThat(times.add(d.eventTimeUs())).as("one decoding at %d us", d.eventTimeUs()).isTrue();
        }
        assertThat(written).hasSizeGreaterThanOrEqualTo(labelCount);

        // Every corrupt message dead-lettered, as it was sent, with its reason.
        List<ConsumerRecord<byte[], byte[]>> letters = KAFKA.clients().readCommitted(dead);
        assertThat(letters).hasSize(corrupt.size());
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            String reason = new String(letter.headers().lastHeader(DeadLetterSerializationSchema.REASON_HEADER).value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).isEqualTo(corrupt.get(Arrays.toString(letter.value())).name());
        }
    }

    @Test
    void refusesTheEndpointOptionsThatDoNotApplyToGesture() {
        String[] r = run("run", "gesture", "--control", "kafka://h/controls");
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[2]).contains("--control does not apply to gesture");
        r = run("run", "gesture", "--source", "kafka://h/events");
        assertThat(r[2]).contains("--source kafka://h/events needs --feedback");
        r = run("run", "gesture", "--source", "kafka://h/events", "--feedback", "kafka://h/labels", "--seed", "2");
        assertThat(r[2]).contains("--seed and --realtime apply to the simulated camera, not to --source kafka://h/events");
        r = run("run", "gesture", "--source", "sim:packets", "--sink", "file:x.jsonl");
        assertThat(r[2]).contains("'sim:packets': this application runs sim:gesture, not sim:packets");
    }
}
