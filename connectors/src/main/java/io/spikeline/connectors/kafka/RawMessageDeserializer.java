package io.spikeline.connectors.kafka;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.types.RecordTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns each Kafka record into a {@link RawMessage} without interpreting its bytes: decoding happens
 * downstream, where a bad message becomes a dead letter instead of failing the source. A missing key or
 * value (a tombstone) becomes an empty array.
 */
public final class RawMessageDeserializer implements KafkaRecordDeserializationSchema<RawMessage> {
    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawMessage> out) {
        out.collect(new RawMessage("kafka", record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key() == null ? EMPTY : record.key(), record.value() == null ? EMPTY : record.value()));
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return RecordTypes.RAW_MESSAGE;
    }
}
