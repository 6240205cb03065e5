/**
 * Avro wire format with single-object encoding, Kafka and MQTT sources and sinks, and dead-letter handling.
 */
package io.spikeline.connectors;
