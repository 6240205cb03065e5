package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmnistReaderTest {
    @TempDir
    Path temp;

    /** The format read by hand from the whole file: 5 bytes, x, y, polarity bit, 23-bit time. */
    static Drained decodeByHand(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Drained d = new Drained();
        for (int at = 0; at + 5 <= b.length; at += 5) {
            int time = (b[at + 2] & 0x7f) * 65536 + (b[at + 3] & 0xff) * 256 + (b[at + 4] & 0xff);
            d.add(time, b[at] & 0xff, b[at + 1] & 0xff, (b[at + 2] & 0x80) != 0 ? 1 : 0);
        }
        return d;
    }

    @Test
    void tonicSampleHasItsKnownEventsGeometryAndDuration() throws IOException {
        Path file = SharedFiles.data("events/tonic_sample_nmnist.bin");
        Drained d;
        try (NmnistReader reader = NmnistReader.open(file, EventReaderOptions.defaults().withMaxEventsPerBatch(1000))) {
            assertThat(reader.sourceKey()).isEqualTo("tonic_sample_nmnist");
            d = Drained.of(reader);
            assertThat(reader.stats().truncatedTailBytes()).isZero();
        }
        assertThat(d.n).isEqualTo(4325);
        assertThat(d.batches).isEqualTo(5);
        assertThat(d.largestBatch).isEqualTo(1000);
        assertThat(d.width).isEqualTo(34);
        assertThat(d.height).isEqualTo(34);
        assertThat(d.maxX()).isEqualTo(33);
        assertThat(d.maxY()).isEqualTo(33);
        // First record 07 0F 80 02 8E: x 7, y 15, ON, t = 0x00028E; last ends 84 BF 87: t = 0x04BF87.
        assertThat(new long[] {d.t[0], d.x[0], d.y[0], d.p[0]}).containsExactly(654, 7, 15, 1);
        assertThat(d.t[d.n - 1]).isEqualTo(0x04BF87);
        assertThat((d.t[d.n - 1] - d.t[0]) / 1000).isEqualTo(310);
        assertThat(d.timestampsNonDecreasing()).isTrue();
        d.assertSameEvents(decodeByHand(file));
    }

    @Test
    void twoHundredTrainingSamplesHold813393EventsInside34x34() throws IOException {
        List<String> labels = Files.readAllLines(SharedFiles.data("events/nmnist_small_train200/labels.csv"));
        assertThat(labels).hasSize(201);
        long total = 0;
        for (String row : labels.subList(1, labels.size())) {
            Path file = SharedFiles.data("events/nmnist_small_train200/" + row.split(",")[0]);
            try (NmnistReader reader = NmnistReader.open(file)) {
                Drained d = Drained.of(reader);
                assertThat(d.n).as(row).isEqualTo(Files.size(file) / 5);
                assertThat(d.maxX()).isLessThan(34);
                assertThat(d.maxY()).isLessThan(34);
                assertThat(d.timestampsNonDecreasing()).isTrue();
                // Three saccades of about 100 ms each.
                assertThat(d.t[d.n - 1] - d.t[0]).as(row).isBetween(250_000L, 320_000L);
                total += d.n;
            }
        }
        assertThat(total).isEqualTo(813_393);
    }

    @Test
    void timeSpanCutsBatchesWithoutChangingTheEvents() throws IOException {
        Path file = SharedFiles.data("events/nmnist_small_train200/1.bs2");
        EventReaderOptions byTime = EventReaderOptions.defaults().withMaxBatchSpanUs(10_000)
                .withMaxEventsPerBatch(Integer.MAX_VALUE);
        Drained d = new Drained();
        try (NmnistReader reader = NmnistReader.open(file, byTime)) {
            long previousStart = -10_000;
            for (EventBatch b; (b = reader.read()) != null; ) {
                long[] t = b.timestampsUs();
                assertThat(t[t.length - 1] - t[0]).isLessThan(10_000);
                assertThat(t[0]).isGreaterThanOrEqualTo(previousStart + 10_000);
                previousStart = t[0];
                for (int i = 0; i < b.size(); i++) {
                    d.add(t[i], b.x()[i], b.y()[i], b.polarity()[i]);
                }
            }
        }
        d.assertSameEvents(decodeByHand(file));
    }

    @Test
    void overflowMarkerAdvancesLaterTimestamps() throws IOException {
        Path file = temp.resolve("overflow.bin");
        Files.write(file, concat(event(1, 2, 1, 100), event(0, 240, 0, 0), event(3, 4, 0, 50)));
        try (NmnistReader reader = NmnistReader.open(file)) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(2);
            assertThat(d.t[1]).isEqualTo(50 + 8192);
            assertThat(reader.stats().otherWords()).isEqualTo(1);
        }
    }

    @Test
    void earlierTimestampTakesItsPredecessorsTimeAndIsCounted() throws IOException {
        Path file = temp.resolve("unordered.bin");
        Files.write(file, concat(event(1, 2, 1, 100), event(3, 4, 0, 90), event(5, 6, 0, 120)));
        try (NmnistReader reader = NmnistReader.open(file)) {
            Drained d = Drained.of(reader);
            assertThat(d.t).startsWith(100, 100, 120);
            assertThat(reader.stats().clampedTimestamps()).isEqualTo(1);
        }
    }

    @Test
    void truncatedFinalEventEndsTheFileAndIsCounted() throws IOException {
        Path file = temp.resolve("cut.bin");
        byte[] whole = concat(event(1, 2, 1, 100), event(3, 4, 0, 200));
        Files.write(file, Arrays.copyOf(whole, 8));
        try (NmnistReader reader = NmnistReader.open(file)) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(1);
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(3);
        }
    }

    @Test
    void coordinateOutsideTheSensorNamesItsOffsetAndEndsTheReader() throws IOException {
        Path file = temp.resolve("wide.bin");
        Files.write(file, concat(event(1, 2, 1, 100), event(34, 4, 0, 200), event(3, 4, 0, 300)));
        try (NmnistReader reader = NmnistReader.open(file)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte 5").hasMessageContaining("(34, 4)")
                    .hasMessageContaining("34x34");
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class);
        }
    }

    static byte[] event(int x, int y, int polarity, int timeUs) {
        return new byte[] {(byte) x, (byte) y, (byte) (polarity << 7 | timeUs >>> 16), (byte) (timeUs >>> 8),
            (byte) timeUs};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
