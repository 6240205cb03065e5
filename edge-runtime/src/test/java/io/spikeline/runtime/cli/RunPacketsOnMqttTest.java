package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.connectors.avro.AvroPacketRecord;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.mqtt.testing.TestPublisher;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.runtime.packets.PacketsSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikeline run packets} on Mosquitto, end to end: simulated traffic published at QoS 1 as labelled packets to
 * a topic per flow (as {@code spikeline replay --to mqtt://…/{key}} does), four corrupt messages among them, the job
 * reading them with {@code --source} and a topic filter and publishing each packet's flow decoding to a topic per flow
 * with {@code --sink}; every packet is answered once, on its flow's topic, every corrupt message is dead-lettered to a
 * file with its reason, and the answers are those of the embedded run of the same traffic.
 */
// A run on a broker that never got its traffic would wait for it forever.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunPacketsOnMqttTest {
    private static final int SECONDS = 6;
    private static final byte[] NOT_AVRO = "{\"flow\": \"dns\"}".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A corrupt message: where it was published and why it must be dead-lettered. */
    private record Corrupt(String topic, WireFormatException.Reason reason) {}

    @Test
    void classifiesTrafficPublishedToMosquittoAsEmbeddedAndAnswersEveryPacketOnceOnItsFlowsTopic() throws Exception {
        PacketsSettings settings = PacketsSettings.defaults().withSeconds(SECONDS);
        List<PacketRecord> sent = new ArrayList<>();
        try (TrafficSimulator simulator = new TrafficSimulator(settings.traffic())) {
            for (PacketRecord p = simulator.read(); p.captureTimeUs() < SECONDS * 1_000_000L; p = simulator.read()) {
                sent.add(p);
            }
        }
        assertThat(sent).hasSizeGreaterThan(2500);

        try (TestBroker broker = TestBroker.start(Files.createDirectories(tmp.resolve("mosquitto")))) {
            String prefix = "packets-" + ProcessHandle.current().pid();
            String sourceClient = prefix + "-source";
            MqttClients.persistentSession(broker, sourceClient, prefix + "/packets/#");
            Map<String, Corrupt> corrupt = new HashMap<>();
            try (MqttClients.Subscriber flows = new MqttClients.Subscriber(broker, prefix + "/flows/#")) {
                publish(broker, prefix + "/packets/", sent, corrupt);

                // The run ends once the traffic time from the first packet to the last is classified.
                double span = (sent.get(sent.size() - 1).captureTimeUs() - sent.get(0).captureTimeUs()) / 1e6;
                String url = "mqtt://127.0.0.1:" + broker.port() + "/" + prefix;
                Path dead = tmp.resolve("dead.jsonl");
                Path reports = tmp.resolve("mqtt-report");
                String[] r = run("run", "packets", "--seconds", Double.toString(span),
                        "--source", url + "/packets/#?client-id=" + sourceClient,
                        "--sink", url + "/flows/{key}",
                        "--dead-letters", "file://" + dead,
                        "--report-dir", reports.toString(), "--progress-every", "0.5");
                System.out.print(r[1]);
                assertThat(r[0]).as(r[2]).isEqualTo("0");
                assertThat(r[1]).contains("labelled packets from " + url + "/packets/#");

                String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
                assertThat(text).contains("spikeline packets: " + url + "/packets/#")
                        .contains("dead letters     4 (BAD_HEADER 1, UNKNOWN_FINGERPRINT 1, CORRUPT_AVRO 1, "
                                + "INVALID_RECORD 1), written to file://" + dead)
                        .contains("decodings        written to " + url + "/flows/{key}")
                        .contains("ended            once the requested signal time was decoded, savepoint ");
                assertThat(figure(text, "^traffic +[0-9.]+ s: (\\d+) packets")).isEqualTo(sent.size());

                // Every corrupt message dead-lettered, as it was sent, with its reason and the topic it came from.
                List<String> letters = Files.readAllLines(dead, StandardCharsets.UTF_8);
                assertThat(letters).hasSize(corrupt.size());
                for (String line : letters) {
                    JsonNode letter = JSON.readTree(line);
                    Corrupt expected = corrupt.get(Arrays.toString(
                            Base64.getDecoder().decode(letter.get("payload").asText())));
                    assertThat(expected).as(line).isNotNull();
                    assertThat(letter.get("reason").asText()).isEqualTo(expected.reason().name());
                    assertThat(letter.get("origin").asText()).isEqualTo("mqtt:" + expected.topic());
                }

                // The flow decodings the embedded run makes of the same traffic, one per packet, by flow in the
                // packets' order.
                Path embeddedDecodings = tmp.resolve("embedded.jsonl");
                Path embeddedReports = tmp.resolve("embedded-report");
                String[] embedded = run("run", "packets", "--seconds", Integer.toString(SECONDS),
                        "--source", "sim:packets?seed=" + settings.seed(), "--sink", "file://" + embeddedDecodings,
                        "--report-dir", embeddedReports.toString());
                assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
                String embeddedText = Files.readString(embeddedReports.resolve("report.txt"), StandardCharsets.UTF_8);
                assertThat(figure(embeddedText, "^traffic +[0-9.]+ s: (\\d+) packets")).isEqualTo(sent.size());
                Map<String, List<JsonNode>> expectedByFlow = new HashMap<>();
                List<Long> expectedTimes = new ArrayList<>();
                for (String line : Files.readAllLines(embeddedDecodings, StandardCharsets.UTF_8)) {
                    JsonNode answer = JSON.readTree(line);
                    expectedByFlow.computeIfAbsent(answer.get("sourceKey").asText(), f -> new ArrayList<>()).add(answer);
                    expectedTimes.add(answer.get("eventTimeUs").asLong());
                }
                assertThat(expectedTimes).containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(PacketRecord::captureTimeUs).toList());

                // Every packet answered once, on the topic of its flow (the flow key's '/' adds a level), in order
                // within the flow, with the embedded run's answer.
                flows.drain(Duration.ofSeconds(30));
                RecordCodec<Decoding, ?> answers = RecordCodec.decodings();
                Map<String, List<Decoding>> answeredByFlow = new HashMap<>();
                for (MqttClients.Received m : flows.on(prefix + "/flows/#")) {
                    Decoding d = answers.decode(m.payload());
                    assertThat(m.topic()).isEqualTo(prefix + "/flows/" + d.sourceKey());
                    answeredByFlow.computeIfAbsent(d.sourceKey(), f -> new ArrayList<>()).add(d);
                }
                assertThat(answeredByFlow.keySet()).isEqualTo(expectedByFlow.keySet());
                for (Map.Entry<String, List<JsonNode>> flow : expectedByFlow.entrySet()) {
                    List<Decoding> answered = answeredByFlow.get(flow.getKey());
                    assertThat(answered).as(flow.getKey()).hasSameSizeAs(flow.getValue());
                    for (int i = 0; i < answered.size(); i++) {
                        assertSameAnswer(answered.get(i), flow.getValue().get(i));
                    }
                }

                // The same packets in the same order meet the same network.
                for (String part : new String[] {"^accuracy +per packet ([0-9.]+)",
                    "^accuracy +per packet [0-9.]+, per flow \\(running vote at each packet\\) ([0-9.]+)",
                    "^accuracy first +\\d+ packets: per packet ([0-9.]+)",
                    "^accuracy last +\\d+ packets: per packet ([0-9.]+)", "^flows +(\\d+) of \\d+ flows"}) {
                    assertThat(figure(text, part)).as(part).isEqualTo(figure(embeddedText, part));
                }
                double whole = figure(text, "^accuracy +per packet ([0-9.]+)");
                double majority = figure(text, "^accuracy +per packet .*majority class ([0-9.]+)");
                System.out.printf("per-packet accuracy over MQTT %.3f, embedded %.3f (majority class %.3f)%n", whole,
                        figure(embeddedText, "^accuracy +per packet ([0-9.]+)"), majority);
                assertThat(whole).isGreaterThan(majority);
            }
        }
    }

    /** Asserts that {@code d} is the decoding {@code expected} (its JSON line) but for the wall-clock stamps. */
    private static void assertSameAnswer(Decoding d, JsonNode expected) {
        String what = d.sourceKey() + " at " + d.eventTimeUs() + " us";
        assertThat(d.eventTimeUs()).as(what).isEqualTo(expected.get("eventTimeUs").asLong());
        assertThat(d.classId()).as(what).isEqualTo(expected.get("classId").asInt());
        assertThat(d.confidence()).as(what).isEqualTo(expected.get("confidence").floatValue());
        float[] scores = new float[expected.get("output").size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = expected.get("output").get(i).floatValue();
        }
        assertThat(d.output()).as(what).containsExactly(scores);
    }

    /**
     * Publishes {@code packets} at QoS 1, each to {@code topicPrefix} and its flow, with four corrupt messages among
     * them ({@link #corruption}), kept in {@code corrupt} by their bytes.
     */
    private static void publish(TestBroker broker, String topicPrefix, List<PacketRecord> packets,
                                Map<String, Corrupt> corrupt) throws Exception {
        RecordCodec<PacketRecord, ?> codec = RecordCodec.packets();
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
            for (int i = 0; i < packets.size(); i++) {
                String topic = topicPrefix + packets.get(i).flow();
                byte[] message = codec.encode(packets.get(i));
                publisher.publish(topic, message, 1);
                Corruption bad = corruption(i, message);
                if (bad != null) {
                    publisher.publish(topic, bad.bytes(), 1);
                    corrupt.put(Arrays.toString(bad.bytes()), new Corrupt(topic, bad.reason()));
                }
            }
        }
    }

    private record Corruption(WireFormatException.Reason reason, byte[] bytes) {}

    /**
     * The corrupt message sent after packet {@code i} (whose message is {@code message}), or null: not Avro, a packet
     * of an unknown schema, a truncated packet, or one whose label breaks the record's rules.
     */
    private static Corruption corruption(int i, byte[] message) throws Exception {
        return switch (i) {
            case 500 -> new Corruption(WireFormatException.Reason.BAD_HEADER, NOT_AVRO);
            case 1000 -> {
                byte[] foreign = message.clone();
                foreign[5] ^= 0x5A;
                yield new Corruption(WireFormatException.Reason.UNKNOWN_FINGERPRINT, foreign);
            }
            case 1500 -> new Corruption(WireFormatException.Reason.CORRUPT_AVRO, Arrays.copyOf(message, 14));
            case 2000 -> {
                AvroPacketRecord avro = AvroPacketRecord.fromByteBuffer(ByteBuffer.wrap(message));
                avro.setLabel(-5);
                ByteBuffer buffer = avro.toByteBuffer();
                byte[] invalid = new byte[buffer.remaining()];
                buffer.get(invalid);
                yield new Corruption(WireFormatException.Reason.INVALID_RECORD, invalid);
            }
            default -> null;
        };
    }
}
