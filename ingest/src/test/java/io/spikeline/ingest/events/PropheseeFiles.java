package io.spikeline.ingest.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The body of a Prophesee file after its '%' header lines, found by hand for the independent decoders. */
final class PropheseeFiles {
    private PropheseeFiles() {}

    static ByteBuffer body(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int at = 0;
        while (at < b.length && b[at] == '%') {
            while (b[at] != '\n') {
                at++;
            }
            at++;
        }
        return ByteBuffer.wrap(b, at, b.length - at).slice().order(ByteOrder.LITTLE_ENDIAN);
    }
}
