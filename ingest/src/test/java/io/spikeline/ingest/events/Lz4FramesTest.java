package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;

class Lz4FramesTest {

    /** Compressible data: runs and repeats of a seeded random alphabet. */
    private static byte[] sample(int n) {
        SeededRandom random = new SeededRandom(7);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = i > 16 && random.nextDouble() < 0.7 ? b[i - 1 - random.nextInt(16)] : (byte) random.nextInt(8);
        }
        return b;
    }

    private static byte[] compress(byte[] plain, LZ4FrameOutputStream.BLOCKSIZE size,
                                   LZ4FrameOutputStream.FLG.Bits... bits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out, size, bits)) {
            lz4.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void framesWrittenByTheLibraryDecodeToTheirContent() throws IOException {
        byte[] plain = sample(300_000);
        assertThat(Lz4Frames.decode(compress(plain, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE))).isEqualTo(plain);
        assertThat(Lz4Frames.decode(compress(plain, LZ4FrameOutputStream.BLOCKSIZE.SIZE_256KB,
                LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM,
                LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM))).isEqualTo(plain);
        byte[] twice = new ByteFileBuilder()
                .bytes(compress(plain, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                        LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE))
                .bytes(compress(new byte[] {1, 2, 3}, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                        LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE))
                .toBytes();
        byte[] decoded = Lz4Frames.decode(twice);
        assertThat(decoded).hasSize(plain.length + 3).endsWith(1, 2, 3);
    }

    /** A frame of linked blocks built by hand: the second block copies from the first. */
    private static byte[] linkedFrame() {
        ByteFileBuilder f = new ByteFileBuilder().le32(0x184D2204);
        byte flg = 0x40;
        byte bd = 0x40;
        int check = XXHashFactory.fastestJavaInstance().hash32().hash(new byte[] {flg, bd}, 0, 2, 0) >>> 8 & 0xff;
        f.u8(flg).u8(bd).u8(check);
        f.le32(9).u8(0x80).ascii("abcdefgh");
        // Token: no literals, match length 8 (4 + 4); offset 8 reaches into block 1; then a final literal.
        f.le32(5).u8(0x04).le16(8).u8(0x10).ascii("z");
        return f.le32(0).toBytes();
    }

    @Test
    void linkedBlocksReachIntoEarlierBlocks() throws IOException {
        assertThat(new String(Lz4Frames.decode(linkedFrame()), StandardCharsets.US_ASCII))
                .isEqualTo("abcdefghabcdefghz");
    }

    @Test
    void corruptFramesFailWithAReason() {
        byte[] frame = linkedFrame();
        byte[] badMagic = frame.clone();
        badMagic[0] = 0;
        assertThatThrownBy(() -> Lz4Frames.decode(badMagic)).hasMessageContaining("magic");
        byte[] badHeader = frame.clone();
        badHeader[5] ^= 0x10;
        assertThatThrownBy(() -> Lz4Frames.decode(badHeader)).isInstanceOf(IOException.class);
        byte[] badOffset = frame.clone();
        badOffset[25] = 40;
        assertThatThrownBy(() -> Lz4Frames.decode(badOffset)).hasMessageContaining("reaches before");
        byte[] cut = Arrays.copyOf(frame, frame.length - 3);
        assertThatThrownBy(() -> Lz4Frames.decode(cut)).hasMessageContaining("cut short");
    }
}
