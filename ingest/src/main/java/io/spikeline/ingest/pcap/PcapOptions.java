package io.spikeline.ingest.pcap;

/**
 * How to read a capture.
 *
 * @param maxTimestampJumpUs a packet whose timestamp lies further than this from the last trusted one (either
 *     way) is reported as a {@link TimestampAnomaly}; a lone outlier is stamped with the last trusted time, so
 *     that one corrupt clock value cannot move event time years ahead (see {@link PcapReader#read()}); default
 *     one day
 * @param maxFrameBytes largest captured frame accepted; a record header claiming more is corrupt; default 256 KiB
 */
public record PcapOptions(long maxTimestampJumpUs, int maxFrameBytes) {

    public PcapOptions {
        if (maxTimestampJumpUs <= 0) {
            throw new IllegalArgumentException("max timestamp jump must be > 0 us, was " + maxTimestampJumpUs);
        }
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("max frame bytes must be > 0, was " + maxFrameBytes);
        }
    }

    public static PcapOptions defaults() {
        return new PcapOptions(86_400_000_000L, 262_144);
    }
}
