package io.spikeline.ingest.events;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads jAER AEDAT 2.0 files: {@code #} header lines, the first {@code #!AER-DAT2.0}, then 8-byte big-endian
 * events: a 32-bit address and a 32-bit µs timestamp. The address layout is the sensor's, chosen by a
 * {@link DvsSensor}; addresses that are not polarity events (DAVIS APS, IMU and external-input samples) are
 * skipped and counted. The geometry is the sensor's unless the options give one. The 32-bit timestamp wraps
 * after 71.6 min: a time that falls back by more than half its range starts the next period. A file that ends
 * inside an event ends cleanly. As in jAER, the header is every leading line that starts with {@code #}: a
 * first event whose address begins with byte 0x23 would be taken for header.
 */
public final class Aedat2Reader extends EventFileReader {
    static final String SIGNATURE = "#!AER-DAT2.0";
    private static final int EVENT_BYTES = 8;

    private final DvsSensor sensor;
    private final byte[] chunk = new byte[EVENT_BYTES * 8192];
    private final ByteBuffer records = ByteBuffer.wrap(chunk);
    private final WrappingCounter time = new WrappingCounter(32);
    private List<String> header;

    private Aedat2Reader(Path file, DvsSensor sensor, EventReaderOptions options) throws IOException {
        super(file, options);
        this.sensor = sensor;
    }

    public static Aedat2Reader open(Path file, DvsSensor sensor) throws IOException {
        return open(file, sensor, EventReaderOptions.defaults());
    }

    public static Aedat2Reader open(Path file, DvsSensor sensor, EventReaderOptions options) throws IOException {
        return openedOrClosed(new Aedat2Reader(file, sensor, options), Aedat2Reader::readHeader);
    }

    private void readHeader() throws IOException {
        header = in.readHeaderLines('#', null);
        if (header.isEmpty() || !header.get(0).equals(SIGNATURE)) {
            throw new IngestException(source, 0, "expected the AEDAT 2.0 signature '" + SIGNATURE + "' as the first"
                    + " line, found '" + (header.isEmpty() ? "" : header.get(0)) + "'");
        }
        useGeometry(sensor.width(), sensor.height(), 0, sensor.name());
    }

    /** The header lines, each with its leading {@code #}. */
    public List<String> headerLines() {
        return header;
    }

    @Override
    boolean decodeMore() throws IOException {
        long chunkOffset = in.offset();
        int n = readRecords(chunk, EVENT_BYTES);
        for (int i = 0; i < n; i++) {
            int at = i * EVENT_BYTES;
            int address = records.getInt(at);
            long t = time.extend(records.getInt(at + 4) & 0xffffffffL);
            if (!sensor.isPolarityEvent(address)) {
                skippedEvents++;
                continue;
            }
            emit(t, sensor.x(address), sensor.y(address), sensor.polarity(address), chunkOffset + at);
        }
        return n * EVENT_BYTES == chunk.length;
    }
}
