/**
 * Streaming readers of event-camera recordings, producing {@link io.spikeline.models.record.EventBatch}es.
 *
 * <p>Every reader is an {@link io.spikeline.ingest.events.EventFileReader}: open it with a static
 * {@code open(Path[, EventReaderOptions])}, call {@code read()} until it returns {@code null}. Batches are cut by
 * event count and/or time span ({@link io.spikeline.ingest.events.EventReaderOptions}), numbered from 0, hold
 * non-decreasing µs timestamps and polarity 1 = ON / 0 = OFF.
 *
 * <p>Common rules for bad input: a wrong signature or header is an {@link io.spikeline.ingest.IngestException}
 * at open; an event outside the sensor geometry is one at the byte offset of its word or packet, and ends the
 * reader; a file that ends inside its last event or packet ends cleanly, the partial bytes counted in
 * {@link io.spikeline.ingest.events.EventReadStats#truncatedTailBytes()}. Only AEDAT 4, whose packets are
 * independent, goes on after a corrupt packet.
 */
package io.spikeline.ingest.events;
