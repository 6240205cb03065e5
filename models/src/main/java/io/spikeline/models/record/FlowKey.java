package io.spikeline.models.record;

import java.util.Arrays;

/**
 * The 5-tuple that names a network flow: source and destination address (4 bytes for IPv4, 16 for IPv6),
 * ports (0 where the protocol has none) and the IP protocol number (6 = TCP, 17 = UDP, ...).
 */
public final class FlowKey {
    private static final String RECORD = "FlowKey";

    private final byte[] sourceAddress;
    private final byte[] destinationAddress;
    private final int sourcePort;
    private final int destinationPort;
    private final int protocol;

    public FlowKey(byte[] sourceAddress, byte[] destinationAddress, int sourcePort, int destinationPort,
                   int protocol) {
        Records.requireNonNull(RECORD, "source address", sourceAddress);
        Records.requireNonNull(RECORD, "destination address", destinationAddress);
        if ((sourceAddress.length != 4 && sourceAddress.length != 16)
                || destinationAddress.length != sourceAddress.length) {
            throw new IllegalArgumentException(RECORD + ": addresses must both be 4 (IPv4) or 16 (IPv6) bytes, were "
                    + sourceAddress.length + " and " + destinationAddress.length);
        }
        requirePort("source port", sourcePort);
        requirePort("destination port", destinationPort);
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException(RECORD + ": protocol must be 0..255, was " + protocol);
        }
        this.sourceAddress = sourceAddress.clone();
        this.destinationAddress = destinationAddress.clone();
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        this.protocol = protocol;
    }

    private static void requirePort(String field, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(RECORD + ": " + field + " must be 0..65535, was " + port);
        }
    }

    public byte[] sourceAddress() {
        return sourceAddress.clone();
    }

    public byte[] destinationAddress() {
        return destinationAddress.clone();
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationPort() {
        return destinationPort;
    }

    public int protocol() {
        return protocol;
    }

    public boolean isIpv6() {
        return sourceAddress.length == 16;
    }

    /** The same flow seen from the other end. */
    public FlowKey reversed() {
        return new FlowKey(destinationAddress, sourceAddress, destinationPort, sourcePort, protocol);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FlowKey)) {
            return false;
        }
        FlowKey k = (FlowKey) o;
        return sourcePort == k.sourcePort && destinationPort == k.destinationPort && protocol == k.protocol
                && Arrays.equals(sourceAddress, k.sourceAddress) && Arrays.equals(destinationAddress, k.destinationAddress);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(sourceAddress);
        h = 31 * h + Arrays.hashCode(destinationAddress);
        h = 31 * h + sourcePort;
        h = 31 * h + destinationPort;
        return 31 * h + protocol;
    }

    /** A stable text form, usable as a stream key: {@code proto/src:port>dst:port}. */
    @Override
    public String toString() {
        return protocol + "/" + address(sourceAddress) + ":" + sourcePort + ">" + address(destinationAddress) + ":"
                + destinationPort;
    }

    private static String address(byte[] a) {
        StringBuilder sb = new StringBuilder();
        if (a.length == 4) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(a[i] & 0xff);
            }
        } else {
            sb.append('[');
            for (int i = 0; i < 16; i += 2) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff)));
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
