package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.RawMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RawMessageDeserializerTest {

    @Test
    void copiesWhereTheMessageCameFromAndItsBytes() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("probe.raw", 3, 1234L, new byte[] {7}, new byte[] {1, 2});
        RawMessage message = deserialize(record);
        assertThat(message.transport()).isEqualTo("kafka");
        assertThat(message.origin()).isEqualTo("kafka:probe.raw/3@1234");
        assertThat(message.brokerTimestampMs()).isEqualTo(record.timestamp());
        assertThat(message.key()).containsExactly(7);
        assertThat(message.payload()).containsExactly(1, 2);
    }

    @Test
    void aMissingKeyOrValueBecomesEmpty() {
        RawMessage tombstone = deserialize(new ConsumerRecord<>("t", 0, 5L, null, null));
        assertThat(tombstone.key()).isEmpty();
        assertThat(tombstone.payload()).isEmpty();
    }

    private static RawMessage deserialize(ConsumerRecord<byte[], byte[]> record) {
        List<RawMessage> out = new ArrayList<>();
        new RawMessageDeserializer().deserialize(record, new Collector<>() {
            @Override
            public void collect(RawMessage message) {
                out.add(message);
            }

            @Override
            public void close() {
            }
        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
