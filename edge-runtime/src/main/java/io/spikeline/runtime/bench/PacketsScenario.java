package io.spikeline.runtime.bench;

import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.runtime.packets.PacketsJob;
import io.spikeline.runtime.packets.PacketsSettings;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Packets at a given packets/s from the seeded traffic simulator ({@link PacketSensor}), through the {@code packets}
 * application's pipeline ({@link PacketsJob#build} with its defaults): bytes as spike patterns → STDP and synaptic
 * scaling feature layer → online classifier per packet → running vote per flow, one answer per packet. A decoding is
 * due at its packet's capture.
 *
 * @param seed the traffic simulator's seed
 */
public record PacketsScenario(long seed) implements Scenario<PacketRecord> {
    private static final long serialVersionUID = 1L;
    /** The simulated packet clock has 1 µs steps, so at most one packet per µs. */
    static final long MAX_PACKETS_PER_SECOND = 1_000_000;

    @Override
    public String name() {
        return "packets";
    }

    @Override
    public String loadUnit() {
        return "packets/s";
    }

    /** From 1 000 packets/s up to 1 M packets/s, within 25 %. */
    @Override
    public LoadSearch.Range searchRange() {
        return new LoadSearch.Range(1_000, MAX_PACKETS_PER_SECOND, 0.25);
    }

    @Override
    public Sensor<PacketRecord> sensor(long load) {
        if (load < 1 || load > MAX_PACKETS_PER_SECOND) {
            throw new IllegalArgumentException("packets/s must lie in 1.." + MAX_PACKETS_PER_SECOND + ", was " + load);
        }
        return new PacketSensor(load, seed);
    }

    @Override
    public long records(long load, double seconds) {
        return Math.max(1, (long) Math.ceil(seconds * load));
    }

    @Override
    public long decodings(long load, long records) {
        return records;
    }

    @Override
    public long dueUs(Decoding decoding) {
        return decoding.eventTimeUs();
    }

    @Override
    public double unitsPerDecoding(long load) {
        return 1;
    }

    @Override
    public String throughputUnit() {
        return "packets/s";
    }

    @Override
    public TypeInformation<PacketRecord> type() {
        return RecordTypes.PACKET_RECORD;
    }

    @Override
    public KafkaRecordType<PacketRecord> kafkaType() {
        return KafkaRecordType.packets();
    }

    @Override
    public DataStream<Decoding> decode(DataStream<PacketRecord> packets) {
        return PacketsJob.flowDecodings(PacketsJob.build(packets, PacketsSettings.defaults()));
    }
}
