package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.probe.SpikeTableOptions;
import io.spikeline.ingest.probe.SpikeTableReader;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.testing.SharedFiles;
import io.spikeline.runtime.endpoint.Recordings;
import io.spikeline.runtime.replay.WireRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayCommandTest {
    private static final Path EDF = SharedFiles.data("eeg/eegmmidb_S001R01_eyes_open.edf");
    private static final Path PCAP = SharedFiles.data("pcap/zeek_ftp_retr.pcap");

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();


    /** What the reader yields for the file, read directly, without empty event batches. */
    private static List<Object> direct(Path file) throws Exception {
        List<Object> out = new ArrayList<>();
        try (RecordReader<?> reader = Recordings.open(file, new HashMap<>())) {
            for (Object r; (r = reader.read()) != null; ) {
                if (!WireRecords.isEmpty(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static String kafkaUrl(String topic) {
        return "kafka://" + KAFKA.bootstrapServers() + "/" + topic;
    }

    /** Decodes a message with the codec of the record type the recording yields. */
    private static Object decode(Object like, byte[] message) throws WireFormatException {
        if (like instanceof SampleFrame) {
            return RecordCodec.sampleFrames(SamplePacking.float32()).decode(message);
        } else if (like instanceof EventBatch) {
            return RecordCodec.eventBatches().decode(message);
        } else if (like instanceof SpikeBatch) {
            return RecordCodec.spikeBatches().decode(message);
        }
        return RecordCodec.packets().decode(message);
    }

    /** One recording per record type and reader family: frames, packets, events, spikes. */
    static Stream<Arguments> recordings() {
        return Stream.of(
                Arguments.of(EDF, SampleFrame.class),
                Arguments.of(SharedFiles.data("probe/openephys_legacy_16ch_40kHz"), SampleFrame.class),
                Arguments.of(PCAP, PacketRecord.class),
                Arguments.of(SharedFiles.data("events/tonic_sample_nmnist.bin"), EventBatch.class),
                Arguments.of(SharedFiles.data("events/prophesee_evt3_gen41_sample.raw"), EventBatch.class),
                Arguments.of(SharedFiles.data("probe/mc_maze_jenkins_trial748_1ms.csv"), SpikeBatch.class));
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void replayedIntoKafkaReadsBackAsTheReaderRecords(Path file, Class<?> type) throws Exception {
        String topic = EmbeddedKafka.uniqueTopic("replay");
        KAFKA.clients().createTopics(1, topic);
        String[] r = run("replay", file.toString(), "--to", kafkaUrl(topic), "--speed", "0");
        assertThat(r[0]).as(r[2]).isEqualTo("0");

        List<Object> expected = direct(file);
        assertThat(expected).isNotEmpty().allMatch(type::isInstance);
        List<Object> received = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(topic)) {
            received.add(decode(expected.get(0), m.value()));
            keys.add(new String(m.key(), StandardCharsets.UTF_8));
        }
        assertThat(received).isEqualTo(expected);
        List<String> expectedKeys = new ArrayList<>();
        for (Object e : expected) {
            expectedKeys.add(e instanceof PacketRecord p ? p.flow().toString() : sourceKey(e));
        }
        assertThat(keys).isEqualTo(expectedKeys);
        assertThat(r[1]).contains("replayed " + expected.size() + " records");
    }

    private static String sourceKey(Object record) {
        if (record instanceof SampleFrame f) {
            return f.sourceKey();
        } else if (record instanceof EventBatch b) {
            return b.sourceKey();
        }
        return ((SpikeBatch) record).sourceKey();
    }

    @Test
    void spikeTableFeedbackGoesToItsOwnTopicInTheReadersOrder() throws Exception {
        Path table = SharedFiles.data("probe/mc_maze_jenkins_trial748_1ms.csv");
        String spikes = EmbeddedKafka.uniqueTopic("spikes");
        String velocity = EmbeddedKafka.uniqueTopic("velocity");
        KAFKA.clients().createTopics(1, spikes, velocity);
        String[] r = run("replay", table.toString(), "--to", kafkaUrl(spikes), "--feedback-to", kafkaUrl(velocity),
                "--speed", "0");
        assertThat(r[0]).as(r[2]).isEqualTo("0");

        List<Feedback> expected = new ArrayList<>();
        int batches = 0;
        try (SpikeTableReader reader = SpikeTableReader.open(table, SpikeTableOptions.defaults())) {
            while (reader.read() != null) {
                batches++;
                expected.addAll(reader.pollFeedback());
            }
        }
        assertThat(expected).hasSizeGreaterThan(batches);
        RecordCodec<Feedback, ?> codec = RecordCodec.feedback();
        List<Feedback> received = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(velocity)) {
            received.add(codec.decode(m.value()));
        }
        assertThat(received).isEqualTo(expected);
        assertThat(KAFKA.clients().readCommitted(spikes)).hasSize(batches);
        assertThat(r[1]).contains("published " + expected.size() + " feedback records");
    }

    @Test
    void feedbackToRefusesARecordingWithoutFeedback() {
        String[] r = run("replay", EDF.toString(), "--to", kafkaUrl("unused"), "--feedback-to", kafkaUrl("unused-fb"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--feedback-to", "carries no feedback");
    }

    @Test
    void limitStopsAfterThatManyRecords() throws Exception {
        String topic = EmbeddedKafka.uniqueTopic("limit");
        KAFKA.clients().createTopics(1, topic);
        String[] r = run("replay", PCAP.toString(), "--to", kafkaUrl(topic), "--speed", "0", "--limit", "3");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        RecordCodec<PacketRecord, ?> codec = RecordCodec.packets();
        List<Object> received = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(topic)) {
            received.add(codec.decode(m.value()));
        }
        assertThat(received).isEqualTo(direct(PCAP).subList(0, 3));
    }

    @Test
    void pcapReplayedIntoMqttArrivesOnOneTopicPerFlow(@TempDir Path dir) throws Exception {
        List<Object> expected = direct(PCAP);
        Map<String, List<Object>> expectedByKey = new LinkedHashMap<>();
        for (Object p : expected) {
            expectedByKey.computeIfAbsent(WireRecords.key(p), k -> new ArrayList<>()).add(p);
        }
        assertThat(expectedByKey).hasSizeGreaterThan(1);
        RecordCodec<PacketRecord, ?> codec = RecordCodec.packets();
        Map<String, List<Object>> receivedByKey = new LinkedHashMap<>();
        List<Exception> failures = new ArrayList<>();
        try (TestBroker broker = TestBroker.start(dir)) {
            MqttClient subscriber = new MqttClient(broker.uri(), "sub-" + UUID.randomUUID(), new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("replay/#", 1, (topic, message) -> {
                synchronized (receivedByKey) {
                    try {
                        receivedByKey.computeIfAbsent(topic.substring("replay/".length()), k -> new ArrayList<>())
                                .add(codec.decode(message.getPayload()));
                    } catch (Exception e) {
                        failures.add(e);
                    }
                    receivedByKey.notifyAll();
                }
            });
            String[] r = run("replay", PCAP.toString(), "--to", "mqtt://127.0.0.1:" + broker.port() + "/replay/{key}",
                    "--speed", "0", "--qos", "1");
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            long deadline = System.currentTimeMillis() + 30_000;
            synchronized (receivedByKey) {
                while (receivedByKey.values().stream().mapToInt(List::size).sum() < expected.size()
                        && System.currentTimeMillis() < deadline) {
                    receivedByKey.wait(200);
                }
            }
            subscriber.disconnect();
            subscriber.close();
        }
        assertThat(failures).isEmpty();
        assertThat(receivedByKey).isEqualTo(expectedByKey);
    }

    @Test
    void speedTwentyTakesAtLeastTheSignalTimeOverTwenty() throws Exception {
        String topic = EmbeddedKafka.uniqueTopic("paced");
        KAFKA.clients().createTopics(1, topic);
        int n = 11;
        List<Object> first = direct(EDF).subList(0, n);
        double signalS = (WireRecords.eventTimeUs(first.get(n - 1)) - WireRecords.eventTimeUs(first.get(0))) / 1e6;
        assertThat(signalS).isPositive();
        long start = System.nanoTime();
        String[] r = run("replay", EDF.toString(), "--to", kafkaUrl(topic), "--speed", "20", "--limit",
                Integer.toString(n), "--progress-every", "0.1");
        double wallS = (System.nanoTime() - start) / 1e9;
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(wallS).isGreaterThanOrEqualTo(signalS / 20);
        assertThat(r[1]).contains("replay: ").contains("replayed " + n + " records");
    }

    @Test
    void helpExplainsEveryOptionWithItsDefault() {
        String[] r = run("replay", "--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("--to=URL", "{key}", "--speed=X", "(default: 1)", "--limit=N", "--qos", "--timeout",
                "--progress-every", "Exit codes:");
    }

    @Test
    void badUrlsNameTheWrongPart() {
        String file = PCAP.toString();
        assertThat(run("replay", file, "--to", "http://localhost:80/x")).satisfies(r -> {
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[2]).contains("scheme 'http'");
        });
        assertThat(run("replay", file, "--to", "kafka://localhost:nine/topic")[2]).contains("port 'nine'");
        assertThat(run("replay", file, "--to", "kafka://localhost:70000/topic")[2]).contains("port must be 1..65535");
        assertThat(run("replay", file, "--to", "kafka://localhost:9092")[2]).contains("topic is missing");
        assertThat(run("replay", file, "--to", "kafka://:9092/t")[2]).contains("host is missing");
        assertThat(run("replay", file, "--to", "kafka://localhost:9092/a{key}")[2]).contains("Kafka topic 'a{key}'");
        assertThat(run("replay", file, "--to", "mqtt://localhost:1883/a/#")[2]).contains("wildcard");
        assertThat(run("replay", file, "--to", "localhost:9092/t")[2]).contains("not a broker URL");
        assertThat(run("replay", file, "--to", "mqtt://localhost:1883/t", "--qos", "3")[2]).contains("QoS must be 0, 1 or 2");
    }

    @Test
    void unreachableBrokersFailWithinTheTimeout() throws Exception {
        int port = TestBroker.freePort();
        String[] kafka = run("replay", PCAP.toString(), "--to", "kafka://127.0.0.1:" + port + "/t", "--timeout", "2");
        assertThat(kafka[0]).isEqualTo("2");
        assertThat(kafka[2]).contains("cannot reach Kafka at kafka://127.0.0.1:" + port + "/t within 2.0 s");
        String[] mqtt = run("replay", PCAP.toString(), "--to", "mqtt://127.0.0.1:" + port + "/t", "--timeout", "2");
        assertThat(mqtt[0]).isEqualTo("2");
        assertThat(mqtt[2]).contains("cannot reach the MQTT broker at mqtt://127.0.0.1:" + port + "/t");
    }
}
