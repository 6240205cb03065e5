package io.spikeline.ingest.pcap;

import io.spikeline.models.record.FlowKey;

/**
 * Decodes a captured frame down to its IP flow: link header → IPv4/IPv6 (skipping IPv6 extension headers)
 * → TCP/UDP ports. Fragments after the first and protocols without ports get ports 0.
 */
public final class PacketDecoder {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_SCTP = 132;

    /** Why a frame has no flow. */
    public enum Skip { NOT_IP, TOO_SHORT }

    private Skip lastSkip;

    /**
     * The flow of {@code frame[0 .. length)} captured on {@code link}, or {@code null} when it has none;
     * {@link #lastSkip()} then says why.
     */
    public FlowKey decode(LinkType link, boolean hostLittleEndian, byte[] frame, int length) {
        lastSkip = Skip.TOO_SHORT;
        int at;
        int etherType;
        switch (link) {
            case ETHERNET:
                if (length < 14) {
                    return null;
                }
                at = 12;
                etherType = u16(frame, at);
                at += 2;
                while ((etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ) && at + 4 <= length) {
                    etherType = u16(frame, at + 2);
                    at += 4;
                }
                break;
            case LINUX_SLL:
                if (length < 16) {
                    return null;
                }
                etherType = u16(frame, 14);
                at = 16;
                break;
            case LINUX_SLL2:
                if (length < 20) {
                    return null;
                }
                etherType = u16(frame, 0);
                at = 20;
                break;
            case BSD_NULL:
            case LOOP:
                if (length < 4) {
                    return null;
                }
                int family = link == LinkType.LOOP || !hostLittleEndian ? s32be(frame, 0) : s32le(frame, 0);
                etherType = family == 2 ? ETHERTYPE_IPV4 : family == 24 || family == 28 || family == 30 ? ETHERTYPE_IPV6 : -1;
                at = 4;
                break;
            case RAW_IP:
            case IPV4:
            case IPV6:
                if (length < 1) {
                    return null;
                }
                int version = (frame[0] & 0xff) >>> 4;
                etherType = version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : -1;
                at = 0;
                break;
            default:
                throw new IllegalStateException("unhandled link type " + link);
        }
        if (etherType == ETHERTYPE_IPV4) {
            return ipv4(frame, at, length);
        }
        if (etherType == ETHERTYPE_IPV6) {
            return ipv6(frame, at, length);
        }
        lastSkip = Skip.NOT_IP;
        return null;
    }

    /** Why the last {@link #decode} returned {@code null}. */
    public Skip lastSkip() {
        return lastSkip;
    }

    private FlowKey ipv4(byte[] f, int at, int length) {
        if (at + 20 > length || (f[at] & 0xff) >>> 4 != 4) {
            return null;
        }
        int headerBytes = (f[at] & 0x0f) * 4;
        if (headerBytes < 20 || at + headerBytes > length) {
            return null;
        }
        int protocol = f[at + 9] & 0xff;
        byte[] src = slice(f, at + 12, 4);
        byte[] dst = slice(f, at + 16, 4);
        boolean laterFragment = (u16(f, at + 6) & 0x1FFF) != 0;
        return withPorts(f, at + headerBytes, length, src, dst, protocol, laterFragment);
    }

    private FlowKey ipv6(byte[] f, int at, int length) {
        if (at + 40 > length || (f[at] & 0xff) >>> 4 != 6) {
            return null;
        }
        int next = f[at + 6] & 0xff;
        byte[] src = slice(f, at + 8, 16);
        byte[] dst = slice(f, at + 24, 16);
        int p = at + 40;
        boolean laterFragment = false;
        while (next == 0 || next == 43 || next == 44 || next == 60 || next == 51) {
            if (p + 8 > length) {
                return null;
            }
            int header = next;
            next = f[p] & 0xff;
            if (header == 44) {
                laterFragment = (u16(f, p + 2) & 0xFFF8) != 0;
                p += 8;
            } else if (header == 51) {
                p += ((f[p + 1] & 0xff) + 2) * 4;
            } else {
                p += ((f[p + 1] & 0xff) + 1) * 8;
            }
        }
        return withPorts(f, p, length, src, dst, next, laterFragment);
    }

    private FlowKey withPorts(byte[] f, int at, int length, byte[] src, byte[] dst, int protocol, boolean laterFragment) {
        boolean hasPorts = protocol == PROTO_TCP || protocol == PROTO_UDP || protocol == PROTO_SCTP;
        if (!hasPorts || laterFragment) {
            return new FlowKey(src, dst, 0, 0, protocol);
        }
        if (at + 4 > length) {
            return null;
        }
        return new FlowKey(src, dst, u16(f, at), u16(f, at + 2), protocol);
    }

    private static byte[] slice(byte[] f, int at, int n) {
        byte[] out = new byte[n];
        System.arraycopy(f, at, out, 0, n);
        return out;
    }

    private static int u16(byte[] f, int at) {
        return (f[at] & 0xff) << 8 | (f[at + 1] & 0xff);
    }

    private static int s32be(byte[] f, int at) {
        return (f[at] & 0xff) << 24 | (f[at + 1] & 0xff) << 16 | (f[at + 2] & 0xff) << 8 | (f[at + 3] & 0xff);
    }

    private static int s32le(byte[] f, int at) {
        return (f[at + 3] & 0xff) << 24 | (f[at + 2] & 0xff) << 16 | (f[at + 1] & 0xff) << 8 | (f[at] & 0xff);
    }
}
