package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.avro.AvroSampleEncoding;
import io.spikeline.connectors.avro.AvroSampleFrame;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.connectors.wire.WireFormatException.Reason;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A flood of corrupt messages of every kind interleaved with good ones: every bad one reaches the dead-letter
 * topic with its bytes, origin and the right reason, every good one reaches the output in order, and the job
 * runs to the end of its input.
 */
class KafkaDeadLetterTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension
    static final MiniClusterExtension FLINK = KafkaJobs.miniCluster();

    private static final int MESSAGES = 600;

    /** The ways the test corrupts a message, with the reason the decoder must give. */
    private enum Corruption {
        RANDOM_BYTES(Reason.BAD_HEADER),
        EMPTY(Reason.BAD_HEADER),
        HEADER_ONLY_PREFIX(Reason.BAD_HEADER),
        TRUNCATED(Reason.CORRUPT_AVRO),
        OTHER_SCHEMA(Reason.UNKNOWN_FINGERPRINT),
        SAMPLES_DO_NOT_FILL_THE_FRAME(Reason.INVALID_RECORD);

        final Reason reason;

        Corruption(Reason reason) {
            this.reason = reason;
        }
    }

    @Test
    void badMessagesBecomeDeadLettersWithTheirReasonAndGoodOnesFlowOn() throws Exception {
        String input = EmbeddedKafka.uniqueTopic("mixed-in");
        String output = EmbeddedKafka.uniqueTopic("mixed-out");
        String deadLetters = EmbeddedKafka.uniqueTopic("dead-letters");
        KAFKA.clients().createTopics(1, input, output, deadLetters);

        SeededRandom random = new SeededRandom(2024);
        RecordCodec<SampleFrame, ?> codec = RecordCodec.sampleFrames(SamplePacking.float32());
        List<SampleFrame> good = new ArrayList<>();
        Map<Long, Corruption> corruptionAtOffset = new HashMap<>();
        List<ProducerRecord<byte[], byte[]>> messages = new ArrayList<>();
        Corruption[] corruptions = Corruption.values();
        for (int offset = 0; offset < MESSAGES; offset++) {
            SampleFrame frame = frame(good.size(), random);
            byte[] key = frame.sourceKey().getBytes(StandardCharsets.UTF_8);
            // Two in three messages are bad, in runs and alone.
            if (random.nextInt(3) == 0) {
                good.add(frame);
                messages.add(new ProducerRecord<>(input, key, codec.encode(frame)));
            } else {
                Corruption corruption = corruptions[random.nextInt(corruptions.length)];
                corruptionAtOffset.put((long) offset, corruption);
                messages.add(new ProducerRecord<>(input, key, corrupt(corruption, frame, codec.encode(frame), random)));
            }
        }
        KAFKA.clients().produce(messages);

        KafkaSettings settings = KafkaJobs.settings(KAFKA, input, output, deadLetters, DeliveryGuarantee.EXACTLY_ONCE);
        KafkaRecordType<SampleFrame> type = KafkaRecordType.sampleFrames(SamplePacking.float32());
        StreamExecutionEnvironment env = KafkaJobs.environment();
        DecodedStream<SampleFrame> decoded = SpikelineKafka.read(env, KafkaJobs.boundedSource(settings), type, settings);
        decoded.records().sinkTo(SpikelineKafka.sink(settings, type)).name("records");
        decoded.deadLetters().sinkTo(SpikelineKafka.deadLetterSink(settings)).name("dead letters");
        env.execute("dead letters");

        assertThat(KafkaJobs.decode(type, KAFKA.clients().readCommitted(output))).containsExactlyElementsOf(good);

        List<ConsumerRecord<byte[], byte[]>> letters = KAFKA.clients().readCommitted(deadLetters);
        assertThat(letters).hasSize(corruptionAtOffset.size());
        assertThat(corruptionAtOffset.values()).as("the flood holds every kind of corruption")
                .containsAll(Arrays.asList(corruptions));
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            String origin = header(letter, DeadLetterSerializationSchema.ORIGIN_HEADER);
            assertThat(origin).startsWith("kafka:" + input + "/0@");
            long offset = Long.parseLong(origin.substring(origin.indexOf('@') + 1));
            Corruption corruption = corruptionAtOffset.get(offset);
            assertThat(corruption).as("message at offset %d was good but became a dead letter", offset).isNotNull();
            assertThat(header(letter, DeadLetterSerializationSchema.REASON_HEADER)).as(corruption.name())
                    .isEqualTo(corruption.reason.name());
            assertThat(header(letter, DeadLetterSerializationSchema.DETAIL_HEADER)).startsWith(origin + ": ");
            ProducerRecord<byte[], byte[]> original = messages.get((int) offset);
            assertThat(letter.value()).isEqualTo(original.value());
            assertThat(letter.key()).isEqualTo(original.key());
        }
    }

    private static SampleFrame frame(int sequence, SeededRandom random) {
        float[] data = new float[16 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return new SampleFrame("probe-" + sequence % 4, sequence, 1_700_000_000_000_000L + sequence * 500L, 8000, 16,
                4, data);
    }

    private static byte[] corrupt(Corruption corruption, SampleFrame frame, byte[] encoded, SeededRandom random)
            throws Exception {
        return switch (corruption) {
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                bytes[0] = 0x7f;  // never the single-object marker
                yield bytes;
            }
            case EMPTY -> new byte[0];
            case HEADER_ONLY_PREFIX -> Arrays.copyOf(encoded, 1 + random.nextInt(9));
            case TRUNCATED -> Arrays.copyOf(encoded, 10 + 1 + random.nextInt(encoded.length - 12));
            case OTHER_SCHEMA -> RecordCodec.spikeBatches().encode(new SpikeBatch(frame.sourceKey(), frame.sequence(),
                    0, 1000, 16, 1, new int[] {0, 1}, new int[] {3}));
            case SAMPLES_DO_NOT_FILL_THE_FRAME -> {
                ByteBuffer buffer = AvroSampleFrame.newBuilder()
                        .setSourceKey(frame.sourceKey())
                        .setSequence(frame.sequence())
                        .setFirstSampleTimeUs(frame.firstSampleTimeUs())
                        .setSampleRateHz(frame.sampleRateHz())
                        .setChannelCount(frame.channelCount() + 1)
                        .setSampleCount(frame.sampleCount())
                        .setEncoding(AvroSampleEncoding.FLOAT32_LE)
                        .setScale(1f)
                        .setSamples(ByteBuffer.wrap(new byte[frame.channelCount() * frame.sampleCount() * 4]))
                        .build()
                        .toByteBuffer();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                yield bytes;
            }
        };
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
