package io.spikeline.runtime.packets;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.ingest.sim.TrafficParameters;
import io.spikeline.ingest.sim.TrafficSimulator;
import io.spikeline.models.record.PacketRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NetworkHeaderTest {
    private static final Path CAPTURES = Path.of("/work/shared/data/pcap");

    private static PacketRecord withBytes(PacketRecord p, byte[] bytes) {
        return new PacketRecord(p.captureTimeUs(), p.flow(), bytes, Math.max(bytes.length, p.wireLength()), p.label());
    }

    @Test
    void findsTheIpHeaderBehindEthernetAVlanTagOrNothing() {
        try (TrafficSimulator simulator = new TrafficSimulator(TrafficParameters.defaults(5))) {
            for (int i = 0; i < 200; i++) {
                PacketRecord p = simulator.read();
                byte[] frame = p.bytes();
                assertThat(NetworkHeader.offset(p)).isEqualTo(14);
                byte[] raw = java.util.Arrays.copyOfRange(frame, 14, frame.length);
                assertThat(NetworkHeader.offset(withBytes(p, raw))).isZero();
                byte[] tagged = new byte[frame.length + 4];
                System.arraycopy(frame, 0, tagged, 0, 12);
                tagged[12] = (byte) 0x81;
                tagged[14] = 0x00;
                tagged[15] = 0x2a;
                System.arraycopy(frame, 12, tagged, 16, frame.length - 12);
                assertThat(NetworkHeader.offset(withBytes(p, tagged))).isEqualTo(18);
            }
        }
    }

    /** In every real capture, the offset found holds an IP header of the packet's version and, for IPv4, its length. */
    @Test
    void findsAConsistentIpHeaderInEveryPacketOfTheRealCaptures() throws Exception {
        int packets = 0;
        for (Path file : PacketSources.captures(CAPTURES)) {
            try (PcapReader reader = PcapReader.open(file)) {
                for (PacketRecord p = reader.read(); p != null; p = reader.read()) {
                    int at = NetworkHeader.offset(p);
                    byte[] b = p.bytes();
                    int version = (b[at] & 0xff) >>> 4;
                    assertThat(version).as("%s in %s", p, file).isEqualTo(p.flow().isIpv6() ? 6 : 4);
                    if (version == 4) {
                        int totalLength = (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
                        // Ethernet pads short frames: the IP datagram may end before the frame.
                        assertThat(at + totalLength).as("%s in %s", p, file).isLessThanOrEqualTo(p.wireLength());
                    }
                    packets++;
                }
            }
        }
        assertThat(packets).isGreaterThan(1000);
    }
}
