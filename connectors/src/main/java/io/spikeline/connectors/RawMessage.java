package io.spikeline.connectors;

/**
 * A message as a broker delivered it, before decoding: where it came from and its bytes. Kafka messages
 * carry their partition and offset; MQTT messages have partition and offset -1.
 *
 * @param transport {@code "kafka"} or {@code "mqtt"}
 * @param topic the Kafka topic or MQTT topic name
 * @param partition Kafka partition, or -1
 * @param offset Kafka offset, or -1
 * @param brokerTimestampMs the broker's or producer's timestamp (Kafka), or the arrival wall time (MQTT), in ms
 * @param key the Kafka key, or an empty array
 * @param payload the message body
 */
public record RawMessage(String transport, String topic, int partition, long offset, long brokerTimestampMs,
                         byte[] key, byte[] payload) {

    /** Where the message came from, for logs and dead letters: {@code kafka:topic/2@1234} or {@code mqtt:a/b}. */
    public String origin() {
        return partition < 0 ? transport + ":" + topic : transport + ":" + topic + "/" + partition + "@" + offset;
    }
}
