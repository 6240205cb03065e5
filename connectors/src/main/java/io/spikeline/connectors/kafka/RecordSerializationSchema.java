package io.spikeline.connectors.kafka;

import io.spikeline.connectors.wire.RecordCodec;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records to one topic as Avro single-object messages, keyed by their source key (UTF-8), so that
 * every record of a source lands in one partition, in order. The Kafka timestamp is the record's Flink
 * timestamp (its event time once watermarks are assigned); Kafka admits no time before the epoch, so a record
 * without one, or with an earlier one, gets the producer's clock instead.
 *
 * @param <T> the record type
 */
public final class RecordSerializationSchema<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableSupplier<RecordCodec<T, ?>> codecFactory;
    private final SerializableFunction<T, String> key;
    private transient RecordCodec<T, ?> codec;

    public RecordSerializationSchema(String topic, SerializableSupplier<RecordCodec<T, ?>> codecFactory,
                                     SerializableFunction<T, String> key) {
        this.topic = topic;
        this.codecFactory = codecFactory;
        this.key = key;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = codecFactory.get();
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, KafkaTimestamps.orProducerTime(timestamp), key.apply(record).getBytes(StandardCharsets.UTF_8),
                codec.encode(record));
    }
}
