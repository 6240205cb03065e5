package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.mqtt.testing.TestPublisher;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikeline run gesture} on Mosquitto, end to end: a simulated camera's events and gesture labels published at
 * QoS 1 to two topics, which the job's two sources read from their own persistent sessions, so events and labels reach
 * it in whatever interleaving the broker and the sources make; a corrupt message on each topic; the decodings published
 * to a topic per camera. Every gesture is classified, each decode window answered once on its camera's topic, every
 * corrupt message dead-lettered with its reason, and the decisions are those of the embedded run of the same
 * recording.
 */
// A run on a broker that never got its signal would wait for it forever.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunGestureOnMqttTest {
    private static final int SECONDS = 60;
    private static final byte[] NOT_AVRO = "{\"gesture\": 3}".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void classifiesGesturesPublishedToMosquittoAsEmbeddedAndAccountsForEveryMessage() throws Exception {
        GestureSettings settings = GestureSettings.defaults().withSeconds(SECONDS);
        String[] embedded = run("run", "gesture", "--seconds", Integer.toString(SECONDS), "--report-dir",
                tmp.resolve("embedded-report").toString());
        assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
        double signal = figure(embedded[1], "^signal +([0-9.]+) s: ");

        try (TestBroker broker = TestBroker.start(Files.createDirectories(tmp.resolve("mosquitto")))) {
            String prefix = "gesture-" + ProcessHandle.current().pid();
            String eventsClient = MqttClients.sessionOn(broker, prefix, "events");
            String labelsClient = MqttClients.sessionOn(broker, prefix, "labels");
            Map<String, WireFormatException.Reason> corrupt = new HashMap<>();
            int labelCount = 0;
            try (MqttClients.Subscriber decided = new MqttClients.Subscriber(broker, prefix + "/decided/#")) {
                RecordCodec<EventBatch, ?> eventCodec = RecordCodec.eventBatches();
                RecordCodec<Feedback, ?> labelCodec = RecordCodec.feedback();
                try (GestureSimulator camera = new GestureSimulator(GestureSettings.SOURCE_KEY, settings.recording());
                     TestPublisher publisher = new TestPublisher(broker.uri())) {
                    for (long b = 0; b < settings.batches(); b++) {
                        GestureBatch batch = camera.read();
                        publisher.publish(prefix + "/events", eventCodec.encode(batch.events()), 1);
                        for (Feedback label : batch.labels()) {
                            byte[] labelMessage = labelCodec.encode(label);
                            publisher.publish(prefix + "/labels", labelMessage, 1);
                            if (labelCount++ == 3) {
                                byte[] foreign = labelMessage.clone();
                                foreign[5] ^= 0x5A;
                                publisher.publish(prefix + "/labels", foreign, 1);
                                corrupt.put(Arrays.toString(foreign), WireFormatException.Reason.UNKNOWN_FINGERPRINT);
                            }
                        }
                        if (b == 100) {
                            publisher.publish(prefix + "/events", NOT_AVRO, 1);
                            corrupt.put(Arrays.toString(NOT_AVRO), WireFormatException.Reason.BAD_HEADER);
                        }
                    }
                }
                assertThat((int) figure(embedded[1], "^signal +[0-9.]+ s: (\\d+) gestures classified"))
                        .isEqualTo(labelCount);

                String url = "mqtt://127.0.0.1:" + broker.port() + "/" + prefix;
                Path dead = tmp.resolve("dead.jsonl");
                Path reports = tmp.resolve("mqtt-report");
                String[] r = run("run", "gesture", "--seconds", String.format(Locale.ROOT, "%.2f", signal - 0.05),
                        "--source", url + "/events?client-id=" + eventsClient,
                        "--feedback", url + "/labels?client-id=" + labelsClient,
                        "--sink", url + "/decided/{key}",
                        "--dead-letters", "file://" + dead,
                        "--report-dir", reports.toString(), "--progress-every", "0.5");
                System.out.print(r[1]);
                assertThat(r[0]).as(r[2]).isEqualTo("0");
                String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
                assertThat(text).contains("spikeline gesture: " + url + "/events")
                        .contains("dead letters     2 (BAD_HEADER 1, UNKNOWN_FINGERPRINT 1), written to file://" + dead)
                        .contains("decodings        written to " + url + "/decided/{key}")
                        .contains("label order      the device's: every label came within the label wait (5.0 s)");
                assertThat((int) figure(text, "^signal +[0-9.]+ s: (\\d+) gestures classified")).isEqualTo(labelCount);
                // The same events and labels meet the same network, in the device's order.
                for (String part : new String[] {"^accuracy first +\\d+ gestures +([0-9.]+)",
                    "^accuracy last +\\d+ gestures +([0-9.]+)", "decided early \\(accuracy ([0-9.]+)\\)",
                    "mean decision ([0-9.]+) ms after onset"}) {
                    assertThat(figure(text, part)).as(part).isEqualTo(figure(embedded[1], part));
                }

                // Each decode window answered once, on the camera's topic.
                decided.drain(Duration.ofSeconds(30));
                RecordCodec<Decoding, ?> decodings = RecordCodec.decodings();
                Set<Long> times = new HashSet<>();
                List<MqttClients.Received> answers = decided.on(prefix + "/decided/#");
                for (MqttClients.Received m : answers) {
                    Decoding d = decodings.decode(m.payload());
                    assertThat(m.topic()).isEqualTo(prefix + "/decided/" + GestureSettings.SOURCE_KEY);
                    assertThat(d.hasClass()).isTrue();
                    assertThat(times.add(d.eventTimeUs())).as("one decoding at %d us", d.eventTimeUs()).isTrue();
                }
                assertThat(answers).hasSizeGreaterThanOrEqualTo(labelCount);

                // Every corrupt message dead-lettered, as it was sent, with its reason.
                List<String> letters = new ArrayList<>(Files.readAllLines(dead, StandardCharsets.UTF_8));
                assertThat(letters).hasSize(corrupt.size());
                for (String line : letters) {
                    JsonNode letter = JSON.readTree(line);
                    WireFormatException.Reason reason = corrupt.get(Arrays.toString(
                            Base64.getDecoder().decode(letter.get("payload").asText())));
                    assertThat(reason).as(line).isNotNull();
                    assertThat(letter.get("reason").asText()).isEqualTo(reason.name());
                }
            }
        }
    }
}
