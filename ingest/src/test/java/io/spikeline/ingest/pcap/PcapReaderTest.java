package io.spikeline.ingest.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {
    private static final Map<String, Integer> PROTOCOLS = Map.of("tcp", 6, "udp", 17, "igmp", 2, "icmpv6", 58);

    @TempDir
    Path temp;

    /** One conversation as the reader's packets give it: both directions, first frame, first sender. */
    private static final class Conversation {
        long firstFrame;
        long packets;
        FlowKey firstDirection;
    }

    /**
     * Every conversation tshark found in the Zeek traces (flow_labels.csv: first frame, packet count, initiator)
     * is found by the reader with the same first frame, the same count and the same initiator; frames that are
     * not IP (ARP, STP) are counted as skipped, exactly as many as tshark lists. tshark files ICMP errors that
     * quote a TCP segment under the quoted ports; the reader keys them as the ICMP packets they are.
     */
    @TestFactory
    Stream<DynamicTest> conversationsMatchTsharkOnEveryZeekTrace() throws IOException {
        List<String> rows = Files.readAllLines(SharedFiles.data("pcap/flow_labels.csv"));
        Map<String, List<String[]>> byFile = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            byFile.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        return byFile.keySet().stream().sorted().map(file -> DynamicTest.dynamicTest(file, () -> {
            Map<FlowKey, Conversation> conversations = new HashMap<>();
            CaptureStats stats;
            try (PcapReader reader = PcapReader.open(SharedFiles.data("pcap/" + file))) {
                long frame;
                for (PacketRecord p; (p = reader.read()) != null; ) {
                    frame = reader.lastFrameNumber();
                    FlowKey k = p.flow();
                    Conversation c = conversations.get(k);
                    if (c == null) {
                        c = conversations.get(k.reversed());
                    }
                    if (c == null) {
                        c = new Conversation();
                        c.firstFrame = frame;
                        c.firstDirection = k;
                        conversations.put(k, c);
                    }
                    c.packets++;
                }
                stats = reader.stats();
            }
            long nonIp = 0;
            long ipPackets = 0;
            for (String[] row : byFile.get(file)) {
                if (row[1].equals("arp") || row[1].equals("stp")) {
                    nonIp += Long.parseLong(row[7]);
                    continue;
                }
                int protocol = PROTOCOLS.get(row[1].startsWith("ip") ? row[8] : row[1]);
                FlowKey key = new FlowKey(InetAddress.getByName(row[2]).getAddress(),
                        InetAddress.getByName(row[4]).getAddress(), row[3].isEmpty() ? 0 : Integer.parseInt(row[3]),
                        row[5].isEmpty() ? 0 : Integer.parseInt(row[5]), protocol);
                Conversation c = conversations.get(key);
                if (c == null && protocol == 6) {
                    key = new FlowKey(key.sourceAddress(), key.destinationAddress(), 0, 0, 1);
                    c = conversations.get(key);
                }
                assertThat(c).as("conversation %s", key).isNotNull();
                assertThat(c.firstDirection).isEqualTo(key);
                assertThat(c.firstFrame).as("first frame of %s", key).isEqualTo(Long.parseLong(row[6]));
                assertThat(c.packets).as("packets of %s", key).isEqualTo(Long.parseLong(row[7]));
                ipPackets += c.packets;
            }
            assertThat(stats.packets()).isEqualTo(ipPackets);
            assertThat(stats.nonIpSkipped()).isEqualTo(nonIp);
            assertThat(stats.frames()).isEqualTo(ipPackets + nonIp);
            assertThat(stats.truncatedTailBytes()).isZero();
        }));
    }

    @Test
    void theSmtpTraceMergesTwoCapturesAndTheJumpBetweenThemIsReportedAndKept() throws IOException {
        try (PcapReader reader = PcapReader.open(SharedFiles.data("pcap/zeek_smtp.pcap"))) {
            List<PacketRecord> packets = new ArrayList<>();
            for (PacketRecord p; (p = reader.read()) != null; ) {
                packets.add(p);
            }
            assertThat(reader.timestampAnomalies()).hasSize(1);
            TimestampAnomaly a = reader.timestampAnomalies().get(0);
            assertThat(a.frameNumber()).isEqualTo(61);
            assertThat(a.reportedUs()).isEqualTo(1_437_831_776_764_391L);
            assertThat(a.clockMoved()).isTrue();
            assertThat(packets.get(0).captureTimeUs()).isEqualTo(1_254_722_767_492_060L);
            assertThat(packets.get(packets.size() - 1).captureTimeUs()).isEqualTo(1_437_831_800_217_854L);
        }
    }

    @Test
    void aLoneOutlyingTimestampTakesTheLastTrustedTime() throws IOException {
        byte[] udp4 = ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, 17, udp(1000, 2000, 4));
        long[] seconds = {1_600_000_000L, 1_600_000_001L, 1_900_000_000L, 1_600_000_002L};
        ByteBuffer file = ByteBuffer.allocate(24 + seconds.length * (16 + 14 + udp4.length)).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (long s : seconds) {
            file.putInt((int) s).putInt(250).putInt(14 + udp4.length).putInt(14 + udp4.length).put(ethernet(0x0800, udp4));
        }
        Path capture = Files.write(temp.resolve("outlier.pcap"), file.array());
        try (PcapReader reader = PcapReader.open(capture)) {
            List<Long> times = new ArrayList<>();
            for (PacketRecord p; (p = reader.read()) != null; ) {
                times.add(p.captureTimeUs());
            }
            assertThat(times).containsExactly(1_600_000_000_000_250L, 1_600_000_001_000_250L, 1_600_000_001_000_250L,
                    1_600_000_002_000_250L);
            TimestampAnomaly a = reader.timestampAnomalies().get(0);
            assertThat(a.frameNumber()).isEqualTo(3);
            assertThat(a.offset()).isEqualTo(24 + 2 * (16 + 14 + udp4.length));
            assertThat(a.reportedUs()).isEqualTo(1_900_000_000_000_250L);
            assertThat(a.clockMoved()).isFalse();
        }
    }

    @Test
    void aCaptureCutMidRecordEndsCleanlyWithTheTailCounted() throws IOException {
        byte[] raw = Files.readAllBytes(SharedFiles.data("pcap/zeek_http_get.pcap"));
        Path cut = Files.write(temp.resolve("cut.pcap"), Arrays.copyOf(raw, raw.length - 10));
        try (PcapReader reader = PcapReader.open(cut)) {
            int n = 0;
            while (reader.read() != null) {
                n++;
            }
            assertThat(n).isEqualTo(13);
            int lastRecordBytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getInt(lastRecordOffset(raw) + 8) + 16;
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(lastRecordBytes - 10);
        }
    }

    @Test
    void corruptRecordLengthAndUnknownMagicAreLocated() throws IOException {
        byte[] raw = Files.readAllBytes(SharedFiles.data("pcap/zeek_http_get.pcap"));
        byte[] corrupt = raw.clone();
        int third = 24;
        for (int i = 0; i < 2; i++) {
            third += 16 + ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getInt(third + 8);
        }
        ByteBuffer.wrap(corrupt).order(ByteOrder.LITTLE_ENDIAN).putInt(third + 8, 5_000_000);
        Path bad = Files.write(temp.resolve("bad.pcap"), corrupt);
        List<PacketRecord> before = new ArrayList<>();
        try (PcapReader reader = PcapReader.open(bad)) {
            assertThatThrownBy(() -> {
                for (PacketRecord p; (p = reader.read()) != null; ) {
                    before.add(p);
                }
            }).isInstanceOf(IngestException.class).hasMessageContaining("bad.pcap at byte " + third)
                    .hasMessageContaining("5000000 captured bytes");
        }
        assertThat(before).hasSize(2);
        Path text = Files.writeString(temp.resolve("notes.pcap"), "hello, this is text");
        assertThatThrownBy(() -> PcapReader.open(text)).isInstanceOf(IngestException.class)
                .hasMessageContaining("at byte 0").hasMessageContaining("found 0x68656C6C");
    }

    @Test
    void pcapngWithNanosecondInterfacesIpv6AndSkippedBlocks() throws IOException {
        byte[] v6src = InetAddress.getByName("2001:db8::1").getAddress();
        byte[] v6dst = InetAddress.getByName("2001:db8::2").getAddress();
        byte[] udp6 = ethernet(0x86DD, ipv6(v6src, v6dst, 17, udp(5353, 53, 12)));
        byte[] tcp4 = ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, 6, tcp(40000, 443));
        byte[] cooked = concat(linuxCookedHeader(0x0800), tcp4);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        write(file, sectionHeader(ByteOrder.LITTLE_ENDIAN));
        write(file, block(ByteOrder.LITTLE_ENDIAN, 1, interfaceBody(1, 9)));
        write(file, block(ByteOrder.LITTLE_ENDIAN, 1, interfaceBody(113, -1)));
        write(file, block(ByteOrder.LITTLE_ENDIAN, 4, new byte[8]));
        long tNs = 1_700_000_000_123_456_789L;
        write(file, block(ByteOrder.LITTLE_ENDIAN, 6, enhancedPacket(0, tNs, udp6, udp6.length + 100)));
        long tUs = 1_700_000_001_000_000L;
        write(file, block(ByteOrder.LITTLE_ENDIAN, 6, enhancedPacket(1, tUs, cooked, cooked.length)));
        byte[] arp = ethernet(0x0806, new byte[28]);
        write(file, block(ByteOrder.LITTLE_ENDIAN, 6, enhancedPacket(0, tNs + 5, arp, arp.length)));
        Path ng = Files.write(temp.resolve("mixed.pcapng"), file.toByteArray());

        try (PcapReader reader = PcapReader.open(ng)) {
            assertThat(reader.isPcapng()).isTrue();
            PacketRecord first = reader.read();
            assertThat(first.captureTimeUs()).isEqualTo(1_700_000_000_123_456L);
            assertThat(first.flow()).isEqualTo(new FlowKey(v6src, v6dst, 5353, 53, 17));
            assertThat(first.wireLength()).isEqualTo(udp6.length + 100);
            assertThat(first.isTruncated()).isTrue();
            PacketRecord second = reader.read();
            assertThat(second.captureTimeUs()).isEqualTo(tUs);
            assertThat(second.flow()).hasToString("6/10.0.0.1:40000>10.0.0.2:443");
            assertThat(reader.read()).isNull();
            CaptureStats stats = reader.stats();
            assertThat(stats.frames()).isEqualTo(3);
            assertThat(stats.nonIpSkipped()).isEqualTo(1);
            assertThat(stats.otherBlocksSkipped()).isEqualTo(1);
        }

        byte[] bigEndian = concat(sectionHeader(ByteOrder.BIG_ENDIAN), block(ByteOrder.BIG_ENDIAN, 1, interfaceBody(101, -1)),
                block(ByteOrder.BIG_ENDIAN, 6, enhancedPacket(0, tUs, tcp4, tcp4.length)));
        byte[] bigEndianBytes = swapPacketBlockFields(bigEndian);
        Path be = Files.write(temp.resolve("be.pcapng"), bigEndianBytes);
        List<PacketRecord> packets = readAll(be);
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0).flow().destinationPort()).isEqualTo(443);
    }

    @Test
    void classicBigEndianNanosecondCaptureOfBsdLoopback() throws IOException {
        byte[] tcp4 = ipv4(new byte[] {127, 0, 0, 1}, new byte[] {127, 0, 0, 1}, 6, tcp(5000, 6000));
        ByteBuffer file = ByteBuffer.allocate(24 + 16 + 4 + tcp4.length).order(ByteOrder.BIG_ENDIAN);
        file.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(0);
        file.putInt(1_600_000_000).putInt(999_999_999).putInt(4 + tcp4.length).putInt(4 + tcp4.length);
        file.putInt(2).put(tcp4);
        List<PacketRecord> packets = readAll(Files.write(temp.resolve("lo.pcap"), file.array()));
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0).captureTimeUs()).isEqualTo(1_600_000_000_999_999L);
        assertThat(packets.get(0).flow().sourcePort()).isEqualTo(5000);
    }

    private static int lastRecordOffset(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        int last = at;
        while (at < raw.length) {
            last = at;
            at += 16 + b.getInt(at + 8);
        }
        return last;
    }

    private static List<PacketRecord> readAll(Path file) throws IOException {
        List<PacketRecord> out = new ArrayList<>();
        try (PcapReader reader = PcapReader.open(file)) {
            for (PacketRecord p; (p = reader.read()) != null; ) {
                out.add(p);
            }
        }
        return out;
    }

    // pcapng blocks (IETF draft-ietf-opsawg-pcapng): type, total length, body padded to 32 bits, total length.

    private static byte[] sectionHeader(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(28).order(order);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        return b.array();
    }

    private static byte[] block(ByteOrder order, int type, byte[] body) {
        int padded = (body.length + 3) / 4 * 4;
        ByteBuffer b = ByteBuffer.allocate(12 + padded).order(order);
        b.putInt(type).putInt(12 + padded).put(body);
        b.position(8 + padded);
        b.putInt(12 + padded);
        return b.array();
    }

    /** Interface description body; tsResolution -1 leaves the default (microseconds). */
    private static byte[] interfaceBody(int linkType, int tsResolution) {
        ByteBuffer b = ByteBuffer.allocate(tsResolution < 0 ? 8 : 8 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) linkType).putShort((short) 0).putInt(0);
        if (tsResolution >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsResolution).put(new byte[3]);
            b.putShort((short) 0).putShort((short) 0);
        }
        return b.array();
    }

    private static byte[] enhancedPacket(int interfaceId, long ticks, byte[] data, int originalLength) {
        ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(originalLength);
        b.put(data);
        return b.array();
    }

    /** Rewrites the little-endian fields written by the body helpers into big-endian, for a big-endian section. */
    private static byte[] swapPacketBlockFields(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file.clone()).order(ByteOrder.BIG_ENDIAN);
        int idb = 28;
        b.putShort(idb + 8, Short.reverseBytes(b.getShort(idb + 8)));
        int epb = idb + b.getInt(idb + 4);
        for (int field = 0; field < 5; field++) {
            int at = epb + 8 + 4 * field;
            b.putInt(at, Integer.reverseBytes(b.getInt(at)));
        }
        return b.array();
    }

    private static byte[] ethernet(int etherType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put(new byte[12]).putShort((short) etherType).put(payload);
        return b.array();
    }

    private static byte[] linuxCookedHeader(int protocol) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(new byte[8]).putShort((short) protocol);
        return b.array();
    }

    private static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putInt(0).put((byte) 64)
                .put((byte) protocol).putShort((short) 0).put(src).put(dst).put(payload);
        return b.array();
    }

    private static byte[] ipv6(byte[] src, byte[] dst, int next, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) next).put((byte) 64).put(src).put(dst).put(payload);
        return b.array();
    }

    private static byte[] udp(int sport, int dport, int payloadBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + payloadBytes);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payloadBytes)).putShort((short) 0);
        return b.array();
    }

    private static byte[] tcp(int sport, int dport) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.putShort((short) sport).putShort((short) dport).putInt(1).putInt(0).put((byte) 0x50).put((byte) 0x02);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(bytes);
    }
}
