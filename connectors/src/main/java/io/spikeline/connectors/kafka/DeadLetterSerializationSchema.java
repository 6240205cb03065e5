package io.spikeline.connectors.kafka;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes dead letters to the dead-letter topic exactly as they arrived (same key, same bytes, same timestamp),
 * with UTF-8 headers {@value #ORIGIN_HEADER} ({@link RawMessage#origin()}), {@value #REASON_HEADER} (a
 * {@link io.spikeline.connectors.wire.WireFormatException.Reason} name) and {@value #DETAIL_HEADER} (the
 * decoder's explanation), so a message can be inspected, fixed and replayed.
 */
public final class DeadLetterSerializationSchema implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    public static final String ORIGIN_HEADER = "spikeline.origin";
    public static final String REASON_HEADER = "spikeline.reason";
    public static final String DETAIL_HEADER = "spikeline.detail";

    private final String topic;

    public DeadLetterSerializationSchema(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RawMessage message = letter.message();
        List<Header> headers = List.of(header(ORIGIN_HEADER, message.origin()),
                header(REASON_HEADER, letter.reason().name()), header(DETAIL_HEADER, letter.detail()));
        return new ProducerRecord<>(topic, null, KafkaTimestamps.orProducerTime(message.brokerTimestampMs()),
                message.key().length == 0 ? null : message.key(), message.payload(), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
