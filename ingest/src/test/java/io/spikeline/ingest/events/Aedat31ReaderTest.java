package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Aedat31ReaderTest {
    @TempDir
    Path temp;

    private static ByteFileBuilder header(String source) {
        return new ByteFileBuilder().ascii("#!AER-DAT3.1\r\n").ascii("#Format: RAW\r\n")
                .ascii("#Source 1: " + source + "\r\n").ascii("#Start-Time: 2017-08-24 10:00:00 (TZ+0000)\r\n")
                .ascii("#!END-HEADER\r\n");
    }

    /** A packet header: type, source 1, event size, timestamp offset 4, overflow, capacity, number, valid. */
    private static ByteFileBuilder packet(ByteFileBuilder f, int type, int eventSize, int overflow, int capacity,
                                          int number) {
        return f.le16(type).le16(1).le32(eventSize).le32(4).le32(overflow).le32(capacity).le32(number).le32(number);
    }

    /** libcaer's polarity event data: x << 17 | y << 2 | polarity << 1 | valid. */
    private static int polarity(int x, int y, int polarity, boolean valid) {
        return x << 17 | y << 2 | polarity << 1 | (valid ? 1 : 0);
    }

    @Test
    void polarityPacketsWithOverflowInvalidEventsAndOtherPacketsSkipped() throws IOException {
        ByteFileBuilder f = header("DVS128");
        packet(f, 1, 8, 0, 3, 3)
                .le32(polarity(0, 0, 1, true)).le32(10)
                .le32(polarity(5, 5, 1, false)).le32(11)
                .le32(polarity(127, 127, 0, true)).le32(0x7fffffff);
        packet(f, 2, 12, 0, 1, 1).le32(0).le32(0).le32(0);
        packet(f, 1, 8, 1, 2, 1)
                .le32(polarity(3, 4, 1, true)).le32(7)
                .le32(0).le32(0);
        try (Aedat31Reader reader = Aedat31Reader.open(f.writeTo(temp.resolve("gesture.aedat")))) {
            assertThat(reader.headerLines()).contains("#Source 1: DVS128");
            Drained d = Drained.of(reader);
            assertThat(d.width).isEqualTo(128);
            assertThat(d.height).isEqualTo(128);
            assertThat(d.n).isEqualTo(3);
            assertThat(d.t).startsWith(10, 0x7fffffffL, (1L << 31) + 7);
            assertThat(d.x).startsWith((short) 0, (short) 127, (short) 3);
            assertThat(d.y).startsWith((short) 0, (short) 127, (short) 4);
            assertThat(d.p).startsWith((byte) 1, (byte) 0, (byte) 1);
            assertThat(reader.stats().skippedEvents()).isEqualTo(1);
            assertThat(reader.stats().otherWords()).isEqualTo(1);
        }
    }

    @Test
    void unknownSensorNeedsGeometryFromTheOptions() throws IOException {
        ByteFileBuilder f = header("eDVS4337");
        packet(f, 1, 8, 0, 1, 1).le32(polarity(200, 100, 1, true)).le32(5);
        Path file = f.writeTo(temp.resolve("edvs.aedat"));
        assertThatThrownBy(() -> Aedat31Reader.open(file)).isInstanceOf(IngestException.class)
                .hasMessageContaining("no usable sensor geometry");
        try (Aedat31Reader reader = Aedat31Reader.open(file, EventReaderOptions.defaults().withGeometry(240, 180))) {
            Drained d = Drained.of(reader);
            assertThat(d.n).isEqualTo(1);
            assertThat(d.x[0]).isEqualTo((short) 200);
        }
    }

    @Test
    void truncatedPacketEndsCleanlyAndBadInputIsLocated() throws IOException {
        ByteFileBuilder f = header("DAVIS346");
        packet(f, 1, 8, 0, 1, 1).le32(polarity(1, 1, 1, true)).le32(5);
        packet(f, 1, 8, 0, 2, 2).le32(polarity(2, 2, 1, true)).le32(6).le32(polarity(3, 3, 1, true)).le32(7);
        try (Aedat31Reader reader = Aedat31Reader.open(f.writeTruncatedTo(temp.resolve("cut.aedat"), 4))) {
            assertThat(Drained.of(reader).n).isEqualTo(1);
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(28 + 12);
        }
        Path noEnd = new ByteFileBuilder().ascii("#!AER-DAT3.1\r\n").ascii("#Source 1: DVS128\r\n")
                .writeTo(temp.resolve("noend.aedat"));
        assertThatThrownBy(() -> Aedat31Reader.open(noEnd)).isInstanceOf(IngestException.class)
                .hasMessageContaining("#!END-HEADER");
        Path version2 = new ByteFileBuilder().ascii("#!AER-DAT2.0\r\n").writeTo(temp.resolve("v2.aedat"));
        assertThatThrownBy(() -> Aedat31Reader.open(version2)).isInstanceOf(IngestException.class)
                .hasMessageContaining("at byte 0").hasMessageContaining("AEDAT 3.1 signature");
        ByteFileBuilder corrupt = header("DVS128");
        int packetAt = corrupt.size();
        packet(corrupt, 1, 8, 0, 1, 5);
        try (Aedat31Reader reader = Aedat31Reader.open(corrupt.writeTo(temp.resolve("corrupt.aedat")))) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte " + packetAt).hasMessageContaining("packet header is corrupt");
        }
        ByteFileBuilder wide = header("DVS128");
        int eventsAt = wide.size() + 28;
        packet(wide, 1, 8, 0, 1, 1).le32(polarity(128, 0, 1, true)).le32(5);
        try (Aedat31Reader reader = Aedat31Reader.open(wide.writeTo(temp.resolve("wide.aedat")))) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte " + eventsAt).hasMessageContaining("(128, 0)");
        }
    }
}
