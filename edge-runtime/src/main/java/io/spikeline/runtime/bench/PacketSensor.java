package io.spikeline.runtime.bench;

import io.spikeline.ingest.sim.TrafficParameters;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.PacketRecord;

/**
 * Packets at {@code packetsPerSecond}: packet {@code i} is captured (and ready) at {@code ⌊i · 10⁶ / rate⌋} µs, one
 * µs apart at least. Its bytes, flow and label are those of the traffic simulator's packet {@code i mod }
 * {@value #POOL} (simulated at {@link #open}), so the source spends nothing on simulation during the trial.
 */
final class PacketSensor implements Sensor<PacketRecord> {
    private static final long serialVersionUID = 1L;
    static final int POOL = 1 << 14;

    private final long packetsPerSecond;
    private final long seed;
    private transient PacketRecord[] pool;

    PacketSensor(long packetsPerSecond, long seed) {
        this.packetsPerSecond = packetsPerSecond;
        this.seed = seed;
    }

    @Override
    public void open() {
        pool = new PacketRecord[POOL];
        try (TrafficSimulator simulator = new TrafficSimulator(TrafficParameters.defaults(seed))) {
            for (int i = 0; i < POOL; i++) {
                pool[i] = simulator.read();
            }
        }
    }

    @Override
    public long readyUs(long index) {
        return index * 1_000_000L / packetsPerSecond;
    }

    @Override
    public PacketRecord record(long index, long startUs) {
        PacketRecord p = pool[(int) (index % POOL)];
        return new PacketRecord(startUs + readyUs(index), p.flow(), p.bytes(), p.wireLength(), p.label());
    }
}
