package io.spikeline.runtime.packets;

import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import java.util.Arrays;

/**
 * Where a packet's IP header starts in its captured bytes. A {@link PacketRecord} keeps the bytes as the capture
 * stored them, behind whatever link header (Ethernet with or without VLAN tags, Linux cooked, loopback, none), and
 * does not say which; but its flow names the addresses, so the header is the first offset where an IPv4 header of
 * the flow's protocol, or an IPv6 header, carries exactly those addresses.
 */
final class NetworkHeader {
    /** Link headers longer than this are not looked behind. */
    static final int MAX_LINK_BYTES = 64;
    private static final int IPV4_BYTES = 20;
    private static final int IPV6_BYTES = 40;

    private NetworkHeader() {}

    /** The offset of the IP header of {@code packet}; 0 when no offset up to {@link #MAX_LINK_BYTES} matches. */
    static int offset(PacketRecord packet) {
        byte[] b = packet.bytes();
        FlowKey flow = packet.flow();
        byte[] source = flow.sourceAddress();
        byte[] destination = flow.destinationAddress();
        int a = source.length;
        for (int at = 0; at <= MAX_LINK_BYTES; at++) {
            int version = at < b.length ? (b[at] & 0xff) >>> 4 : -1;
            if (!flow.isIpv6() && version == 4 && at + IPV4_BYTES <= b.length
                    && (b[at + 9] & 0xff) == flow.protocol()
                    && Arrays.equals(b, at + 12, at + 12 + a, source, 0, a)
                    && Arrays.equals(b, at + 16, at + 16 + a, destination, 0, a)) {
                return at;
            }
            if (flow.isIpv6() && version == 6 && at + IPV6_BYTES <= b.length
                    && Arrays.equals(b, at + 8, at + 8 + a, source, 0, a)
                    && Arrays.equals(b, at + 24, at + 24 + a, destination, 0, a)) {
                return at;
            }
        }
        return 0;
    }
}
