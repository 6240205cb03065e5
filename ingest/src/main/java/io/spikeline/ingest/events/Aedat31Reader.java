package io.spikeline.ingest.events;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the polarity events of AEDAT 3.1 files (libcaer / cAER): {@code #} header lines from
 * {@code #!AER-DAT3.1} to {@code #!END-HEADER}, then packets, all little-endian. A packet is a 28-byte header:
 *
 * <pre>
 * int16 eventType (1 = polarity)   int16 eventSource   int32 eventSize   int32 eventTSOffset
 * int32 eventTSOverflow            int32 eventCapacity int32 eventNumber int32 eventValid
 * </pre>
 *
 * then {@code eventCapacity × eventSize} bytes of events. A polarity event is 8 bytes: int32 data (bit 0 valid,
 * bit 1 polarity 1 = ON, bits 16..2 y, bits 31..17 x) and an int32 31-bit timestamp at {@code eventTSOffset};
 * its full time is {@code eventTSOverflow << 31 | timestamp}. Events not marked valid are skipped and counted;
 * packets of other types (frames, IMU, special events) are skipped and counted.
 *
 * <p>The geometry is the options', or that of a sensor named in a {@code #Source} header line
 * ({@link DvsSensor}). A packet header that cannot be right (an event size or capacity out of range) is an
 * {@link IngestException} that ends the reader; a file that ends inside a packet ends cleanly, the partial
 * packet counted as a truncated tail.
 */
public final class Aedat31Reader extends EventFileReader {
    static final String SIGNATURE = "#!AER-DAT3.1";
    static final String END_OF_HEADER = "#!END-HEADER";
    static final int PACKET_HEADER_BYTES = 28;
    private static final int POLARITY_EVENT = 1;
    private static final int POLARITY_EVENT_BYTES = 8;
    private static final int MAX_PACKET_BYTES = 1 << 26;

    private final byte[] packetHeader = new byte[PACKET_HEADER_BYTES];
    private byte[] events = new byte[POLARITY_EVENT_BYTES * 1024];
    private List<String> header;

    private Aedat31Reader(Path file, EventReaderOptions options) throws IOException {
        super(file, options);
    }

    public static Aedat31Reader open(Path file) throws IOException {
        return open(file, EventReaderOptions.defaults());
    }

    public static Aedat31Reader open(Path file, EventReaderOptions options) throws IOException {
        return openedOrClosed(new Aedat31Reader(file, options), Aedat31Reader::readHeader);
    }

    private void readHeader() throws IOException {
        header = in.readHeaderLines('#', END_OF_HEADER);
        if (header.isEmpty() || !header.get(0).equals(SIGNATURE)) {
            throw new IngestException(source, 0, "expected the AEDAT 3.1 signature '" + SIGNATURE + "' as the first"
                    + " line, found '" + (header.isEmpty() ? "" : header.get(0)) + "'");
        }
        if (!header.get(header.size() - 1).equals(END_OF_HEADER)) {
            throw new IngestException(source, in.offset(), "AEDAT 3.1 header does not end with '" + END_OF_HEADER
                    + "'");
        }
        DvsSensor sensor = null;
        for (String line : header) {
            if (line.startsWith("#Source") && sensor == null) {
                sensor = DvsSensor.named(line);
            }
        }
        useGeometry(sensor == null ? 0 : sensor.width(), sensor == null ? 0 : sensor.height(), in.offset(),
                "the AEDAT 3.1 header (no #Source line names a known sensor)");
    }

    /** The header lines, each with its leading {@code #}. */
    public List<String> headerLines() {
        return header;
    }

    @Override
    boolean decodeMore() throws IOException {
        long packetOffset = in.offset();
        int got = in.readUpTo(packetHeader, 0, PACKET_HEADER_BYTES);
        if (got < PACKET_HEADER_BYTES) {
            truncatedTailBytes += got;
            return false;
        }
        ByteBuffer h = ByteBuffer.wrap(packetHeader).order(ByteOrder.LITTLE_ENDIAN);
        int type = h.getShort(0);
        int eventSize = h.getInt(4);
        int tsOffset = h.getInt(8);
        long tsOverflow = h.getInt(12) & 0xffffffffL;
        int capacity = h.getInt(16);
        int number = h.getInt(20);
        if (eventSize <= 0 || capacity < 0 || number < 0 || number > capacity
                || (long) eventSize * capacity > MAX_PACKET_BYTES) {
            throw new IngestException(source, packetOffset, "packet header is corrupt: event type " + type + ", size "
                    + eventSize + ", capacity " + capacity + ", number " + number);
        }
        int bytes = eventSize * capacity;
        if (type != POLARITY_EVENT) {
            long skipped = in.skip(bytes);
            if (skipped < bytes) {
                truncatedTailBytes += PACKET_HEADER_BYTES + skipped;
                return false;
            }
            otherWords++;
            return true;
        }
        if (eventSize != POLARITY_EVENT_BYTES || tsOffset != 4) {
            throw new IngestException(source, packetOffset + 4, "polarity packet declares " + eventSize
                    + "-byte events with the timestamp at " + tsOffset + "; expected 8 and 4");
        }
        if (events.length < bytes) {
            events = new byte[bytes];
        }
        int present = in.readUpTo(events, 0, bytes);
        if (present < bytes) {
            truncatedTailBytes += PACKET_HEADER_BYTES + present;
            return false;
        }
        ByteBuffer e = ByteBuffer.wrap(events).order(ByteOrder.LITTLE_ENDIAN);
        long eventsOffset = packetOffset + PACKET_HEADER_BYTES;
        for (int i = 0; i < number; i++) {
            int at = i * POLARITY_EVENT_BYTES;
            int data = e.getInt(at);
            if ((data & 1) == 0) {
                skippedEvents++;
                continue;
            }
            long time = tsOverflow << 31 | (e.getInt(at + 4) & 0x7fffffffL);
            emit(time, data >>> 17, data >>> 2 & 0x7fff, data >>> 1 & 1, eventsOffset + at);
        }
        return true;
    }
}
