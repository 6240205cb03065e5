package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.mqtt.testing.TestPublisher;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.runtime.bmi.BmiReport;
import io.spikeline.runtime.bmi.BmiSettings;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikeline run bmi} on Mosquitto, end to end: a simulated reaching session published at QoS 1 while the job
 * runs, spike counts and hand velocity on topics of their own, five corrupt messages among them, the job reading them
 * with {@code --source} and {@code --feedback} and publishing its decodings with {@code --sink} and its dead letters
 * with {@code --dead-letters}; every batch is decoded once, every corrupt message dead-lettered with its reason, and
 * the decoder learns as it does embedded. The same session queued in full before the job starts, when one
 * subscription drains far ahead of the other, is decoded as embedded too: the spikes wait for their velocity.
 */
// A run on a broker that never got its signal would wait for it forever.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunBmiOnMqttTest {
    private static final int SECONDS = 30;
    /** Signal time published per wall second. */
    private static final double SPEED = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void decodesASessionPublishedToMosquittoAsEmbeddedAndAccountsForEveryMessage() throws Exception {
        BmiSettings settings = BmiSettings.defaults().withInput(BmiSettings.Input.SPIKE_COUNTS).withSeconds(SECONDS);
        int batches = (int) settings.batches();
        long batchUs = Math.round(settings.batchSeconds() * 1e6);
        try (TestBroker broker = TestBroker.start(Files.createDirectories(tmp.resolve("mosquitto")))) {
            String prefix = "bmi-" + ProcessHandle.current().pid();
            String spikeClient = MqttClients.sessionOn(broker, prefix, "spikes");
            String velocityClient = MqttClients.sessionOn(broker, prefix, "velocity");
            try (MqttClients.Subscriber out = new MqttClients.Subscriber(broker, prefix + "/decoded/#",
                    prefix + "/dead")) {
                Map<String, WireFormatException.Reason> corrupt = new HashMap<>();
                List<ReachingSession.Message> probes = new ArrayList<>();
                for (String topic : new String[] {prefix + "/spikes", prefix + "/velocity"}) {
                    byte[] probe = ("{\"probe\": \"" + topic + "\"}").getBytes(StandardCharsets.UTF_8);
                    probes.add(new ReachingSession.Message(topic, probe));
                    corrupt.put(Arrays.toString(probe), WireFormatException.Reason.BAD_HEADER);
                }
                List<ReachingSession.Message> session = ReachingSession.messages(settings, prefix + "/spikes",
                        prefix + "/velocity", corrupt);
                List<ReachingSession.Message> sent = new ArrayList<>(probes);
                sent.addAll(session);
                // The session is published live, as by spikeline replay --speed 10 into a running job: first a probe
                // that is not a record to each topic, queued for the job's sessions, and the session once both
                // probes are dead-lettered, that is once the job reads both topics. (The session queued in full
                // before the job starts is the other test.)
                AtomicReference<Throwable> publishing = new AtomicReference<>();
                Thread publisher = new Thread(() -> {
                    try (TestPublisher client = new TestPublisher(broker.uri())) {
                        for (ReachingSession.Message m : probes) {
                            client.publish(m.topic(), m.payload(), 1);
                        }
                        Poll.until(Duration.ofMinutes(2), () -> out.on(prefix + "/dead").size() == probes.size(),
                                () -> "the job to read both topics");
                        long start = System.nanoTime();
                        int batch = 0;
                        for (ReachingSession.Message m : session) {
                            if (m.topic().equals(prefix + "/spikes")) {
                                long due = start + Math.round(batch++ * settings.batchSeconds() * 1e9 / SPEED);
                                TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                            }
                            client.publish(m.topic(), m.payload(), 1);
                        }
                    } catch (Exception | AssertionError e) {
                        publishing.set(e);
                    }
                }, "session publisher");
                publisher.start();

                String url = "mqtt://127.0.0.1:" + broker.port() + "/" + prefix;
                Path reports = tmp.resolve("mqtt-report");
                String[] r = run("run", "bmi", "--input", "spike-counts", "--seconds", Integer.toString(SECONDS),
                        "--source", url + "/spikes?client-id=" + spikeClient,
                        "--feedback", url + "/velocity?client-id=" + velocityClient,
                        "--sink", url + "/decoded/{key}",
                        "--dead-letters", url + "/dead",
                        "--report-dir", reports.toString(), "--progress-every", "0.5");
                System.out.print(r[1]);
                publisher.join();
                assertThat(publishing.get()).isNull();
                assertThat(r[0]).as(r[2]).isEqualTo("0");
                assertThat(r[1]).containsPattern("s of signal \\| +[0-9.]+x real time \\| R2 .* \\| latency p99 [0-9.]+ ms");

                // Every batch decoded and scored against its velocity, every corrupt message dead-lettered.
                String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
                assertThat(text).contains("spikeline bmi: " + url + "/spikes?client-id=" + spikeClient
                                + ", feedback from " + url + "/velocity?client-id=" + velocityClient)
                        .contains("30.0 s: 1500 decodes of 20 ms, 96 channels of 1 ms spike counts")
                        .contains("dead letters     5 (BAD_HEADER 3, UNKNOWN_FINGERPRINT 1, CORRUPT_AVRO 1), "
                                + "written to " + url + "/dead")
                        .contains("decodings        written to " + url + "/decoded/{key}")
                        .contains("ended            once the requested signal time was decoded, savepoint ")
                        .containsPattern("(?m)^feedback +1500 received, 1500 learned from, 0 too late .*; the spikes "
                                + "(never waited for it|waited for it (once|\\d+ times), at most \\d+ ms)$");
                double first = figure(text, "^R2 first +[0-9.]+ s +(-?[0-9.]+)$");
                double last = figure(text, "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");

                // Each batch's decoding published once, on the implant's topic.
                out.drain(Duration.ofSeconds(30));
                RecordCodec<Decoding, ?> decodingCodec = RecordCodec.decodings();
                float[][] decoded = new float[batches][];
                for (MqttClients.Received m : out.on(prefix + "/decoded/#")) {
                    assertThat(m.topic()).isEqualTo(prefix + "/decoded/" + BmiSettings.SOURCE_KEY);
                    Decoding d = decodingCodec.decode(m.payload());
                    assertThat(d.sourceKey()).isEqualTo(BmiSettings.SOURCE_KEY);
                    assertThat(d.eventTimeUs() % batchUs).as("at a batch's start: %d us", d.eventTimeUs()).isZero();
                    int i = (int) (d.eventTimeUs() / batchUs);
                    assertThat(i).isBetween(0, batches - 1);
                    assertThat(decoded[i]).as("one decoding at %d us", d.eventTimeUs()).isNull();
                    decoded[i] = d.output();
                }
                assertThat(Arrays.asList(decoded)).as("a decoding for every batch").doesNotContainNull();

                // The decodings published are those the report scored: their R2 against the velocity sent.
                RecordCodec<Feedback, ?> feedbackCodec = RecordCodec.feedback();
                float[][] truth = new float[batches][];
                for (ReachingSession.Message m : session) {
                    if (m.topic().equals(prefix + "/velocity") && !corrupt.containsKey(Arrays.toString(m.payload()))) {
                        Feedback f = feedbackCodec.decode(m.payload());
                        truth[(int) (f.eventTimeUs() / batchUs)] = f.target();
                    }
                }
                assertThat(Arrays.asList(truth)).doesNotContainNull();
                int part = BmiReport.partDecodes(batches);
                assertThat(r2(truth, decoded, 0, part)).isCloseTo(first, within(0.0005));
                assertThat(r2(truth, decoded, batches - part, batches)).isCloseTo(last, within(0.0005));

                // Every corrupt message dead-lettered, as it was sent, with its reason and the topic it came from.
                List<MqttClients.Received> letters = out.on(prefix + "/dead");
                assertThat(letters).hasSize(corrupt.size());
                for (MqttClients.Received m : letters) {
                    JsonNode letter = JSON.readTree(m.payload());
                    byte[] payload = Base64.getDecoder().decode(letter.get("payload").asText());
                    assertThat(letter.get("reason").asText()).isEqualTo(corrupt.get(Arrays.toString(payload)).name());
                    String sentTo = sent.stream().filter(s -> Arrays.equals(s.payload(), payload))
                            .map(ReachingSession.Message::topic).findFirst().orElseThrow();
                    assertThat(letter.get("origin").asText()).isEqualTo("mqtt:" + sentTo);
                }

                String[] embedded = run("run", "bmi", "--input", "spike-counts", "--seconds", Integer.toString(SECONDS),
                        "--report-dir", tmp.resolve("embedded-report").toString());
                assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
                double embeddedFirst = figure(embedded[1], "^R2 first +[0-9.]+ s +(-?[0-9.]+)$");
                double embeddedLast = figure(embedded[1], "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");
                System.out.printf("R2 over MQTT: first %.3f, last %.3f; embedded first %.3f, last %.3f%n", first, last,
                        embeddedFirst, embeddedLast);
                // The decoder learns over MQTT as it does embedded: spikes and velocity arrive by two subscriptions,
                // and each batch waits for the velocity of the one before, so the decoder meets them in the device's
                // order.
                assertThat(first).isCloseTo(embeddedFirst, within(0.002));
                assertThat(last).isCloseTo(embeddedLast, within(0.002));
            }
        }
    }

    @Test
    void decodesASessionQueuedInFullBeforeTheJobStartsAsEmbedded() throws Exception {
        BmiSettings settings = BmiSettings.defaults().withInput(BmiSettings.Input.SPIKE_COUNTS).withSeconds(SECONDS);
        try (TestBroker broker = TestBroker.start(Files.createDirectories(tmp.resolve("mosquitto")))) {
            String prefix = "bmi-queued-" + ProcessHandle.current().pid();
            String spikeClient = MqttClients.sessionOn(broker, prefix, "spikes");
            String velocityClient = MqttClients.sessionOn(broker, prefix, "velocity");
            // The whole session waits in the two sessions' queues: whichever subscription the job reads first
            // drains far ahead of the other, and the spikes must wait for their velocity.
            try (TestPublisher client = new TestPublisher(broker.uri())) {
                for (ReachingSession.Message m : ReachingSession.messages(settings, prefix + "/spikes",
                        prefix + "/velocity", null)) {
                    client.publish(m.topic(), m.payload(), 1);
                }
            }
            String url = "mqtt://127.0.0.1:" + broker.port() + "/" + prefix;
            Path reports = tmp.resolve("queued-report");
            String[] r = run("run", "bmi", "--input", "spike-counts", "--seconds", Integer.toString(SECONDS),
                    "--source", url + "/spikes?client-id=" + spikeClient,
                    "--feedback", url + "/velocity?client-id=" + velocityClient,
                    "--report-dir", reports.toString(), "--progress-every", "0.5");
            System.out.print(r[1]);
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
            assertThat(text).contains("30.0 s: 1500 decodes of 20 ms, 96 channels of 1 ms spike counts")
                    .containsPattern("(?m)^feedback +1500 received, 1500 learned from, 0 too late .*; the spikes "
                            + "(never waited for it|waited for it (once|\\d+ times), at most \\d+ ms)$");
            double last = figure(text, "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");

            String[] embedded = run("run", "bmi", "--input", "spike-counts", "--seconds", Integer.toString(SECONDS),
                    "--report-dir", tmp.resolve("embedded-report").toString());
            assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
            double embeddedLast = figure(embedded[1], "^R2 last +[0-9.]+ s +(-?[0-9.]+)$");
            System.out.printf("R2 last over a queued MQTT session %.3f, embedded %.3f%n", last, embeddedLast);
            // In the device's order: the decoder learns each velocity right after its decode, as embedded.
            assertThat(last).isCloseTo(embeddedLast, within(0.002));
        }
    }

    /** R² (uniform average over vx, vy) of {@code decoded} against {@code truth} over batches [from, to). */
    private static double r2(float[][] truth, float[][] decoded, int from, int to) {
        R2Accumulator r2 = new R2Accumulator(2);
        for (int i = from; i < to; i++) {
            r2.add(truth[i], decoded[i]);
        }
        return r2.uniformAverage();
    }
}
