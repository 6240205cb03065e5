/**
 * Streaming readers of sensor recording formats and seeded sensor simulators; all produce
 * {@code io.spikeline.models.record} records with event time in microseconds.
 *
 * <p>Every reader is a {@link io.spikeline.ingest.RecordReader}: it reads one record at a time with bounded
 * memory and reports malformed input as an {@link io.spikeline.ingest.IngestException} that names the file,
 * the byte offset and what was expected there.
 */
package io.spikeline.ingest;
