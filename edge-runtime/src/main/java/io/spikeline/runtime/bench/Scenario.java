package io.spikeline.runtime.bench;

import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.models.record.Decoding;
import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * One benchmarked pipeline: a sensor sending records at a load (its unit named by {@link #loadUnit}), and the
 * pipeline decoding them. The harness paces the sensor, carries its records to the pipeline (in process or through
 * Kafka), and measures each decoding against the time its input was complete at the sensor, {@link #dueUs}.
 *
 * @param <I> the record the sensor sends
 */
public interface Scenario<I> extends Serializable {

    /** The name on the command line and in reports. */
    String name();

    /** What a load counts, plural ("probes", "events/s"). */
    String loadUnit();

    /** Where the search for the highest sustained load starts and stops by default. */
    LoadSearch.Range searchRange();

    /** The sensor at {@code load}; fails naming the load when the scenario cannot send it. */
    Sensor<I> sensor(long load);

    /** Records sent in a trial of about {@code seconds}: whole decode windows, at least one. */
    long records(long load, double seconds);

    /** Decodings the pipeline makes from the first {@code records} records at {@code load}. */
    long decodings(long load, long records);

    /** When the input of {@code decoding} was complete at the sensor: the end of its decode window (wall clock, µs). */
    long dueUs(Decoding decoding);

    /** What a decoding stands for in the unit of {@link #throughputUnit} at {@code load}. */
    double unitsPerDecoding(long load);

    /** The unit of sustained throughput ("channel-samples/s"). */
    String throughputUnit();

    TypeInformation<I> type();

    /** How the records travel through Kafka. */
    KafkaRecordType<I> kafkaType();

    /** The pipeline, from the sensor's records to decodings. */
    DataStream<Decoding> decode(DataStream<I> records);
}
