package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.DeadLetterSerializationSchema;
import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.mqtt.testing.TestPublisher;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.sim.EegFrame;
import io.spikeline.ingest.sim.EegSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.runtime.bmi.BmiRun;
import io.spikeline.runtime.bmi.BmiSettings;
import io.spikeline.runtime.eeg.EegSettings;
import io.spikeline.runtime.endpoint.EndpointSummary;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.endpoint.LiveJob;
import io.spikeline.runtime.endpoint.StopSignal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikeline run} on real brokers, end to end: a simulated session replayed into Kafka (embedded KRaft broker)
 * or Mosquitto, a few corrupt messages among it, the job reading it with {@code --source}/{@code --feedback} and
 * writing with {@code --sink}; every input is accounted for, as a decoding or a dead letter with its reason.
 */
// A run on a broker that never got its signal would wait for it forever.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunOnBrokersTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final byte[] NOT_AVRO = "{\"vx\": 1.0, \"vy\": 2.0}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void bmiDecodesASessionReplayedThroughKafkaAsWellAsEmbeddedAndAccountsForEveryMessage() throws Exception {
        BmiSettings settings = BmiSettings.defaults().withInput(BmiSettings.Input.SPIKE_COUNTS).withSeconds(30);
        String spikes = EmbeddedKafka.uniqueTopic("spikes");
        String velocity = EmbeddedKafka.uniqueTopic("velocity");
        String decoded = EmbeddedKafka.uniqueTopic("decoded");
        String dead = EmbeddedKafka.uniqueTopic("dead");
        KAFKA.clients().createTopics(1, spikes, velocity, decoded, dead);

        Map<String, WireFormatException.Reason> corrupt = new HashMap<>();
        KAFKA.clients().produce(reachingSession(settings, spikes, velocity, corrupt));

        String broker = "kafka://" + KAFKA.bootstrapServers() + "/";
        Path reports = tmp.resolve("kafka-report");
        String[] r = run("run", "bmi", "--input", "spike-counts", "--seconds", "30",
                "--source", broker + spikes + "?start=earliest&group=bmi-e2e",
                "--feedback", broker + velocity + "?start=earliest&group=bmi-e2e",
                "--sink", broker + decoded + "?transactional-id=bmi-e2e",
                "--dead-letters", broker + dead + "?transactional-id=bmi-e2e",
                "--report-dir", reports.toString(), "--progress-every", "0.5");
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).containsPattern("s of signal \\| +[0-9.]+x real time \\| R2 .* \\| latency p99 [0-9.]+ ms");

        // Every batch decoded once, committed to the sink topic.
        RecordCodec<Decoding, ?> decodingCodec = RecordCodec.decodings();
        Set<Long> times = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(decoded)) {
            Decoding d = decodingCodec.decode(m.value());
            assertThat(d.sourceKey()).isEqualTo(BmiSettings.SOURCE_KEY);
            assertThat(times.add(d.eventTimeUs())).as("one decoding at %d us", d.eventTimeUs()).isTrue();
        }
        assertThat(times).hasSize((int) settings.batches());
        assertThat(times).first().isEqualTo(0L);
        assertThat(times).last().isEqualTo((settings.batches() - 1) * 20_000L);

        // Every corrupt message dead-lettered, as it was sent, with its reason.
        List<ConsumerRecord<byte[], byte[]>> letters = KAFKA.clients().readCommitted(dead);
        assertThat(letters).hasSize(corrupt.size());
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            String reason = new String(letter.headers().lastHeader(DeadLetterSerializationSchema.REASON_HEADER).value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).isEqualTo(corrupt.get(Arrays.toString(letter.value())).name());
        }

        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("30.0 s: 1500 decodes of 20 ms, 96 channels of 1 ms spike counts")
                .contains("dead letters     3 (BAD_HEADER 1, UNKNOWN_FINGERPRINT 1, CORRUPT_AVRO 1), written to " + broker
                        + dead).contains("decodings        written to " + broker + decoded)
                .contains("ended            once the requested signal time was decoded, savepoint ");
        double first = figure(text, "^R2 first +[0-9.]+ s +(-?[0-9.]+)$");
        double last = figure(text, "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");

        String[] embedded = run("run", "bmi", "--input", "spike-counts", "--seconds", "30", "--report-dir",
                tmp.resolve("embedded-report").toString());
        assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
        double embeddedLast = figure(embedded[1], "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");
        System.out.printf("R2 over Kafka: first %.3f, last %.3f; embedded last %.3f%n", first, last, embeddedLast);
        // The decoder learns over Kafka as it does embedded: the order of spikes and feedback differs, so the figures
        // differ a little, but the trend is the same.
        assertThat(last).isGreaterThan(first).isGreaterThan(embeddedLast - 0.1);
    }

    /**
     * The simulated reaching session of {@code settings} as Kafka messages keyed by its source key, spike batches to
     * {@code spikes} and hand velocity to {@code velocity}; with {@code corrupt}, three corrupt messages among them
     * ({@link ReachingSession#messages}).
     */
    private static List<ProducerRecord<byte[], byte[]>> reachingSession(BmiSettings settings, String spikes,
                                                                         String velocity,
                                                                         Map<String, WireFormatException.Reason> corrupt) {
        byte[] key = BmiSettings.SOURCE_KEY.getBytes(StandardCharsets.UTF_8);
        return ReachingSession.messages(settings, spikes, velocity, corrupt).stream()
                .map(m -> new ProducerRecord<>(m.topic(), key, m.payload())).toList();
    }

    @Test
    void aRunOnABrokerGoesOnUntilStoppedThenStopsWithASavepointAndEveryDecodeItMadeCommitted() throws Exception {
        BmiSettings session = BmiSettings.defaults().withInput(BmiSettings.Input.SPIKE_COUNTS).withSeconds(20);
        String spikes = EmbeddedKafka.uniqueTopic("spikes");
        String velocity = EmbeddedKafka.uniqueTopic("velocity");
        String decoded = EmbeddedKafka.uniqueTopic("decoded");
        KAFKA.clients().createTopics(1, spikes, velocity, decoded);
        KAFKA.clients().produce(reachingSession(session, spikes, velocity, null));

        String broker = "kafka://" + KAFKA.bootstrapServers() + "/";
        JobEndpoints endpoints = JobEndpoints.parse(broker + spikes + "?start=earliest&group=stop",
                broker + velocity + "?start=earliest&group=stop", broker + decoded + "?transactional-id=stop", null, null);
        assertThat(endpoints.bounded()).isFalse();
        BmiRun.Result result;
        // As without --seconds: the run could go on for a day of signal; the stop (Ctrl-C) ends it once the sink has
        // committed 10 s of decodes.
        try (StopSignal stop = StopSignal.manual()) {
            Thread stopper = new Thread(() -> {
                Poll.until(Duration.ofSeconds(120), () -> committed(decoded) >= 500, () -> "500 decodes committed");
                stop.request();
            });
            stopper.start();
            result = BmiRun.run(session.withSeconds(86_400), endpoints, stop, 0.5, p -> { });
            stopper.join();
        }
        EndpointSummary summary = result.endpoints().orElseThrow();
        assertThat(summary.run().outcome().ending()).isEqualTo(LiveJob.Ending.STOPPED);
        String savepoint = summary.run().outcome().savepoint().orElseThrow();
        assertThat(Path.of(URI.create(savepoint))).isDirectory();

        // What the decoder made before the savepoint, the client saw and the sink committed: the same batches, from
        // the first on, each once.
        int decodes = result.score().latencies().length;
        assertThat(decodes).isBetween(500, (int) session.batches());
        List<Long> times = new ArrayList<>();
        RecordCodec<Decoding, ?> decodingCodec = RecordCodec.decodings();
        for (ConsumerRecord<byte[], byte[]> m : KAFKA.clients().readCommitted(decoded)) {
            times.add(decodingCodec.decode(m.value()).eventTimeUs());
        }
        assertThat(times).hasSize(decodes);
        for (int i = 0; i < decodes; i++) {
            assertThat(times.get(i)).isEqualTo(i * 20_000L);
        }
        assertThat(result.score().count()).isBetween(decodes - 2, decodes);
    }

    @Test
    void controlsFromKafkaSteerTheDecoderAtTheirEventTime() throws Exception {
        String controls = EmbeddedKafka.uniqueTopic("controls");
        KAFKA.clients().createTopics(1, controls);
        // From 15 s on the hidden layer's thresholds are a thousand times higher: it falls silent, and the decoder
        // follows the hand less and less well.
        KAFKA.clients().produce(List.of(new ProducerRecord<>(controls, null, NOT_AVRO),
                new ProducerRecord<>(controls, null, ("{\"sequence\": 1, \"effectiveTimeUs\": 15000000, "
                        + "\"action\": \"THRESHOLD_SCALE\", \"scale\": 1000}").getBytes(StandardCharsets.UTF_8))));

        // The simulator paced at real time, so that the control is read long before the decoder reaches 15 s.
        Path reports = tmp.resolve("control-report");
        String[] r = run("run", "bmi", "--input", "spike-counts", "--seconds", "24", "--realtime",
                "--source", "sim:reaching?seed=1",
                "--control", "kafka://" + KAFKA.bootstrapServers() + "/" + controls + "?start=earliest&group=control",
                "--report-dir", reports.toString());
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("dead letters     1 (INVALID_RECORD 1), logged");
        Matcher curve = Pattern.compile("^R2 per 5 s +(.*)$", Pattern.MULTILINE).matcher(text);
        assertThat(curve.find()).as(text).isTrue();
        double[] r2 = Arrays.stream(curve.group(1).trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
        assertThat(r2).hasSize(5);
        // Learning as usual up to 15 s (without the control R2 keeps rising or holds: RunBmiTest and
        // bmiDecodesASessionReplayedThroughKafka...); falling once the hidden layer is silenced.
        assertThat(r2[2]).isGreaterThan(0.3);
        assertThat(r2[3]).isLessThan(r2[2] - 0.1);
        assertThat(r2[4]).isLessThan(r2[2] - 0.1);
    }

    @Test
    void eegClassifiesARecordingReplayedThroughMosquittoAndAccountsForEveryMessage() throws Exception {
        EegSettings settings = EegSettings.defaults().withSeconds(80);
        try (TestBroker broker = TestBroker.start(Files.createDirectories(tmp.resolve("mosquitto")))) {
            String prefix = "eeg-" + ProcessHandle.current().pid();
            // The job's persistent sessions exist before anything is published, so the broker queues the whole
            // recording for them, as it would for a job that is restarting.
            String frameClient = MqttClients.sessionOn(broker, prefix, "frames");
            String stateClient = MqttClients.sessionOn(broker, prefix, "state");
            Queue<byte[]> out = new ConcurrentLinkedQueue<>();
            MqttClient collector = new MqttClient(broker.uri(), prefix + "-collector", new MemoryPersistence());
            collector.connect();
            collector.subscribe(prefix + "/decoded/#", 1, (topic, message) -> out.add(message.getPayload()));

            RecordCodec<SampleFrame, ?> frameCodec = RecordCodec.sampleFrames(SamplePacking.float32());
            RecordCodec<Feedback, ?> feedbackCodec = RecordCodec.feedback();
            try (TestPublisher publisher = new TestPublisher(broker.uri());
                    EegSimulator simulator = new EegSimulator(EegSettings.SOURCE_KEY, settings.recording())) {
                for (long i = 0; i < settings.frames(); i++) {
                    EegFrame frame = simulator.read();
                    publisher.publish(prefix + "/frames", frameCodec.encode(frame.frame()), 1);
                    publisher.publish(prefix + "/state", feedbackCodec.encode(frame.state()), 1);
                    if (i % 100 == 50) { // frames 50, 150 and 250
                        publisher.publish(prefix + (i < 100 ? "/frames" : "/state"), NOT_AVRO, 1);
                    }
                }
            }

            String url = "mqtt://127.0.0.1:" + broker.port() + "/" + prefix;
            Path reports = tmp.resolve("mqtt-report");
            String[] r = run("run", "eeg", "--seconds", "80",
                    "--source", url + "/frames?client-id=" + frameClient,
                    "--feedback", url + "/state?client-id=" + stateClient,
                    "--sink", url + "/decoded/{key}",
                    "--report-dir", reports.toString(), "--progress-every", "0.5");
            System.out.print(r[1]);
            assertThat(r[0]).as(r[2]).isEqualTo("0");

            // Each of the 313 frames decoded once and published (QoS 1: acknowledged before the job stopped).
            RecordCodec<Decoding, ?> decodingCodec = RecordCodec.decodings();
            Poll.until(Duration.ofSeconds(30), () -> out.size() >= settings.frames(),
                    () -> out.size() + " of " + settings.frames() + " decodings");
            Set<Long> times = new TreeSet<>();
            for (byte[] payload : out) {
                Decoding d = decodingCodec.decode(payload);
                assertThat(d.sourceKey()).isEqualTo(EegSettings.SOURCE_KEY);
                assertThat(d.hasClass()).isTrue();
                assertThat(times.add(d.eventTimeUs())).as("one decoding at %d us", d.eventTimeUs()).isTrue();
            }
            assertThat(times).hasSize((int) settings.frames());
            collector.disconnect();
            collector.close();

            String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
            assertThat(text).contains("80.1 s: 313 decodes of 256 ms").contains("dead letters     3 (BAD_HEADER 3), logged")
                    .contains("decodings        written to " + url + "/decoded/{key}");
            double last = figure(text, "^accuracy last +[0-9.]+ s +([0-9.]+)$");
            String[] embedded = run("run", "eeg", "--seconds", "80", "--report-dir",
                    tmp.resolve("embedded-report").toString());
            assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
            double embeddedLast = figure(embedded[1], "^accuracy last +[0-9.]+ s +([0-9.]+)$");
            System.out.printf("accuracy over MQTT: last %.3f; embedded last %.3f%n", last, embeddedLast);
            // Well above chance (0.5) over the last 20 s, as embedded: the order of frames and feedback differs, so the
            // figures may differ by a few decodes.
            assertThat(last).isGreaterThan(0.7).isGreaterThan(embeddedLast - 0.05);
        }
    }

    private static int committed(String topic) {
        try {
            return KAFKA.clients().readCommitted(topic).size();
        } catch (Exception e) {
            throw new IllegalStateException("reading " + topic, e);
        }
    }
}
