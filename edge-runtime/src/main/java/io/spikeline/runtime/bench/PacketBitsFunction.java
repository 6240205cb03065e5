package io.spikeline.runtime.bench;

import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A packet as a spatial spike pattern: channel {@code 8·i + b} spikes when bit {@code b} (0 = most significant) of
 * byte {@code i} is set, for the first {@value #BYTES} bytes (shorter packets leave the rest silent); one bin of
 * {@value #BIN_US} µs at the packet's capture time, under the gateway's key {@value #KEY}. Batches are numbered in
 * arrival order per instance (the benchmark runs it at parallelism 1).
 */
final class PacketBitsFunction implements MapFunction<PacketRecord, SpikeBatch> {
    private static final long serialVersionUID = 1L;
    static final String KEY = "gateway";
    static final int BYTES = 64;
    static final int CHANNELS = 8 * BYTES;
    static final long BIN_US = 1;

    private transient SpikeBatchBuilder builder;
    private transient long sequence;

    @Override
    public SpikeBatch map(PacketRecord packet) {
        if (builder == null) {
            builder = new SpikeBatchBuilder(CHANNELS);
        }
        builder.openBin();
        byte[] bytes = packet.bytes();
        int n = Math.min(BYTES, bytes.length);
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < 8; b++) {
                if ((bytes[i] & (0x80 >>> b)) != 0) {
                    builder.add(8 * i + b);
                }
            }
        }
        return builder.build(KEY, sequence++, packet.captureTimeUs(), BIN_US);
    }
}
