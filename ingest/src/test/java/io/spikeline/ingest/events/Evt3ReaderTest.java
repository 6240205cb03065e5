package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Evt3ReaderTest {
    @TempDir
    Path temp;

    /** The EVT 3.0 words decoded by hand, from the whole file at once, per the format's state machine. */
    private static Drained decodeByHand(Path file) throws IOException {
        ByteBuffer body = PropheseeFiles.body(file);
        Drained d = new Drained();
        int y = 0;
        int x = 0;
        int polarity = 0;
        int low = 0;
        int high = 0;
        while (body.remaining() >= 2) {
            int w = body.getShort() & 0xffff;
            int type = w / 4096;
            int payload = w % 4096;
            if (type == 0) {
                y = payload % 2048;
            } else if (type == 2) {
                d.add(high * 4096L + low, payload % 2048, y, payload / 2048);
            } else if (type == 3) {
                x = payload % 2048;
                polarity = payload / 2048;
            } else if (type == 4 || type == 5) {
                int pixels = type == 4 ? 12 : 8;
                for (int i = 0; i < pixels; i++) {
                    if ((payload & (1 << i)) != 0) {
                        d.add(high * 4096L + low, x + i, y, polarity);
                    }
                }
                x += pixels;
            } else if (type == 6) {
                low = payload;
            } else if (type == 8) {
                high = payload;
            }
        }
        return d;
    }

    /**
     * 219,596 events, as the upstream reference decoder counts. The span is 8.8 ms by the format's own time
     * rule; that decoder reports ≈54 ms because it adds 4096 µs on every falling time low, which the time high
     * that follows counts a second time.
     */
    @Test
    void gen41SampleHasTheReferenceCountAndDecodesLikeTheWordsReadByHand() throws IOException {
        Path file = SharedFiles.data("events/prophesee_evt3_gen41_sample.raw");
        Drained d;
        try (Evt3Reader reader = Evt3Reader.open(file)) {
            assertThat(reader.headerLines()).contains("% evt 3.0", "% plugin_name hal_plugin_gen41_evk3");
            d = Drained.of(reader);
            assertThat(reader.stats().skippedEvents()).isZero();
            assertThat(reader.stats().clampedTimestamps()).isZero();
            assertThat(reader.stats().truncatedTailBytes()).isZero();
        }
        assertThat(d.n).isEqualTo(219_596);
        assertThat(d.width).isEqualTo(1280);
        assertThat(d.height).isEqualTo(720);
        assertThat(d.maxX()).isEqualTo(1279);
        assertThat(d.maxY()).isEqualTo(719);
        assertThat(d.t[0]).isEqualTo(11_718_656);
        assertThat(d.t[d.n - 1]).isEqualTo(11_727_457);
        assertThat(d.timestampsNonDecreasing()).isTrue();
        d.assertSameEvents(decodeByHand(file));
    }

    private static int word(int type, int payload) {
        return type << 12 | payload;
    }

    @Test
    void vectorsExpandFromTheirBaseAndTimeHighWraps() throws IOException {
        Path file = new ByteFileBuilder().line("% format EVT3;height=64;width=64")
                .le16(word(0x8, 0xfff)).le16(word(0x6, 0x010)).le16(word(0x0, 7))
                .le16(word(0x3, 1 << 11 | 4))
                .le16(word(0x4, 0b1000_0000_0101))
                .le16(word(0x5, 0b0000_0001))
                .le16(word(0x2, 63))
                .le16(word(0xA, 0))
                .le16(word(0x8, 0x000)).le16(word(0x6, 0x001)).le16(word(0x2, 1 << 11 | 0))
                .writeTo(temp.resolve("vectors.raw"));
        try (Evt3Reader reader = Evt3Reader.open(file)) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(6);
            assertThat(d.x).startsWith((short) 4, (short) 6, (short) 15, (short) 16, (short) 63, (short) 0);
            assertThat(d.p).startsWith((byte) 1, (byte) 1, (byte) 1, (byte) 1, (byte) 0, (byte) 1);
            assertThat(d.y).startsWith((short) 7, (short) 7, (short) 7, (short) 7, (short) 7, (short) 7);
            long before = 0xfffL << 12 | 0x010;
            assertThat(d.t[0]).isEqualTo(before);
            assertThat(d.t[5]).isEqualTo((1L << 24) + 1);
            assertThat(reader.stats().otherWords()).isEqualTo(1);
        }
    }

    @Test
    void eventsWithoutTimeBaseOrAddressAreSkippedAndCutWordsCounted() throws IOException {
        Path file = new ByteFileBuilder().line("% evt 3.0").line("% geometry 32x32")
                .le16(word(0x0, 1)).le16(word(0x2, 1))
                .le16(word(0x8, 1)).le16(word(0x5, 0xff))
                .le16(word(0x2, 2))
                .u8(0x42)
                .writeTo(temp.resolve("early.raw"));
        try (Evt3Reader reader = Evt3Reader.open(file)) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(1);
            assertThat(d.t[0]).isEqualTo(4096);
            assertThat(reader.stats().skippedEvents()).isEqualTo(9);
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(1);
        }
    }

    @Test
    void wrongEncodingAndVectorsOutsideTheSensorFail() throws IOException {
        Path evt2 = new ByteFileBuilder().line("% evt 2.0").line("% geometry 32x32").writeTo(temp.resolve("e2.raw"));
        assertThatThrownBy(() -> Evt3Reader.open(evt2)).isInstanceOf(IngestException.class)
                .hasMessageContaining("encoding 2.0");
        ByteFileBuilder b = new ByteFileBuilder().line("% geometry 32x32");
        int body = b.size();
        Path wide = b.le16(word(0x8, 1)).le16(word(0x0, 3)).le16(word(0x3, 28)).le16(word(0x5, 0b1_0001))
                .writeTo(temp.resolve("wide.raw"));
        try (Evt3Reader reader = Evt3Reader.open(wide)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte " + (body + 6)).hasMessageContaining("(32, 3)");
        }
    }
}
