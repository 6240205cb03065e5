package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException.Reason;
import io.spikeline.models.record.Feedback;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SerializationSchemasTest {

    @Test
    void aRecordIsWrittenKeyedBySourceWithItsTimestampUnlessKafkaWouldRefuseIt() throws Exception {
        KafkaRecordType<Feedback> type = KafkaRecordType.feedback();
        RecordSerializationSchema<Feedback> schema = new RecordSerializationSchema<>("labels", type.codec(), type.key());
        schema.open(null, null);
        Feedback feedback = Feedback.ofClass("implant-3", 5_000, 2);
        ProducerRecord<byte[], byte[]> record = schema.serialize(feedback, null, 5L);
        assertThat(record.topic()).isEqualTo("labels");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("implant-3");
        assertThat(record.timestamp()).isEqualTo(5L);
        assertThat(RecordCodec.feedback().decode(record.value())).isEqualTo(feedback);
        assertThat(schema.serialize(feedback, null, -5L).timestamp()).as("before the epoch").isNull();
        assertThat(schema.serialize(feedback, null, null).timestamp()).as("no timestamp").isNull();
    }

    @Test
    void aDeadLetterKeepsItsBytesKeyAndTimeAndSaysWhereItCameFromAndWhy() {
        RawMessage message = new RawMessage("kafka", "probe.raw", 1, 77, 1234, new byte[] {9}, new byte[] {1, 2, 3});
        DeadLetter letter = new DeadLetter(message, Reason.CORRUPT_AVRO, "kafka:probe.raw/1@77: truncated");
        ProducerRecord<byte[], byte[]> record = new DeadLetterSerializationSchema("dead").serialize(letter, null, 99L);
        assertThat(record.topic()).isEqualTo("dead");
        assertThat(record.key()).containsExactly(9);
        assertThat(record.value()).containsExactly(1, 2, 3);
        assertThat(record.timestamp()).isEqualTo(1234L);
        assertThat(header(record, DeadLetterSerializationSchema.ORIGIN_HEADER)).isEqualTo("kafka:probe.raw/1@77");
        assertThat(header(record, DeadLetterSerializationSchema.REASON_HEADER)).isEqualTo("CORRUPT_AVRO");
        assertThat(header(record, DeadLetterSerializationSchema.DETAIL_HEADER)).isEqualTo(letter.detail());

        RawMessage mqtt = new RawMessage("mqtt", "probe/raw", -1, -1, -1, new byte[0], new byte[] {4});
        ProducerRecord<byte[], byte[]> fromMqtt = new DeadLetterSerializationSchema("dead")
                .serialize(new DeadLetter(mqtt, Reason.BAD_HEADER, "x"), null, null);
        assertThat(fromMqtt.key()).as("no key").isNull();
        assertThat(fromMqtt.timestamp()).as("no broker time").isNull();
        assertThat(header(fromMqtt, DeadLetterSerializationSchema.ORIGIN_HEADER)).isEqualTo("mqtt:probe/raw");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
