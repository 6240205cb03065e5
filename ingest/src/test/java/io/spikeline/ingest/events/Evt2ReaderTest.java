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

class Evt2ReaderTest {
    @TempDir
    Path temp;

    /** The EVT 2.0 words decoded by hand, from the whole file at once. */
    private static Drained decodeByHand(Path file) throws IOException {
        ByteBuffer body = PropheseeFiles.body(file);
        Drained d = new Drained();
        long high = -1;
        while (body.remaining() >= 4) {
            long word = body.getInt() & 0xffffffffL;
            int type = (int) (word >> 28);
            if (type == 8) {
                high = word & 0xfffffff;
            } else if ((type == 0 || type == 1) && high >= 0) {
                d.add(high * 64 + (word >> 22) % 64, (int) (word >> 11) % 2048, (int) word % 2048, type);
            }
        }
        return d;
    }

    @Test
    void gen3SampleDecodesLikeTheWordsReadByHand() throws IOException {
        Path file = SharedFiles.data("events/prophesee_evt2_gen3_sample.raw");
        Drained d;
        try (Evt2Reader reader = Evt2Reader.open(file)) {
            assertThat(reader.headerLines()).contains("% evt 2.0", "% plugin_name hal_plugin_gen3_fx3");
            d = Drained.of(reader);
            assertThat(reader.stats().truncatedTailBytes()).isZero();
            assertThat(reader.stats().clampedTimestamps()).isZero();
            assertThat(reader.stats().skippedEvents()).isZero();
            assertThat(reader.stats().otherWords()).isEqualTo(3126);
        }
        // Geometry from the Gen3 plugin name: the header has no geometry line.
        assertThat(d.width).isEqualTo(640);
        assertThat(d.height).isEqualTo(480);
        assertThat(d.n).isEqualTo(539_481);
        assertThat(d.batches).isEqualTo((539_481 + 8191) / 8192);
        assertThat(new long[] {d.t[0], d.x[0], d.y[0], d.p[0]}).containsExactly(1_317_888, 237, 121, 1);
        assertThat(d.t[d.n - 1]).isEqualTo(1_367_888);
        assertThat(d.maxX()).isLessThan(640);
        assertThat(d.maxY()).isLessThan(480);
        assertThat(d.timestampsNonDecreasing()).isTrue();
        d.assertSameEvents(decodeByHand(file));
    }

    private static int cd(int polarity, int lsb, int x, int y) {
        return polarity << 28 | lsb << 22 | x << 11 | y;
    }

    private static int timeHigh(int high) {
        return 0x8 << 28 | high;
    }

    @Test
    void timeBaseWrapsAndEventsBeforeItAreSkipped() throws IOException {
        Path file = new ByteFileBuilder().line("% evt 2.0").line("% geometry 320x240")
                .le32(cd(1, 1, 5, 5))
                .le32(timeHigh(0x0ffffffe)).le32(cd(1, 63, 319, 239))
                .le32(0xA << 28 | 1)
                .le32(timeHigh(1)).le32(cd(0, 2, 0, 0))
                .writeTo(temp.resolve("wrap.raw"));
        try (Evt2Reader reader = Evt2Reader.open(file)) {
            Drained d = Drained.of(reader);
            assertThat(d.width).isEqualTo(320);
            assertThat(d.n).isEqualTo(2);
            assertThat(d.t[0]).isEqualTo(0x0ffffffeL * 64 + 63);
            assertThat(d.t[1]).isEqualTo((1L << 34) + 64 + 2);
            assertThat(d.p).startsWith((byte) 1, (byte) 0);
            assertThat(reader.stats().skippedEvents()).isEqualTo(1);
            assertThat(reader.stats().otherWords()).isEqualTo(3);
        }
    }

    @Test
    void truncatedFinalWordEndsCleanly() throws IOException {
        Path file = new ByteFileBuilder().line("% format EVT2;height=480;width=640")
                .le32(timeHigh(5)).le32(cd(1, 0, 1, 1)).le32(cd(1, 0, 2, 2))
                .writeTruncatedTo(temp.resolve("cut.raw"), 1);
        try (Evt2Reader reader = Evt2Reader.open(file)) {
            assertThat(Drained.of(reader).n).isEqualTo(1);
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(3);
        }
    }

    @Test
    void badHeadersAndCoordinatesAreLocated() throws IOException {
        Path noHeader = new ByteFileBuilder().le32(timeHigh(5)).writeTo(temp.resolve("bare.raw"));
        assertThatThrownBy(() -> Evt2Reader.open(noHeader)).isInstanceOf(IngestException.class)
                .hasMessageContaining("at byte 0").hasMessageContaining("header of '%' lines");
        Path evt3 = new ByteFileBuilder().line("% evt 3.0").writeTo(temp.resolve("evt3.raw"));
        assertThatThrownBy(() -> Evt2Reader.open(evt3)).isInstanceOf(IngestException.class)
                .hasMessageContaining("encoding 3.0");
        Path noGeometry = new ByteFileBuilder().line("% evt 2.0").writeTo(temp.resolve("nogeo.raw"));
        assertThatThrownBy(() -> Evt2Reader.open(noGeometry)).isInstanceOf(IngestException.class)
                .hasMessageContaining("no usable sensor geometry");
        try (Evt2Reader reader = Evt2Reader.open(noGeometry, EventReaderOptions.defaults().withGeometry(16, 16))) {
            assertThat(reader.read()).isNull();
        }
        ByteFileBuilder wide = new ByteFileBuilder().line("% geometry 640x480");
        int bodyStart = wide.size();
        Path outside = wide.le32(timeHigh(5)).le32(cd(1, 0, 10, 10)).le32(cd(1, 0, 640, 10))
                .writeTo(temp.resolve("wide.raw"));
        try (Evt2Reader reader = Evt2Reader.open(outside)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte " + (bodyStart + 8)).hasMessageContaining("(640, 10)");
        }
    }
}
