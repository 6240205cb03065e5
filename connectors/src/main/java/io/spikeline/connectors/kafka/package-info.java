/**
 * Kafka in and out with flink-connector-kafka. {@link io.spikeline.connectors.kafka.SpikelineKafka} is the
 * entry: a {@code KafkaSource} of {@link io.spikeline.connectors.RawMessage}s, the decode step (through the
 * shared {@link io.spikeline.connectors.deadletter.DecodeOrDeadLetter}, so that Kafka and MQTT dead letters
 * look alike) with event-time watermarks taken from each record's own time, record sinks writing the Avro
 * single-object encoding keyed by source key, and a dead-letter sink that keeps the raw bytes and says in
 * headers where they came from and why they failed.
 *
 * <p>Exactly-once end to end rests on three things: the source's offsets live in Flink checkpoints, the
 * source reads {@code read_committed} (so it never sees aborted output of an upstream Spikeline job), and the
 * sinks write in Kafka transactions committed when a checkpoint completes. Brokers, topics and guarantees come
 * from configuration: {@link io.spikeline.connectors.kafka.KafkaOptions}, gathered in
 * {@link io.spikeline.connectors.kafka.KafkaSettings}.
 */
package io.spikeline.connectors.kafka;
