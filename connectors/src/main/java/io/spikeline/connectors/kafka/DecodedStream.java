package io.spikeline.connectors.kafka;

import io.spikeline.connectors.deadletter.DeadLetter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What decoding a stream of raw messages yields: the records, with event-time timestamps and watermarks, and
 * the messages that did not decode.
 *
 * @param <T> the record type
 */
public record DecodedStream<T>(DataStream<T> records, DataStream<DeadLetter> deadLetters) {
}
