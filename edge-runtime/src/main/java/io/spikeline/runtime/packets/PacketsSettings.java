package io.spikeline.runtime.packets;

import io.spikeline.ingest.sim.TrafficParameters;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.encode.ByteCode;
import io.spikeline.models.encode.PacketByteParams;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an embedded {@code packets} run classifies, and how each packet is encoded.
 *
 * <p>The traffic is either {@code seconds} of simulated gateway traffic ({@link TrafficParameters#defaults}: 50
 * flows/s of DNS, HTTP, TLS, SSH, NTP and QUIC, about 1,000 packets/s) drawn from {@code seed}, labelled by the
 * simulator with its protocol, or, when {@code captures} is not empty, every IP packet of those pcap/pcapng files
 * in order, labelled by {@link PortClasses} from their ports.
 *
 * @param seconds simulated traffic time, s (ignored for captures)
 * @param seed every draw of the simulated traffic follows from it (ignored for captures)
 * @param realTime whether the source is paced at the traffic's own average packet rate instead of as fast as the
 *     job runs
 * @param captures capture files read in this order, as paths; empty for the simulator
 * @param byteCount bytes of each packet encoded, from its IP header on
 * @param code how each byte becomes spikes
 * @param steps bins each packet's pattern is presented for
 * @param hidden LIF units of the STDP feature layer
 */
public record PacketsSettings(double seconds, long seed, boolean realTime, List<String> captures, int byteCount,
                              ByteCode code, int steps, int hidden) implements Serializable {

    /** The key of the one network that classifies every packet of the run. */
    public static final String NETWORK_KEY = "gateway";

    public PacketsSettings {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("seconds must lie in (0, 86400], was " + seconds);
        }
        captures = List.copyOf(Objects.requireNonNull(captures, "captures"));
        encoding(byteCount, code, steps);
        if (hidden <= 0) {
            throw new IllegalArgumentException("hidden units must be > 0, was " + hidden);
        }
    }

    /**
     * 20 s of simulated traffic, seed 1, as fast as the job runs; the first 48 bytes from the IP header (IPv4 and TCP
     * headers and the first 8 payload bytes, or UDP's and 20), each as its two nibbles one-hot, over 2 bins; 128
     * feature units.
     */
    public static PacketsSettings defaults() {
        return new PacketsSettings(20, 1, false, List.of(), 48, ByteCode.NIBBLES, 2, 128);
    }

    public PacketsSettings withSeconds(double s) {
        return new PacketsSettings(s, seed, realTime, captures, byteCount, code, steps, hidden);
    }

    public PacketsSettings withSeed(long s) {
        return new PacketsSettings(seconds, s, realTime, captures, byteCount, code, steps, hidden);
    }

    public PacketsSettings withRealTime(boolean on) {
        return new PacketsSettings(seconds, seed, on, captures, byteCount, code, steps, hidden);
    }

    /** These settings on the given capture files, in order. */
    public PacketsSettings withCaptures(List<Path> files) {
        List<String> paths = new ArrayList<>();
        for (Path f : files) {
            paths.add(f.toString());
        }
        return new PacketsSettings(seconds, seed, realTime, paths, byteCount, code, steps, hidden);
    }

    public boolean simulated() {
        return captures.isEmpty();
    }

    /** The simulated traffic. */
    public TrafficParameters traffic() {
        return TrafficParameters.defaults(seed);
    }

    /** The packet encoding. */
    public PacketByteParams encoding() {
        return encoding(byteCount, code, steps);
    }

    private static PacketByteParams encoding(int byteCount, ByteCode code, int steps) {
        return new PacketByteParams(byteCount, code, steps);
    }

    /** The class names by label: the simulator's protocols, or {@link PortClasses#names()} for captures. */
    public List<String> classNames() {
        return simulated() ? TrafficSimulator.labelNames() : PortClasses.names();
    }
}
