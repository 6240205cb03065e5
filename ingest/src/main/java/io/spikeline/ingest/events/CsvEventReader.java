package io.spikeline.ingest.events;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads comma-separated events, one per line, with the fields in the columns {@link CsvColumns} names (by
 * default {@code t,x,y,p}, time in integer µs). A text has no geometry: the options must give it. Empty lines
 * and lines starting with {@code #} are skipped; the first other line is a header, and skipped, when its time
 * field is not a number.
 *
 * <p>A line that cannot be read (too few fields, a field that is not an integer, a polarity other than 1, 0,
 * -1) is an {@link IngestException} at the line's first byte, except the last line of a file that does not end
 * with a newline: that one was cut short, and is counted in {@link EventReadStats#truncatedTailBytes()}.
 */
public final class CsvEventReader extends EventFileReader {
    private static final int MAX_LINE = 4096;

    private final CsvColumns columns;
    private final byte[] buffer = new byte[1 << 16];
    private final int[] fieldStart;
    private final int[] fieldEnd;
    private int position;
    private int limit;
    private long bufferOffset;
    private boolean endOfFile;
    private boolean firstLine = true;

    private CsvEventReader(Path file, EventReaderOptions options, CsvColumns columns) throws IOException {
        super(file, options);
        if (!options.hasGeometry()) {
            in.close();
            throw new IllegalArgumentException(source + ": event CSV files do not state the sensor geometry; "
                    + "give width and height in the options");
        }
        this.columns = columns;
        this.fieldStart = new int[columns.count()];
        this.fieldEnd = new int[columns.count()];
    }

    public static CsvEventReader open(Path file, EventReaderOptions options) throws IOException {
        return open(file, options, CsvColumns.txyp());
    }

    public static CsvEventReader open(Path file, EventReaderOptions options, CsvColumns columns) throws IOException {
        return new CsvEventReader(file, options, columns);
    }

    /** Decodes the lines now in the buffer, then refills it. */
    @Override
    boolean decodeMore() throws IOException {
        while (true) {
            int end = indexOfNewline();
            if (end < 0) {
                break;
            }
            line(position, end, true);
            position = end + 1;
        }
        if (endOfFile) {
            if (position < limit) {
                line(position, limit, false);
                position = limit;
            }
            return false;
        }
        refill();
        return true;
    }

    private int indexOfNewline() throws IngestException {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        if (limit - position > MAX_LINE) {
            throw new IngestException(source, bufferOffset + position, "line longer than " + MAX_LINE
                    + " bytes: not an event CSV");
        }
        return -1;
    }

    private void refill() throws IOException {
        int rest = limit - position;
        System.arraycopy(buffer, position, buffer, 0, rest);
        bufferOffset += position;
        position = 0;
        limit = rest;
        int got = in.readUpTo(buffer, limit, buffer.length - limit);
        limit += got;
        endOfFile = limit < buffer.length;
    }

    private void line(int from, int to, boolean complete) throws IngestException {
        int end = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
        if (end == from || buffer[from] == '#') {
            return;
        }
        boolean first = firstLine;
        firstLine = false;
        long lineOffset = bufferOffset + from;
        int fields = 0;
        int start = from;
        for (int i = from; i <= end && fields < fieldStart.length; i++) {
            if (i == end || buffer[i] == ',') {
                fieldStart[fields] = start;
                fieldEnd[fields] = i;
                fields++;
                start = i + 1;
            }
        }
        if (fields < fieldStart.length) {
            if (!complete) {
                truncatedTailBytes += to - from;
                return;
            }
            throw new IngestException(source, lineOffset, "expected " + fieldStart.length + " comma-separated fields, "
                    + "found " + fields + ": '" + text(from, end) + "'");
        }
        if (first && !isInteger(columns.time())) {
            return;
        }
        long t = integer(columns.time(), lineOffset, "time", from, end);
        long x = integer(columns.x(), lineOffset, "x", from, end);
        long y = integer(columns.y(), lineOffset, "y", from, end);
        long p = integer(columns.polarity(), lineOffset, "polarity", from, end);
        if (p != 1 && p != 0 && p != -1) {
            throw new IngestException(source, lineOffset, "polarity must be 1, 0 or -1, found " + p + ": '"
                    + text(from, end) + "'");
        }
        emit(t, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, x)),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, y)), p == 1 ? 1 : 0, lineOffset);
    }

    private boolean isInteger(int field) {
        int from = trimmedStart(field);
        int to = trimmedEnd(field);
        if (from < to && buffer[from] == '-') {
            from++;
        }
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (buffer[i] < '0' || buffer[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private long integer(int field, long lineOffset, String name, int lineFrom, int lineTo) throws IngestException {
        if (!isInteger(field) || trimmedEnd(field) - trimmedStart(field) > 18) {
            throw new IngestException(source, lineOffset, name + " (column " + field + ") is not an integer: '"
                    + text(lineFrom, lineTo) + "'");
        }
        int i = trimmedStart(field);
        boolean negative = buffer[i] == '-';
        long v = 0;
        for (i = negative ? i + 1 : i; i < trimmedEnd(field); i++) {
            v = v * 10 + (buffer[i] - '0');
        }
        return negative ? -v : v;
    }

    private int trimmedStart(int field) {
        int i = fieldStart[field];
        while (i < fieldEnd[field] && buffer[i] == ' ') {
            i++;
        }
        return i;
    }

    private int trimmedEnd(int field) {
        int i = fieldEnd[field];
        while (i > fieldStart[field] && buffer[i - 1] == ' ') {
            i--;
        }
        return i;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.UTF_8);
    }
}
