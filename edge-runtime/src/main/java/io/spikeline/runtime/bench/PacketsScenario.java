package io.spikeline.runtime.bench;

import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.PacketRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import java.util.List;

/**
 * Packets at a given packets/s from the seeded traffic simulator ({@link PacketSensor}), through a gateway's
 * pipeline: each packet's leading bytes as a spatial spike pattern ({@link PacketBitsFunction}, one 1 µs bin per
 * packet) → SNN classifier ({@link #classifier}) deciding on every packet. A decoding is due at its packet's capture.
 *
 * <p>The pipeline is {@link #decode}; to measure the {@code packets} application's own encoder and classifier, that
 * method is the one to replace with the application's stages.
 *
 * @param seed the traffic simulator's seed
 */
public record PacketsScenario(long seed) implements Scenario<PacketRecord> {
    private static final long serialVersionUID = 1L;
    static final int HIDDEN = 128;
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

    /** From 10 000 packets/s up to 1 M packets/s, within 25 %. */
    @Override
    public LoadSearch.Range searchRange() {
        return new LoadSearch.Range(10_000, MAX_PACKETS_PER_SECOND, 0.25);
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
        return SpikingDecoder.decode(packets.map(new PacketBitsFunction()).returns(RecordTypes.SPIKE_BATCH)
                .name("packet bits"), PacketsScenario::classifier);
    }

    /**
     * The packet's bit channels → a sparse (10 %) layer of {@value #HIDDEN} LIF units (τ 20 ms) → a delta-rule
     * classifier over the simulator's protocols, deciding on every packet (every 1 µs bin).
     */
    public static NetworkSpec classifier() {
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), PacketBitsFunction.BIN_US / 1000.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.1), -0.2, 0.6, 5));
        return NetworkSpec.of(PacketBitsFunction.CHANNELS, PacketBitsFunction.BIN_US, List.of(hidden), 20,
                new ReadoutSpec.Classifier(TrafficSimulator.labelNames().size(), ClassifierRule.DELTA,
                        new StepSize.Constant(0.01)), 1, 16);
    }
}
