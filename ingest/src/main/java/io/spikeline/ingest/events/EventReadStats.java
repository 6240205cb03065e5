package io.spikeline.ingest.events;

/**
 * What a reader has done so far.
 *
 * @param events events delivered in batches
 * @param batches batches delivered
 * @param clampedTimestamps events whose timestamp was earlier than the one before; they take the earlier
 *     event's time, since batches must be non-decreasing in time
 * @param skippedEvents events read but not delivered: marked invalid (AEDAT 3.1), before the first time base
 *     (EVT 2.0 / 3.0), or of another kind in a mixed address space (AEDAT 2 APS/IMU/external addresses)
 * @param otherWords words or packets that carry no polarity event (triggers, time bases of no event, vendor
 *     extensions, frames, IMU samples)
 * @param truncatedTailBytes bytes of an incomplete final event or packet, left unread at the end of the file
 * @param corruptPackets packets that could not be decoded and were skipped (AEDAT 4)
 */
public record EventReadStats(long events, long batches, long clampedTimestamps, long skippedEvents, long otherWords,
                             long truncatedTailBytes, long corruptPackets) {}
