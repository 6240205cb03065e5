package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEventReaderTest {
    private static final EventReaderOptions VGA = EventReaderOptions.defaults().withGeometry(640, 480);

    @TempDir
    Path temp;

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    @Test
    void readsHeaderCommentsBlankLinesAndCrLf() throws IOException {
        Path file = write("events.csv",
                "# camera 1\r\nt,x,y,p\r\n10,0,0,1\r\n# pause\r\n\r\n20, 639 ,479,0\r\n30,5,6,-1\r\n");
        try (CsvEventReader reader = CsvEventReader.open(file, VGA.withMaxEventsPerBatch(2))) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(3);
            assertThat(d.batches).isEqualTo(2);
            assertThat(d.t).startsWith(10, 20, 30);
            assertThat(d.x).startsWith((short) 0, (short) 639, (short) 5);
            assertThat(d.y).startsWith((short) 0, (short) 479, (short) 6);
            assertThat(d.p).startsWith((byte) 1, (byte) 0, (byte) 0);
        }
    }

    @Test
    void columnOrderIsConfigurableAndHeaderIsOptional() throws IOException {
        Path file = write("xypt.csv", "3,4,1,100,extra\n5,6,0,200,extra");
        try (CsvEventReader reader = CsvEventReader.open(file, VGA, new CsvColumns(3, 0, 1, 2))) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(2);
            assertThat(new long[] {d.t[1], d.x[1], d.y[1], d.p[1]}).containsExactly(200, 5, 6, 0);
        }
    }

    @Test
    void manyLinesAcrossBufferRefillsKeepEveryEvent() throws IOException {
        StringBuilder text = new StringBuilder("t,x,y,p\n");
        int lines = 30_000;
        for (int i = 0; i < lines; i++) {
            text.append(i * 7L).append(',').append(i % 640).append(',').append(i % 480).append(',').append(i % 2)
                    .append('\n');
        }
        try (CsvEventReader reader = CsvEventReader.open(write("long.csv", text.toString()), VGA)) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(lines);
            for (int i = 0; i < lines; i++) {
                assertThat(d.t[i]).isEqualTo(i * 7L);
                assertThat((int) d.x[i]).isEqualTo(i % 640);
            }
        }
    }

    @Test
    void finalLineCutShortIsCountedNotFailed() throws IOException {
        Path file = write("cut.csv", "1,2,3,1\n2,3,");
        try (CsvEventReader reader = CsvEventReader.open(file, VGA)) {
            assertThat(Drained.of(reader).n).isEqualTo(1);
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(4);
        }
    }

    @Test
    void malformedLineNamesItsOffset() throws IOException {
        Path file = write("bad.csv", "1,2,3,1\n2,x3,4,1\n");
        try (CsvEventReader reader = CsvEventReader.open(file, VGA)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte 8").hasMessageContaining("x (column 1) is not an integer");
        }
        Path polarity = write("pol.csv", "1,2,3,2\n");
        try (CsvEventReader reader = CsvEventReader.open(polarity, VGA)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte 0").hasMessageContaining("polarity must be 1, 0 or -1");
        }
    }

    @Test
    void coordinateOutsideTheGeometryFails() throws IOException {
        Path file = write("wide.csv", "1,2,3,1\n2,640,4,1\n");
        try (CsvEventReader reader = CsvEventReader.open(file, VGA)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte 8").hasMessageContaining("outside the 640x480 sensor");
        }
    }

    @Test
    void geometryMustBeGiven() throws IOException {
        Path file = write("any.csv", "1,2,3,1\n");
        assertThatThrownBy(() -> CsvEventReader.open(file, EventReaderOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give width and height");
    }
}
