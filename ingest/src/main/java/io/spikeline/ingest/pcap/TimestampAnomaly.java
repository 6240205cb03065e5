package io.spikeline.ingest.pcap;

/**
 * A packet whose capture time jumped too far from the packets before it. When the packets after it follow the
 * new time, the jump is kept ({@code usedUs == reportedUs}: the clock moved); otherwise the packet was an
 * outlier and took the last trusted time.
 *
 * @param frameNumber 1-based frame number in the capture (as Wireshark counts)
 * @param offset byte offset of the packet's record
 * @param reportedUs the time the capture gives
 * @param usedUs the time given to the packet instead (the last trusted time)
 */
public record TimestampAnomaly(long frameNumber, long offset, long reportedUs, long usedUs) {

    /** True when the packets after this one followed its time, so the jump was kept. */
    public boolean clockMoved() {
        return usedUs == reportedUs;
    }
}
