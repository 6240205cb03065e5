package io.spikeline.ingest.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Prophesee EVT 3.0 RAW files: a {@code %} header (see {@link PropheseeHeader} for the geometry), then
 * 16-bit little-endian words, the top 4 bits their type. The decoder keeps a state that the words update:
 *
 * <pre>
 * EVT_ADDR_Y   0x0  [10:0] y                    (bit 11: master/slave)
 * EVT_ADDR_X   0x2  [11] polarity [10:0] x      one event at (x, y)
 * VECT_BASE_X  0x3  [11] polarity [10:0] x      base x and polarity of the vectors that follow
 * VECT_12      0x4  [11:0] valid bits           events at base x + i for each set bit i; base x += 12
 * VECT_8       0x5  [7:0]  valid bits           the same over 8 pixels; base x += 8
 * EVT_TIME_LOW 0x6  [11:0] timestamp bits 11..0
 * EVT_TIME_HIGH 0x8 [11:0] timestamp bits 23..12
 * EXT_TRIGGER 0xA, OTHERS 0xE, CONTINUED_4 0x7, CONTINUED_12 0xF: no CD event (counted in otherWords)
 * </pre>
 *
 * An event's time is {@code TIME_HIGH << 12 | TIME_LOW}, as the format defines it; the camera sends a time high
 * whenever it changes, so a time low that falls back is no overflow of its own. The 24-bit time wraps after
 * 16.8 s: a time high that falls back by more than half its range starts the next period. Events before the
 * first time high, a y address or (for vectors) a base x have no complete address or time and are skipped
 * (counted). A file that ends inside a word ends cleanly.
 */
public final class Evt3Reader extends EventFileReader {
    private static final int WORD_BYTES = 2;
    private static final int ADDR_Y = 0x0;
    private static final int ADDR_X = 0x2;
    private static final int VECT_BASE_X = 0x3;
    private static final int VECT_12 = 0x4;
    private static final int VECT_8 = 0x5;
    private static final int TIME_LOW = 0x6;
    private static final int TIME_HIGH = 0x8;

    private final byte[] chunk = new byte[WORD_BYTES * 32768];
    private final ByteBuffer words = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    private final WrappingCounter timeHigh = new WrappingCounter(12);
    private long extendedTimeHigh;
    private long timeLow;
    private PropheseeHeader header;
    private int y = -1;
    private int baseX = -1;
    private int basePolarity;

    private Evt3Reader(Path file, EventReaderOptions options) throws IOException {
        super(file, options);
    }

    public static Evt3Reader open(Path file) throws IOException {
        return open(file, EventReaderOptions.defaults());
    }

    public static Evt3Reader open(Path file, EventReaderOptions options) throws IOException {
        return openedOrClosed(new Evt3Reader(file, options), r -> r.header = PropheseeHeader.readRaw(r, "3.0"));
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
            int word = words.getShort(at) & 0xffff;
            int payload = word & 0xfff;
            switch (word >>> 12) {
                case ADDR_Y -> y = payload & 0x7ff;
                case ADDR_X -> {
                    if (complete(1)) {
                        emit(time(), payload & 0x7ff, y, payload >>> 11, chunkOffset + at);
                    }
                }
                case VECT_BASE_X -> {
                    baseX = payload & 0x7ff;
                    basePolarity = payload >>> 11;
                }
                case VECT_12 -> vector(payload, 12, chunkOffset + at);
                case VECT_8 -> vector(payload & 0xff, 8, chunkOffset + at);
                case TIME_LOW -> timeLow = payload;
                case TIME_HIGH -> extendedTimeHigh = timeHigh.extend(payload);
                default -> otherWords++;
            }
        }
        return n * WORD_BYTES == chunk.length;
    }

    private void vector(int validBits, int pixels, long offset) throws IOException {
        int events = Integer.bitCount(validBits);
        if (baseX < 0) {
            skippedEvents += events;
            return;
        }
        if (complete(events)) {
            long t = time();
            for (int bit = 0; bit < pixels; bit++) {
                if ((validBits >>> bit & 1) != 0) {
                    emit(t, baseX + bit, y, basePolarity, offset);
                }
            }
        }
        baseX += pixels;
    }

    /** Whether the state holds a y address and a time base; if not, the {@code events} are skipped. */
    private boolean complete(int events) {
        if (y >= 0 && timeHigh.started()) {
            return true;
        }
        skippedEvents += events;
        return false;
    }

    private long time() {
        return extendedTimeHigh << 12 | timeLow;
    }
}
