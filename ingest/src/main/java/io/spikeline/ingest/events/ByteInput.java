package io.spikeline.ingest.events;

import io.spikeline.ingest.IngestException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A buffered file input that knows its byte offset, with the header-line reading the event formats share. */
final class ByteInput implements Closeable {
    private static final int MAX_HEADER_LINE = 1 << 20;

    private final String source;
    private final InputStream in;
    private long offset;

    ByteInput(Path file) throws IOException {
        this.source = file.toString();
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    String source() {
        return source;
    }

    long offset() {
        return offset;
    }

    /** Reads up to {@code n} bytes; fewer only at the end of the file. */
    int readUpTo(byte[] into, int at, int n) throws IOException {
        int got = in.readNBytes(into, at, n);
        offset += got;
        return got;
    }

    void readExactly(byte[] into, int n, String what) throws IOException {
        long at = offset;
        int got = readUpTo(into, 0, n);
        if (got < n) {
            throw new IngestException(source, at + got, "file ends inside " + what + " (" + n + " bytes expected, "
                    + got + " present)");
        }
    }

    /** Skips {@code n} bytes; returns how many were there before the end of the file. */
    long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            long step = in.skip(n - skipped);
            if (step <= 0) {
                if (in.read() == -1) {
                    break;
                }
                step = 1;
            }
            skipped += step;
        }
        offset += skipped;
        return skipped;
    }

    /** The next byte without consuming it, or -1 at the end. */
    int peek() throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        return b;
    }

    /**
     * Reads every line that begins with {@code marker}, up to the first byte that does not: the ASCII headers
     * of the Prophesee and AEDAT formats. Lines end with LF (a CR before it is dropped); the returned lines keep
     * their marker. A line may also end the header explicitly when {@code endLine} matches it.
     */
    List<String> readHeaderLines(char marker, String endLine) throws IOException {
        List<String> lines = new ArrayList<>();
        while (peek() == marker) {
            long lineStart = offset;
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                offset++;
                if (b == '\n') {
                    break;
                }
                if (line.length() >= MAX_HEADER_LINE) {
                    throw new IngestException(source, lineStart, "header line longer than " + MAX_HEADER_LINE
                            + " bytes: not a text header");
                }
                line.append((char) b);
            }
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
            }
            lines.add(line.toString());
            if (b == -1 || line.toString().equals(endLine)) {
                break;
            }
        }
        return lines;
    }

    /** Checks that the file starts with {@code magic}, naming the format when it does not. */
    void expectMagic(String magic, String format) throws IOException {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        byte[] found = new byte[expected.length];
        int got = readUpTo(found, 0, expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (i >= got || found[i] != expected[i]) {
                throw new IngestException(source, i, "expected the " + format + " signature '" + printable(magic)
                        + "', found '" + printable(new String(found, 0, got, StandardCharsets.ISO_8859_1)) + "'");
            }
        }
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
