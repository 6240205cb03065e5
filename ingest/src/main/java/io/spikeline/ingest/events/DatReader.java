package io.spikeline.ingest.events;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Prophesee DAT files (format version 2): a {@code %} header ({@code % Width} / {@code % Height} give the
 * geometry when present; N-CARS samples and other older files need it in the options), one byte of event type
 * and one of event size, then 8-byte little-endian events:
 *
 * <pre>
 * [31:0]  timestamp (µs)
 * [63:32] [13:0] x, [27:14] y, [31:28] polarity (1 = ON, 0 = OFF)
 * </pre>
 *
 * Event types 0 (Event2d) and 12 (EventCd) hold contrast events; type 14 (EventExtTrigger) holds only trigger
 * edges, counted in {@link EventReadStats#otherWords()}. Any other type or size is an {@link IngestException}.
 * The 32-bit timestamp wraps after 71.6 min: a time that falls back by more than half its range starts the
 * next period. A file that ends inside an event ends cleanly.
 */
public final class DatReader extends EventFileReader {
    private static final int EVENT_BYTES = 8;
    private static final int TYPE_EVENT_2D = 0;
    private static final int TYPE_EVENT_CD = 12;
    private static final int TYPE_EXT_TRIGGER = 14;

    private final byte[] chunk = new byte[EVENT_BYTES * 8192];
    private final ByteBuffer records = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    private final WrappingCounter time = new WrappingCounter(32);
    private PropheseeHeader header;
    private boolean triggers;

    private DatReader(Path file, EventReaderOptions options) throws IOException {
        super(file, options);
    }

    public static DatReader open(Path file) throws IOException {
        return open(file, EventReaderOptions.defaults());
    }

    public static DatReader open(Path file, EventReaderOptions options) throws IOException {
        return openedOrClosed(new DatReader(file, options), DatReader::readHeader);
    }

    private void readHeader() throws IOException {
        header = PropheseeHeader.read(in, "Prophesee DAT");
        long at = in.offset();
        byte[] typeAndSize = new byte[2];
        in.readExactly(typeAndSize, 2, "the DAT event type and size");
        int type = typeAndSize[0] & 0xff;
        int size = typeAndSize[1] & 0xff;
        if (type != TYPE_EVENT_2D && type != TYPE_EVENT_CD && type != TYPE_EXT_TRIGGER) {
            throw new IngestException(source, at, "DAT event type " + type + " is not supported; expected 0 (Event2d),"
                    + " 12 (EventCd) or 14 (EventExtTrigger)");
        }
        if (size != EVENT_BYTES) {
            throw new IngestException(source, at + 1, "DAT event size is " + size + "; expected 8");
        }
        triggers = type == TYPE_EXT_TRIGGER;
        int[] g = header.geometry();
        useGeometry(g[0], g[1], 0, "the DAT header");
    }

    /** The header lines, each with its leading {@code %}. */
    public List<String> headerLines() {
        return header.lines();
    }

    @Override
    boolean decodeMore() throws IOException {
        long chunkOffset = in.offset();
        int n = readRecords(chunk, EVENT_BYTES);
        if (triggers) {
            otherWords += n;
            return n * EVENT_BYTES == chunk.length;
        }
        for (int i = 0; i < n; i++) {
            int at = i * EVENT_BYTES;
            long rawTime = records.getInt(at) & 0xffffffffL;
            int data = records.getInt(at + 4);
            int polarity = data >>> 28;
            if (polarity > 1) {
                throw new IngestException(source, chunkOffset + at, "DAT polarity " + polarity + " is neither 0 nor 1");
            }
            emit(time.extend(rawTime), data & 0x3fff, data >>> 14 & 0x3fff, polarity, chunkOffset + at);
        }
        return n * EVENT_BYTES == chunk.length;
    }
}
