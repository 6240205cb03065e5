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

class DatReaderTest {
    /** N-CARS samples are crops of 120×100 pixels; the file does not say so. */
    private static final EventReaderOptions NCARS = EventReaderOptions.defaults().withGeometry(120, 100);

    @TempDir
    Path temp;

    private static Drained decodeByHand(Path file) throws IOException {
        ByteBuffer body = PropheseeFiles.body(file);
        assertThat(body.get()).isEqualTo((byte) 0);
        assertThat(body.get()).isEqualTo((byte) 8);
        Drained d = new Drained();
        while (body.remaining() >= 8) {
            long t = body.getInt() & 0xffffffffL;
            long data = body.getInt() & 0xffffffffL;
            d.add(t, (int) (data % 16384), (int) (data / 16384 % 16384), (int) (data / (1L << 28)));
        }
        return d;
    }

    @Test
    void ncarsSampleDecodesLikeTheRecordsReadByHand() throws IOException {
        Path file = SharedFiles.data("events/tonic_sample_ncars.dat");
        Drained d;
        try (DatReader reader = DatReader.open(file, NCARS.withMaxEventsPerBatch(500))) {
            assertThat(reader.headerLines()).contains("% Version 2");
            d = Drained.of(reader);
            assertThat(reader.stats().truncatedTailBytes()).isZero();
        }
        // 16,165 bytes: a 91-byte header, 2 bytes of type and size, 2,009 events of 8 bytes.
        assertThat(d.n).isEqualTo(2009);
        assertThat(d.batches).isEqualTo(5);
        assertThat(new long[] {d.t[0], d.x[0], d.y[0], d.p[0]}).containsExactly(0, 25, 8, 0);
        assertThat(d.t[d.n - 1]).isEqualTo(99_952);
        assertThat(d.maxX()).isLessThan(120);
        assertThat(d.maxY()).isLessThan(100);
        assertThat(d.timestampsNonDecreasing()).isTrue();
        d.assertSameEvents(decodeByHand(file));
    }

    @Test
    void geometryIsNeededWhenTheHeaderHasNone() {
        assertThatThrownBy(() -> DatReader.open(SharedFiles.data("events/tonic_sample_ncars.dat")))
                .isInstanceOf(IngestException.class).hasMessageContaining("no usable sensor geometry");
    }

    private static ByteFileBuilder header() {
        return new ByteFileBuilder().line("% Data file containing CD events").line("% Version 2").line("% Width 640")
                .line("% Height 480");
    }

    private static int data(int x, int y, int polarity) {
        return polarity << 28 | y << 14 | x;
    }

    @Test
    void headerGeometryTimestampWrapAndTruncatedTail() throws IOException {
        Path file = header().u8(12).u8(8)
                .le32(0xfffffff0).le32(data(639, 479, 1))
                .le32(5).le32(data(0, 0, 0))
                .le32(6).le32(data(1, 1, 1))
                .writeTruncatedTo(temp.resolve("wrap.dat"), 2);
        try (DatReader reader = DatReader.open(file)) {
            Drained d = Drained.of(reader);
            assertThat(d.width).isEqualTo(640);
            assertThat(d.height).isEqualTo(480);
            assertThat(d.n).isEqualTo(2);
            assertThat(d.t[0]).isEqualTo(0xfffffff0L);
            assertThat(d.t[1]).isEqualTo((1L << 32) + 5);
            assertThat(new int[] {d.x[0], d.y[0], d.p[0]}).containsExactly(639, 479, 1);
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(6);
        }
    }

    @Test
    void triggerFilesHoldNoContrastEvents() throws IOException {
        Path file = header().u8(14).u8(8).le32(1).le32(1).le32(2).le32(0).writeTo(temp.resolve("trig.dat"));
        try (DatReader reader = DatReader.open(file)) {
            assertThat(reader.read()).isNull();
            assertThat(reader.stats().otherWords()).isEqualTo(2);
        }
    }

    @Test
    void badTypeSizePolarityAndCoordinatesAreLocated() throws IOException {
        ByteFileBuilder h = header();
        int typeAt = h.size();
        Path type = h.u8(3).u8(8).writeTo(temp.resolve("type.dat"));
        assertThatThrownBy(() -> DatReader.open(type)).isInstanceOf(IngestException.class)
                .hasMessageContaining("at byte " + typeAt).hasMessageContaining("event type 3");
        Path size = header().u8(12).u8(16).writeTo(temp.resolve("size.dat"));
        assertThatThrownBy(() -> DatReader.open(size)).isInstanceOf(IngestException.class)
                .hasMessageContaining("at byte " + (typeAt + 1)).hasMessageContaining("size is 16");
        Path polarity = header().u8(12).u8(8).le32(1).le32(data(1, 1, 1)).le32(2).le32(data(1, 1, 3))
                .writeTo(temp.resolve("pol.dat"));
        try (DatReader reader = DatReader.open(polarity)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte " + (typeAt + 10)).hasMessageContaining("polarity 3");
        }
        Path wide = header().u8(12).u8(8).le32(1).le32(data(1, 480, 1)).writeTo(temp.resolve("wide.dat"));
        try (DatReader reader = DatReader.open(wide)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte " + (typeAt + 2)).hasMessageContaining("(1, 480)");
        }
        Path notDat = new ByteFileBuilder().ascii("#!AER-DAT2.0\n").writeTo(temp.resolve("aedat.dat"));
        assertThatThrownBy(() -> DatReader.open(notDat)).isInstanceOf(IngestException.class)
                .hasMessageContaining("at byte 0").hasMessageContaining("Prophesee DAT header");
    }
}
