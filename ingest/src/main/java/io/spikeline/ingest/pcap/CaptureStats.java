package io.spikeline.ingest.pcap;

/**
 * What a capture held besides the packets delivered.
 *
 * @param frames frames read (delivered or skipped)
 * @param packets packets delivered
 * @param nonIpSkipped frames of other network protocols (ARP, LLDP, ...)
 * @param tooShortSkipped frames whose headers were cut by the snap length before the flow could be read
 * @param otherBlocksSkipped pcapng blocks that carry no packet (statistics, name resolution, ...)
 * @param truncatedTailBytes bytes of an incomplete last record, dropped at the end of the file
 * @param timestampAnomalies packets whose time was not trusted (see {@link TimestampAnomaly})
 */
public record CaptureStats(long frames, long packets, long nonIpSkipped, long tooShortSkipped,
                           long otherBlocksSkipped, long truncatedTailBytes, long timestampAnomalies) {}
