package io.spikeline.ingest.events;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the N-MNIST / N-Caltech101 binary format (Orchard et al. 2015): 5-byte events, big-endian,
 * {@code x} (byte 0), {@code y} (byte 1), polarity (bit 7 of byte 2, 1 = ON) and a 23-bit µs timestamp
 * (the rest of bytes 2–4). The files have no header and no geometry: N-MNIST is 34×34, the default here;
 * N-Caltech101 samples differ in size and need it in the options.
 *
 * <p>The ATIS recordings mark a timestamp overflow with an event at {@code y = 240}: it is no event, and every
 * later timestamp lies {@value #OVERFLOW_US} µs further on (as the dataset's own reader does). It is counted in
 * {@link EventReadStats#otherWords()}. A file whose length is not a multiple of 5 ends cleanly; the incomplete
 * final event is counted in {@link EventReadStats#truncatedTailBytes()}.
 */
public final class NmnistReader extends EventFileReader {
    static final int EVENT_BYTES = 5;
    static final int OVERFLOW_Y = 240;
    static final int OVERFLOW_US = 1 << 13;
    private static final int NMNIST_SIZE = 34;

    private final byte[] chunk = new byte[EVENT_BYTES * 8192];
    private long overflowUs;

    private NmnistReader(Path file, EventReaderOptions options) throws IOException {
        super(file, options);
    }

    public static NmnistReader open(Path file) throws IOException {
        return open(file, EventReaderOptions.defaults());
    }

    public static NmnistReader open(Path file, EventReaderOptions options) throws IOException {
        return openedOrClosed(new NmnistReader(file, options),
                r -> r.useGeometry(NMNIST_SIZE, NMNIST_SIZE, 0, "N-MNIST"));
    }

    @Override
    boolean decodeMore() throws IOException {
        long chunkOffset = in.offset();
        int n = readRecords(chunk, EVENT_BYTES);
        for (int i = 0; i < n; i++) {
            int at = i * EVENT_BYTES;
            int x = chunk[at] & 0xff;
            int y = chunk[at + 1] & 0xff;
            int b2 = chunk[at + 2] & 0xff;
            if (y == OVERFLOW_Y) {
                overflowUs += OVERFLOW_US;
                otherWords++;
                continue;
            }
            long t = ((long) (b2 & 0x7f) << 16 | (chunk[at + 3] & 0xff) << 8 | (chunk[at + 4] & 0xff)) + overflowUs;
            emit(t, x, y, b2 >>> 7, chunkOffset + at);
        }
        return n * EVENT_BYTES == chunk.length;
    }
}
