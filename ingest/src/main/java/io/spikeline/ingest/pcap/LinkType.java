package io.spikeline.ingest.pcap;

/**
 * The link-layer header types (tcpdump.org LINKTYPE_ values) whose frames can be decoded down to IP.
 */
public enum LinkType {
    /** LINKTYPE_NULL: BSD loopback, 4-byte address family in the capturing host's byte order. */
    BSD_NULL(0),
    /** LINKTYPE_ETHERNET: 14-byte Ethernet II header, optionally with 802.1Q / 802.1ad VLAN tags. */
    ETHERNET(1),
    /** LINKTYPE_RAW: the frame starts with an IPv4 or IPv6 header. */
    RAW_IP(101),
    /** LINKTYPE_LOOP: OpenBSD loopback, 4-byte address family in network byte order. */
    LOOP(108),
    /** LINKTYPE_LINUX_SLL: 16-byte Linux cooked-mode header, protocol type at bytes 14–15. */
    LINUX_SLL(113),
    /** LINKTYPE_IPV4: raw IPv4. */
    IPV4(228),
    /** LINKTYPE_IPV6: raw IPv6. */
    IPV6(229),
    /** LINKTYPE_LINUX_SLL2: 20-byte Linux cooked-mode v2 header, protocol type at bytes 0–1. */
    LINUX_SLL2(276);

    private final int code;

    LinkType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The link type of a LINKTYPE_ code, or {@code null} when it is not supported. */
    public static LinkType of(int code) {
        for (LinkType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
