package io.spikeline.ingest.events;

import java.io.IOException;
import java.util.Arrays;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Decodes LZ4 frames (the LZ4 frame format, v1.6) held whole in memory, with linked blocks as well as
 * independent ones. DV writes AEDAT 4 packets as frames whose blocks are linked (a block's matches may reach
 * into the blocks before it), which {@code net.jpountz.lz4.LZ4FrameInputStream} does not accept; the block
 * format itself is small enough to decode here.
 *
 * <p>Frame: magic {@code 0x184D2204}, FLG (version 01; bit 5 independent blocks, bit 4 block checksums, bit 3
 * content size, bit 2 content checksum, bit 0 dictionary id, not supported), BD (maximum block size), the
 * optional 8-byte content size, a header checksum byte, then blocks (int32 size, bit 31 set = stored
 * uncompressed; 0 ends the frame), and the optional content checksum. Every checksum is verified (xxHash32).
 * Skippable frames ({@code 0x184D2A50}–{@code 0x184D2A5F}) are skipped. Block: sequences of a token (literal
 * length, match length − 4, 4 bits each, 15 = continued in bytes of 255…), the literals, a 2-byte match offset
 * and the match; the last sequence has literals only.
 */
final class Lz4Frames {
    private static final int MAGIC = 0x184D2204;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
    private static final int SKIPPABLE = 0x184D2A50;
    private static final int MIN_MATCH = 4;
    private static final XXHash32 XXHASH = XXHashFactory.fastestJavaInstance().hash32();

    private final byte[] src;
    private int s;
    private byte[] out;
    private int d;

    private Lz4Frames(byte[] src) {
        this.src = src;
        this.out = new byte[Math.max(64, src.length * 4)];
    }

    /** The concatenated content of every frame in {@code src}. */
    static byte[] decode(byte[] src) throws IOException {
        Lz4Frames f = new Lz4Frames(src);
        do {
            f.frame();
        } while (f.s < src.length);
        return Arrays.copyOf(f.out, f.d);
    }

    private void frame() throws IOException {
        int magic = int32();
        if ((magic & SKIPPABLE_MASK) == SKIPPABLE) {
            int size = int32();
            need(size);
            s += size;
            return;
        }
        if (magic != MAGIC) {
            throw new IOException(String.format("LZ4 frame magic 0x%08X expected at %d, found 0x%08X", MAGIC, s - 4,
                    magic));
        }
        int descriptorStart = s;
        need(2);
        int flg = src[s++] & 0xff;
        int bd = src[s++] & 0xff;
        if (flg >>> 6 != 1 || (flg & 0x02) != 0 || (bd & 0x8f) != 0 || (bd >>> 4 & 7) < 4) {
            throw new IOException(String.format("LZ4 frame descriptor FLG 0x%02X BD 0x%02X is not version 01 or sets"
                    + " reserved bits", flg, bd));
        }
        if ((flg & 0x01) != 0) {
            throw new IOException("LZ4 frames with a dictionary id are not supported");
        }
        boolean independent = (flg & 0x20) != 0;
        boolean blockChecksums = (flg & 0x10) != 0;
        boolean contentChecksum = (flg & 0x04) != 0;
        int maxBlock = 1 << (8 + 2 * (bd >>> 4 & 7));
        if ((flg & 0x08) != 0) {
            need(8);
            s += 8;
        }
        need(1);
        int headerChecksum = src[s] & 0xff;
        if (headerChecksum != (XXHASH.hash(src, descriptorStart, s - descriptorStart, 0) >>> 8 & 0xff)) {
            throw new IOException("LZ4 frame header checksum does not match");
        }
        s++;
        int frameStart = d;
        while (true) {
            int size = int32();
            if (size == 0) {
                break;
            }
            boolean stored = size < 0;
            size &= 0x7fffffff;
            if (size > maxBlock) {
                throw new IOException("LZ4 block of " + size + " bytes exceeds the frame's maximum " + maxBlock);
            }
            need(size);
            if (blockChecksums) {
                need(size + 4);
                if (XXHASH.hash(src, s, size, 0) != intAt(s + size)) {
                    throw new IOException("LZ4 block checksum does not match");
                }
            }
            if (stored) {
                ensure(size);
                System.arraycopy(src, s, out, d, size);
                d += size;
            } else {
                block(s, s + size, independent ? d : frameStart);
            }
            s += size + (blockChecksums ? 4 : 0);
        }
        if (contentChecksum && XXHASH.hash(out, frameStart, d - frameStart, 0) != int32()) {
            throw new IOException("LZ4 content checksum does not match");
        }
    }

    /** Decodes one compressed block; matches may reach back to {@code window}, the first byte they may copy. */
    private void block(int from, int end, int window) throws IOException {
        int i = from;
        while (true) {
            if (i >= end) {
                throw new IOException("LZ4 block ends with a match, not with its final literals");
            }
            int token = src[i++] & 0xff;
            int literals = token >>> 4;
            if (literals == 15) {
                int b;
                do {
                    if (i >= end) {
                        throw new IOException("LZ4 literal length runs past the block end");
                    }
                    b = src[i++] & 0xff;
                    literals += b;
                } while (b == 255);
            }
            if (literals > end - i) {
                throw new IOException("LZ4 literals run past the block end");
            }
            ensure(literals);
            System.arraycopy(src, i, out, d, literals);
            i += literals;
            d += literals;
            if (i == end) {
                return;
            }
            if (end - i < 2) {
                throw new IOException("LZ4 match offset cut by the block end");
            }
            int offset = (src[i] & 0xff) | (src[i + 1] & 0xff) << 8;
            i += 2;
            if (offset == 0 || offset > d - window) {
                throw new IOException("LZ4 match offset " + offset + " reaches before the decoded data");
            }
            int length = token & 0x0f;
            if (length == 15) {
                int b;
                do {
                    if (i >= end) {
                        throw new IOException("LZ4 match length runs past the block end");
                    }
                    b = src[i++] & 0xff;
                    length += b;
                } while (b == 255);
            }
            length += MIN_MATCH;
            ensure(length);
            // Byte by byte: a match may overlap the bytes it produces (a run).
            for (int k = 0; k < length; k++) {
                out[d] = out[d - offset];
                d++;
            }
        }
    }

    private void ensure(int more) throws IOException {
        long needed = (long) d + more;
        if (needed > Aedat4Reader.MAX_PACKET_BYTES) {
            throw new IOException("LZ4 content exceeds " + Aedat4Reader.MAX_PACKET_BYTES + " bytes");
        }
        if (needed > out.length) {
            out = Arrays.copyOf(out, (int) Math.min(Aedat4Reader.MAX_PACKET_BYTES, Math.max(needed, 2L * out.length)));
        }
    }

    private void need(int n) throws IOException {
        if (n < 0 || s + n > src.length) {
            throw new IOException("LZ4 frame cut short at " + src.length + " bytes");
        }
    }

    private int int32() throws IOException {
        need(4);
        int v = intAt(s);
        s += 4;
        return v;
    }

    private int intAt(int at) {
        return (src[at] & 0xff) | (src[at + 1] & 0xff) << 8 | (src[at + 2] & 0xff) << 16 | (src[at + 3] & 0xff) << 24;
    }
}
