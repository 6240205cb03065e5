package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.deadletter.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What a source endpoint yields: its records (with event-time timestamps and watermarks) and the streams of the
 * messages that did not decode: one for a broker, none for a file (whose reader fails the job on a malformed file).
 *
 * @param <T> the record type
 */
public record EndpointStream<T>(DataStream<T> records, List<DataStream<DeadLetter>> deadLetters) {

    public EndpointStream {
        deadLetters = List.copyOf(deadLetters);
    }

    /** {@code first} with every stream of {@code rest}, as one. */
    public static <T> DataStream<T> union(DataStream<T> first, List<DataStream<T>> rest) {
        DataStream<T> all = first;
        for (DataStream<T> stream : rest) {
            all = all.union(stream);
        }
        return all;
    }

    /** The dead letters of this stream and of {@code other}. */
    public List<DataStream<DeadLetter>> deadLettersWith(EndpointStream<?> other) {
        List<DataStream<DeadLetter>> all = new ArrayList<>(deadLetters);
        all.addAll(other.deadLetters);
        return all;
    }
}
