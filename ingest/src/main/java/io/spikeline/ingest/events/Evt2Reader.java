package io.spikeline.ingest.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Prophesee EVT 2.0 RAW files: a {@code %} header (see {@link PropheseeHeader} for the geometry), then
 * 32-bit little-endian words whose top 4 bits give their type:
 *
 * <pre>
 * CD_OFF 0x0, CD_ON 0x1   [31:28] type  [27:22] timestamp bits 5..0  [21:11] x  [10:0] y
 * EVT_TIME_HIGH 0x8       [31:28] type  [27:0]  timestamp bits 33..6
 * EXT_TRIGGER 0xA, OTHERS 0xE, CONTINUED 0xF: no CD event (counted in otherWords)
 * </pre>
 *
 * An event's time is {@code TIME_HIGH << 6 | LSB}. The 34-bit time wraps after about 4 h 46 min: a time-high
 * that falls back by more than half its range starts the next period. CD events before the first time high have
 * no time base and are skipped (counted). A file that ends inside a word ends cleanly.
 */
public final class Evt2Reader extends EventFileReader {
    private static final int WORD_BYTES = 4;
    private static final int CD_OFF = 0x0;
    private static final int CD_ON = 0x1;
    private static final int TIME_HIGH = 0x8;

    private final byte[] chunk = new byte[WORD_BYTES * 16384];
    private final ByteBuffer words = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    private final WrappingCounter timeHigh = new WrappingCounter(28);
    private long extendedTimeHigh;
    private PropheseeHeader header;

    private Evt2Reader(Path file, EventReaderOptions options) throws IOException {
        super(file, options);
    }

    public static Evt2Reader open(Path file) throws IOException {
        return open(file, EventReaderOptions.defaults());
    }

    public static Evt2Reader open(Path file, EventReaderOptions options) throws IOException {
        return openedOrClosed(new Evt2Reader(file, options), r -> r.header = PropheseeHeader.readRaw(r, "2.0"));
    }

    /** The header lines, each with its leading {@code %}. */
    public List<String> headerLines() {
        return header.lines();
    }

    @Override
    boolean decodeMore() throws IOException {
        long chunkOffset = in.offset();
        int n = readRecords(chunk, WORD_BYTES);
        for (int i = 0; i < n; i++) {
            int at = i * WORD_BYTES;
            int word = words.getInt(at);
            int type = word >>> 28;
            if (type == CD_OFF || type == CD_ON) {
                if (!timeHigh.started()) {
                    skippedEvents++;
                    continue;
                }
                long t = extendedTimeHigh << 6 | (word >>> 22 & 0x3f);
                emit(t, word >>> 11 & 0x7ff, word & 0x7ff, type, chunkOffset + at);
            } else if (type == TIME_HIGH) {
                extendedTimeHigh = timeHigh.extend(word & 0x0fffffff);
                otherWords++;
            } else {
                otherWords++;
            }
        }
        return n * WORD_BYTES == chunk.length;
    }
}
