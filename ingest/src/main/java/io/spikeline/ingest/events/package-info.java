/**
 * Streaming readers of event-camera recordings, producing {@link io.spikeline.models.record.EventBatch}es.
 *
 * <p>Every reader is an {@link io.spikeline.ingest.events.EventFileReader}: open it with its static
 * {@code open(Path[, …, EventReaderOptions])}, call {@code read()} until it returns {@code null}. Batches are cut
 * by event count and/or time span ({@link io.spikeline.ingest.events.EventReaderOptions}), numbered from 0, hold
 * non-decreasing µs timestamps and polarity 1 = ON / 0 = OFF. Files are read a chunk or a packet at a time,
 * never whole.
 *
 * <table>
 *   <caption>Formats</caption>
 *   <tr><th>reader</th><th>format</th><th>geometry from</th></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.NmnistReader}</td><td>N-MNIST / N-Caltech101 5-byte events</td>
 *       <td>34×34 default, or the options</td></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.CsvEventReader}</td><td>text {@code t,x,y,p}, columns configurable</td>
 *       <td>the options</td></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.Evt2Reader}</td><td>Prophesee EVT 2.0 RAW</td>
 *       <td>the {@code %} header</td></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.Evt3Reader}</td><td>Prophesee EVT 3.0 RAW</td>
 *       <td>the {@code %} header</td></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.DatReader}</td><td>Prophesee DAT (Event2d / EventCd)</td>
 *       <td>the header's Width / Height, or the options</td></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.Aedat4Reader}</td><td>iniVation AEDAT 4.0 (LZ4 / Zstd FlatBuffers)</td>
 *       <td>the EVTS stream's info</td></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.Aedat2Reader}</td><td>jAER AEDAT 2.0, DVS128 or DAVIS346 addresses</td>
 *       <td>the {@link io.spikeline.ingest.events.DvsSensor}</td></tr>
 *   <tr><td>{@link io.spikeline.ingest.events.Aedat31Reader}</td><td>libcaer AEDAT 3.1 polarity packets</td>
 *       <td>the header's {@code #Source} sensor, or the options</td></tr>
 * </table>
 *
 * <p>Bad input, the same in every format: a wrong signature or header is an
 * {@link io.spikeline.ingest.IngestException} at open; an event outside the sensor geometry, or a field no
 * event can hold, is one at the byte offset of its word, line or packet, and ends the reader. A file that ends
 * inside its last event, line or packet ends cleanly, the partial bytes counted in
 * {@link io.spikeline.ingest.events.EventReadStats#truncatedTailBytes()}. Only AEDAT 4, whose packets are
 * independent and sized, goes on after a packet that does not decode. Time counters that wrap (EVT 2.0 / 3.0
 * time high, 32-bit DAT and AEDAT 2.0 times, N-MNIST overflow markers, AEDAT 3.1 packet overflows) are
 * extended into 64-bit µs.
 */
package io.spikeline.ingest.events;
