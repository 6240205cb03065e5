package io.spikeline.ingest.sim;

import java.nio.ByteBuffer;

/**
 * Builds Ethernet II / IPv4 / TCP or UDP frames byte by byte as RFC 791, 793 and 768 lay them out, with
 * correct lengths and Internet checksums.
 */
final class PacketFrames {
    static final int ETHERNET_BYTES = 14;
    static final int IPV4_BYTES = 20;
    static final int TCP_BYTES = 20;
    static final int UDP_BYTES = 8;

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    private PacketFrames() {}

    static byte[] tcp(byte[] src, byte[] dst, int srcPort, int dstPort, long seq, long ack, int flags, int window,
                      int ttl, int ipId, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(TCP_BYTES + payload.length);
        segment.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                .put((byte) (5 << 4)).put((byte) flags).putShort((short) window).putShort((short) 0).putShort((short) 0)
                .put(payload);
        byte[] l4 = segment.array();
        putChecksum(l4, 16, src, dst, 6);
        return ipv4(src, dst, 6, ttl, ipId, l4);
    }

    static byte[] udp(byte[] src, byte[] dst, int srcPort, int dstPort, int ttl, int ipId, byte[] payload) {
        ByteBuffer datagram = ByteBuffer.allocate(UDP_BYTES + payload.length);
        datagram.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (UDP_BYTES + payload.length))
                .putShort((short) 0).put(payload);
        byte[] l4 = datagram.array();
        putChecksum(l4, 6, src, dst, 17);
        return ipv4(src, dst, 17, ttl, ipId, l4);
    }

    private static byte[] ipv4(byte[] src, byte[] dst, int protocol, int ttl, int ipId, byte[] l4) {
        ByteBuffer frame = ByteBuffer.allocate(ETHERNET_BYTES + IPV4_BYTES + l4.length);
        // Locally administered MAC addresses derived from the IP addresses.
        frame.put(new byte[] {0x02, 0, dst[0], dst[1], dst[2], dst[3]}).put(new byte[] {0x02, 0, src[0], src[1], src[2], src[3]})
                .putShort((short) 0x0800);
        int ip = frame.position();
        frame.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_BYTES + l4.length)).putShort((short) ipId)
                .putShort((short) 0x4000).put((byte) ttl).put((byte) protocol).putShort((short) 0).put(src).put(dst);
        byte[] bytes = frame.array();
        int sum = checksum(bytes, ip, IPV4_BYTES, 0);
        bytes[ip + 10] = (byte) (sum >>> 8);
        bytes[ip + 11] = (byte) sum;
        System.arraycopy(l4, 0, bytes, ETHERNET_BYTES + IPV4_BYTES, l4.length);
        return bytes;
    }

    /** The TCP/UDP checksum over the IPv4 pseudo-header and the segment, written at {@code at}. */
    private static void putChecksum(byte[] l4, int at, byte[] src, byte[] dst, int protocol) {
        byte[] pseudo = new byte[12];
        System.arraycopy(src, 0, pseudo, 0, 4);
        System.arraycopy(dst, 0, pseudo, 4, 4);
        pseudo[9] = (byte) protocol;
        pseudo[10] = (byte) (l4.length >>> 8);
        pseudo[11] = (byte) l4.length;
        int partial = checksum(pseudo, 0, 12, 0) ^ 0xffff;
        int sum = checksum(l4, 0, l4.length, partial);
        if (protocol == 17 && sum == 0) {
            sum = 0xffff;
        }
        l4[at] = (byte) (sum >>> 8);
        l4[at + 1] = (byte) sum;
    }

    /** The Internet checksum (RFC 1071) of {@code bytes[from .. from+length)}, continuing an unfolded sum. */
    static int checksum(byte[] bytes, int from, int length, int initial) {
        long sum = initial;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += (bytes[from + i] & 0xff) << 8 | (bytes[from + i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            sum += (bytes[from + length - 1] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
