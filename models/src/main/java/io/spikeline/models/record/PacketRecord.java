package io.spikeline.models.record;

import java.util.Arrays;

/**
 * One captured network packet: capture time (µs), its flow, the captured bytes (from the link or IP
 * header on, as the capture stored them), the length the packet had on the wire, and an optional class
 * label ({@link #NO_LABEL} when unlabelled). The record takes ownership of {@code bytes}.
 */
public final class PacketRecord {
    public static final int NO_LABEL = -1;
    private static final String RECORD = "PacketRecord";

    private final long captureTimeUs;
    private final FlowKey flow;
    private final byte[] bytes;
    private final int wireLength;
    private final int label;

    public PacketRecord(long captureTimeUs, FlowKey flow, byte[] bytes, int wireLength, int label) {
        this.captureTimeUs = captureTimeUs;
        this.flow = Records.requireNonNull(RECORD, "flow", flow);
        this.bytes = Records.requireNonNull(RECORD, "bytes", bytes);
        if (wireLength < bytes.length) {
            throw new IllegalArgumentException(RECORD + " " + flow + ": wire length " + wireLength
                    + " is shorter than the " + bytes.length + " captured bytes");
        }
        if (label < NO_LABEL) {
            throw new IllegalArgumentException(RECORD + " " + flow + ": label must be >= 0 or NO_LABEL, was " + label);
        }
        this.wireLength = wireLength;
        this.label = label;
    }

    public long captureTimeUs() {
        return captureTimeUs;
    }

    public FlowKey flow() {
        return flow;
    }

    /** Read-only by contract. */
    public byte[] bytes() {
        return bytes;
    }

    public int wireLength() {
        return wireLength;
    }

    public boolean isTruncated() {
        return bytes.length < wireLength;
    }

    public boolean hasLabel() {
        return label != NO_LABEL;
    }

    public int label() {
        return label;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PacketRecord)) {
            return false;
        }
        PacketRecord p = (PacketRecord) o;
        return captureTimeUs == p.captureTimeUs && wireLength == p.wireLength && label == p.label
                && flow.equals(p.flow) && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(captureTimeUs) + flow.hashCode()) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "PacketRecord{" + flow + " t=" + captureTimeUs + "us " + bytes.length + "/" + wireLength + "B"
                + (hasLabel() ? " label=" + label : "") + "}";
    }
}
