package io.spikeline.ingest.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Builds a test recording byte by byte: text header lines, then integers in either byte order. */
final class ByteFileBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ByteFileBuilder line(String text) {
        out.writeBytes((text + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    ByteFileBuilder ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    ByteFileBuilder u8(int v) {
        out.write(v);
        return this;
    }

    ByteFileBuilder le16(int v) {
        out.write(v);
        out.write(v >>> 8);
        return this;
    }

    ByteFileBuilder le32(int v) {
        le16(v);
        return le16(v >>> 16);
    }

    ByteFileBuilder le64(long v) {
        le32((int) v);
        return le32((int) (v >>> 32));
    }

    ByteFileBuilder be32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    ByteFileBuilder bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        Files.write(file, out.toByteArray());
        return file;
    }

    /** The file cut {@code bytes} short of its end. */
    Path writeTruncatedTo(Path file, int bytes) throws IOException {
        byte[] all = out.toByteArray();
        Files.write(file, Arrays.copyOf(all, all.length - bytes));
        return file;
    }
}
