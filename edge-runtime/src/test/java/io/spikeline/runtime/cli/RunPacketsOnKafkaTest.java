package io.spikeline.runtime.cli;

import static io.spikeline.runtime.cli.CommandLineRun.figure;
import static io.spikeline.runtime.cli.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.DeadLetterSerializationSchema;
import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.runtime.packets.PacketsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikeline run packets} on Kafka, end to end: simulated traffic published as labelled packets, two corrupt
 * messages among them, the job reading them with {@code --source} and writing each packet's flow decoding with
 * {@code --sink}; every packet is answered once, every corrupt message dead-lettered with its reason, and the
 * classes are as good as those of the embedded run of the same traffic. Also the endpoint options that do not apply.
 */
// A run on a broker that never got its traffic would wait for it forever.
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunPacketsOnKafkaTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final int SECONDS = 6;
    private static final byte[] NOT_AVRO = "{\"flow\": \"dns\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void classifiesTrafficPublishedToKafkaAsWellAsEmbeddedAndAnswersEveryPacketOnce() throws Exception {
        String in = EmbeddedKafka.uniqueTopic("packets");
        String decoded = EmbeddedKafka.uniqueTopic("flows");
        String dead = EmbeddedKafka.uniqueTopic("dead");
        KAFKA.clients().createTopics(1, in, decoded, dead);
        PacketsSettings settings = PacketsSettings.defaults().withSeconds(SECONDS);
        RecordCodec<PacketRecord, ?> codec = RecordCodec.packets();
        List<PacketRecord> sent = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> messages = new ArrayList<>();
        Map<String, WireFormatException.Reason> corrupt = new HashMap<>();
        try (TrafficSimulator simulator = new TrafficSimulator(settings.traffic())) {
            for (PacketRecord p = simulator.read(); p.captureTimeUs() < SECONDS * 1_000_000L; p = simulator.read()) {
                sent.add(p);
                byte[] message = codec.encode(p);
                messages.add(new ProducerRecord<>(in, null, p.captureTimeUs() / 1000, null, message));
                if (sent.size() == 500) {
                    messages.add(new ProducerRecord<>(in, null, p.captureTimeUs() / 1000, null, NOT_AVRO));
                    corrupt.put(Arrays.toString(NOT_AVRO), WireFormatException.Reason.BAD_HEADER);
                } else if (sent.size() == 2000) {
                    byte[] truncated = Arrays.copyOf(message, 14);
                    messages.add(new ProducerRecord<>(in, null, p.captureTimeUs() / 1000, null, truncated));
                    corrupt.put(Arrays.toString(truncated), WireFormatException.Reason.CORRUPT_AVRO);
                }
            }
        }
        KAFKA.clients().produce(messages);
        // The run ends once the traffic time from the first packet to the last is classified.
        double span = (sent.get(sent.size() - 1).captureTimeUs() - sent.get(0).captureTimeUs()) / 1e6;

        String broker = "kafka://" + KAFKA.bootstrapServers() + "/";
        Path reports = tmp.resolve("kafka-report");
        String[] r = run("run", "packets", "--seconds", Double.toString(span),
                "--source", broker + in + "?start=earliest&group=packets-e2e",
                "--sink", broker + decoded + "?transactional-id=packets-e2e",
                "--dead-letters", broker + dead + "?transactional-id=packets-e2e",
                "--report-dir", reports.toString(), "--progress-every", "0.5");
        System.out.print(r[1]);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("labelled packets from " + broker + in)
                .containsPattern("s of signal \\| +[0-9.]+x real time \\| accuracy .* \\| latency p99 [0-9.]+ ms");

        // Every packet answered once, in order, committed to the sink topic at its capture time (PacketsKafkaTest
        // checks the rest of each answer).
        RecordCodec<Decoding, ?> answers = RecordCodec.decodings();
        List<ConsumerRecord<byte[], byte[]>> published = KAFKA.clients().readCommitted(decoded);
        assertThat(published).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Decoding d = answers.decode(published.get(i).value());
            assertThat(d.eventTimeUs()).isEqualTo(sent.get(i).captureTimeUs());
        }

        // Every corrupt message dead-lettered, as it was sent, with its reason.
        List<ConsumerRecord<byte[], byte[]>> letters = KAFKA.clients().readCommitted(dead);
        assertThat(letters).hasSize(corrupt.size());
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            String reason = new String(letter.headers().lastHeader(DeadLetterSerializationSchema.REASON_HEADER).value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).isEqualTo(corrupt.get(Arrays.toString(letter.value())).name());
        }

        String text = Files.readString(reports.resolve("report.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("spikeline packets: " + broker + in)
                .contains("dead letters     2 (BAD_HEADER 1, CORRUPT_AVRO 1), written to " + broker + dead)
                .contains("decodings        written to " + broker + decoded)
                .contains("ended            once the requested signal time was decoded, savepoint ");
        assertThat(figure(text, "^traffic +[0-9.]+ s: (\\d+) packets")).isEqualTo(sent.size());
        double whole = figure(text, "^accuracy +per packet ([0-9.]+)");
        double majority = figure(text, "^accuracy +per packet .*majority class ([0-9.]+)");
        assertThat(whole).isGreaterThan(majority);

        String[] embedded = run("run", "packets", "--seconds", Integer.toString(SECONDS), "--report-dir",
                tmp.resolve("embedded-report").toString());
        assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
        assertThat(figure(embedded[1], "^traffic +[0-9.]+ s: (\\d+) packets")).isEqualTo(sent.size());
        double embeddedWhole = figure(embedded[1], "^accuracy +per packet ([0-9.]+)");
        System.out.printf("per-packet accuracy over Kafka %.3f, embedded %.3f%n", whole, embeddedWhole);
        // The same packets in the same order meet the same network.
        assertThat(whole).isGreaterThanOrEqualTo(embeddedWhole - 0.01);
    }

    @Test
    void refusesTheEndpointOptionsThatDoNotApplyToPackets() {
        String[] r = run("run", "packets", "--source", "kafka://h/packets", "--feedback", "kafka://h/labels");
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[2]).contains("--feedback does not apply to packets: the packets carry their own labels");
        r = run("run", "packets", "--control", "kafka://h/controls");
        assertThat(r[2]).contains("--control does not apply to packets");
        r = run("run", "packets", "--source", "kafka://h/packets", "--input", "/tmp");
        assertThat(r[2]).contains("--input and --source are two sources of packets: give one");
        r = run("run", "packets", "--source", "kafka://h/packets", "--seed", "3");
        assertThat(r[2]).contains("--seed and --realtime apply to the simulated traffic, not to --source kafka://h/packets");
        r = run("run", "packets", "--source", "sim:eeg", "--sink", "file:x.jsonl");
        assertThat(r[2]).contains("'sim:eeg': this application runs sim:packets, not sim:eeg");
        r = run("run", "packets", "--source", "sim:packets?seconds=3", "--sink", "file:x.jsonl");
        assertThat(r[2]).contains("unknown option [seconds] in 'sim:packets?seconds=3'");
    }
}
