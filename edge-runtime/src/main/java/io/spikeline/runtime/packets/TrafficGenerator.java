package io.spikeline.runtime.packets;

import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.PacketRecord;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The simulated gateway as a generator: record {@code n} is the simulator's n-th packet, labelled with its protocol.
 * Runs at parallelism 1; a restart replays the traffic from its seed.
 */
final class TrafficGenerator implements GeneratorFunction<Long, PacketRecord> {
    private static final long serialVersionUID = 1L;

    private final PacketsSettings settings;
    private transient TrafficSimulator simulator;

    TrafficGenerator(PacketsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        simulator = new TrafficSimulator(settings.traffic());
    }

    @Override
    public PacketRecord map(Long index) {
        return simulator.read();
    }

    /** Packets the simulator sends within {@code settings.seconds()}, at least one. */
    static long count(PacketsSettings settings) {
        long endUs = Math.round(settings.seconds() * 1e6);
        long n = 0;
        try (TrafficSimulator counting = new TrafficSimulator(settings.traffic())) {
            while (counting.read().captureTimeUs() < endUs) {
                n++;
            }
        }
        return Math.max(1, n);
    }
}
