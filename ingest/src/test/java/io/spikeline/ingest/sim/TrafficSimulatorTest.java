package io.spikeline.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTest {

    /** Per-flow observations: first packet's direction, label, and the TCP handshake seen in order. */
    private static final class FlowLog {
        FlowKey initiator;
        int label;
        int packets;
        long nextClientSeq = -1;
        boolean sawSyn;
        boolean sawFin;
    }

    @Test
    void everyPacketIsAWellFormedFrameWhoseFlowAndLabelAgreeWithItsProtocol() {
        TrafficSimulator sim = new TrafficSimulator(TrafficParameters.defaults(2024));
        Map<FlowKey, FlowLog> flows = new HashMap<>();
        long last = 0;
        for (int i = 0; i < 20_000; i++) {
            PacketRecord p = sim.read();
            assertThat(p.captureTimeUs()).isGreaterThanOrEqualTo(last);
            last = p.captureTimeUs();
            byte[] b = p.bytes();
            ByteBuffer buf = ByteBuffer.wrap(b);
            assertThat(buf.getShort(12)).isEqualTo((short) 0x0800);
            assertThat(buf.getShort(16) & 0xffff).isEqualTo(b.length - 14);
            assertThat(PacketFrames.checksum(b, 14, 20, 0)).as("IPv4 header checksum").isZero();
            assertThat(transportChecksum(b)).as("TCP/UDP checksum").isZero();
            TrafficProtocol protocol = TrafficProtocol.values()[p.label()];
            FlowKey k = p.flow();
            assertThat(k.protocol()).isEqualTo(protocol.ipProtocol());
            assertThat(k.sourcePort() == protocol.serverPort() || k.destinationPort() == protocol.serverPort()).isTrue();
            FlowLog log = flows.get(k);
            if (log == null) {
                log = flows.get(k.reversed());
            }
            if (log == null) {
                log = new FlowLog();
                log.initiator = k;
                log.label = p.label();
                flows.put(k, log);
                assertThat(k.destinationPort()).as("the client opens every flow").isEqualTo(protocol.serverPort());
            }
            assertThat(p.label()).isEqualTo(log.label);
            log.packets++;
            if (k.protocol() == 6 && k.equals(log.initiator)) {
                long seq = buf.getInt(38) & 0xffffffffL;
                int flags = b[47] & 0xff;
                int payload = b.length - 54;
                if (log.nextClientSeq >= 0) {
                    assertThat(seq).as("client sequence numbers continue").isEqualTo(log.nextClientSeq);
                } else {
                    assertThat(flags & PacketFrames.SYN).as("TCP flows start with SYN").isNotZero();
                    log.sawSyn = true;
                }
                log.nextClientSeq = (seq + payload + ((flags & (PacketFrames.SYN | PacketFrames.FIN)) != 0 ? 1 : 0))
                        & 0xffffffffL;
                log.sawFin |= (flags & PacketFrames.FIN) != 0;
            }
        }
        int[] flowsPerLabel = new int[TrafficProtocol.values().length];
        for (FlowLog log : flows.values()) {
            flowsPerLabel[log.label]++;
        }
        for (int count : flowsPerLabel) {
            assertThat(count).isGreaterThan(flows.size() / TrafficProtocol.values().length / 2);
        }
        assertThat(flows.values().stream().filter(f -> f.sawFin).count()).isGreaterThan(flows.size() / 4);
    }

    @Test
    void payloadsSpeakTheirProtocols() {
        TrafficSimulator sim = new TrafficSimulator(TrafficParameters.defaults(7));
        Map<TrafficProtocol, Integer> recognised = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            PacketRecord p = sim.read();
            TrafficProtocol protocol = TrafficProtocol.values()[p.label()];
            byte[] b = p.bytes();
            int l4 = 34;
            int payloadAt = protocol.ipProtocol() == 6 ? l4 + 20 : l4 + 8;
            if (payloadAt >= b.length) {
                continue;
            }
            boolean toServer = p.flow().destinationPort() == protocol.serverPort();
            String text = new String(b, payloadAt, Math.min(16, b.length - payloadAt), StandardCharsets.US_ASCII);
            boolean ok = switch (protocol) {
                case DNS -> (ByteBuffer.wrap(b).getShort(payloadAt + 4) == 1)
                        && ((b[payloadAt + 2] & 0x80) != 0) == !toServer;
                case HTTP -> !toServer || text.startsWith("GET /");
                case TLS -> b[payloadAt] == 0x16 || b[payloadAt] == 0x17 || !toServer;
                case SSH -> true;
                case NTP -> b.length - payloadAt == 48 && (b[payloadAt] & 0x07) == (toServer ? 3 : 4);
                case QUIC -> (b[payloadAt] & 0x40) != 0;
            };
            assertThat(ok).as("%s payload %s", protocol, text).isTrue();
            if (protocol == TrafficProtocol.SSH && text.startsWith("SSH-2.0-")) {
                recognised.merge(protocol, 1, Integer::sum);
            }
            if (protocol == TrafficProtocol.TLS && b[payloadAt] == 0x16 && b[payloadAt + 5] == 0x01) {
                recognised.merge(protocol, 1, Integer::sum);
            }
        }
        assertThat(recognised.get(TrafficProtocol.SSH)).isGreaterThan(10);
        assertThat(recognised.get(TrafficProtocol.TLS)).isGreaterThan(10);
    }

    @Test
    void equalSeedsGiveEqualTrafficAndWeightsSelectProtocols() {
        TrafficSimulator a = new TrafficSimulator(TrafficParameters.defaults(1));
        TrafficSimulator b = new TrafficSimulator(TrafficParameters.defaults(1));
        for (int i = 0; i < 2000; i++) {
            assertThat(b.read()).isEqualTo(a.read());
        }
        double[] onlyDnsAndNtp = {1, 0, 0, 0, 1, 0};
        TrafficSimulator udpOnly = new TrafficSimulator(new TrafficParameters(3, 20, onlyDnsAndNtp, new double[] {1, 2}));
        for (int i = 0; i < 1000; i++) {
            assertThat(udpOnly.read().label()).isIn(TrafficProtocol.DNS.label(), TrafficProtocol.NTP.label());
        }
        assertThat(TrafficSimulator.labelNames()).isEqualTo(List.of("DNS", "HTTP", "TLS", "SSH", "NTP", "QUIC"));
        assertThatThrownBy(() -> new TrafficParameters(3, 20, new double[6], new double[] {1, 2}))
                .hasMessageContaining("at least one protocol weight");
    }

    /** Re-sums the TCP/UDP checksum with the pseudo-header; a correct segment sums to zero. */
    private static int transportChecksum(byte[] b) {
        int length = b.length - 34;
        byte[] pseudo = new byte[12 + length];
        System.arraycopy(b, 26, pseudo, 0, 8);
        pseudo[9] = b[23];
        pseudo[10] = (byte) (length >>> 8);
        pseudo[11] = (byte) length;
        System.arraycopy(b, 34, pseudo, 12, length);
        return PacketFrames.checksum(pseudo, 0, pseudo.length, 0);
    }
}
