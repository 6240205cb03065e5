package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Aedat2ReaderTest {
    @TempDir
    Path temp;

    private static ByteFileBuilder header() {
        return new ByteFileBuilder().ascii("#!AER-DAT2.0\r\n").ascii("# This is a raw AE data file\r\n")
                .ascii("# Timestamps tick is 1 us\r\n");
    }

    /** jAER's DVS128 address: y * 256 + (127 - x) * 2 + (ON ? 0 : 1). */
    private static int dvs128(int x, int y, boolean on) {
        return y * 256 + (127 - x) * 2 + (on ? 0 : 1);
    }

    /** jAER's DAVIS address: y << 22 | (345 - x) << 12 | polarity << 11. */
    private static int davis346(int x, int y, boolean on) {
        return y << 22 | (345 - x) << 12 | (on ? 1 << 11 : 0);
    }

    @Test
    void dvs128AddressesGiveJaerCoordinatesAndPolarity() throws IOException {
        Path file = header()
                .be32(dvs128(0, 0, true)).be32(100)
                .be32(dvs128(127, 127, false)).be32(200)
                .be32(dvs128(5, 90, true)).be32(300)
                .writeTo(temp.resolve("dvs128.aedat"));
        try (Aedat2Reader reader = Aedat2Reader.open(file, DvsSensor.DVS128)) {
            assertThat(reader.headerLines()).hasSize(3);
            Drained d = Drained.of(reader);
            assertThat(d.width).isEqualTo(128);
            assertThat(d.height).isEqualTo(128);
            assertThat(d.n).isEqualTo(3);
            assertThat(d.t).startsWith(100, 200, 300);
            assertThat(d.x).startsWith((short) 0, (short) 127, (short) 5);
            assertThat(d.y).startsWith((short) 0, (short) 127, (short) 90);
            assertThat(d.p).startsWith((byte) 1, (byte) 0, (byte) 1);
        }
    }

    @Test
    void davis346SkipsApsImuAndExternalAddressesAndHandlesTimestampWrap() throws IOException {
        Path file = header()
                .be32(davis346(345, 259, true)).be32(0xfffffff0)
                .be32(0x8000_0000 | 12 << 22).be32(0xfffffff1)
                .be32(1 << 10).be32(0xfffffff2)
                .be32(davis346(0, 1, false)).be32(3)
                .writeTo(temp.resolve("davis.aedat"));
        try (Aedat2Reader reader = Aedat2Reader.open(file, DvsSensor.DAVIS346)) {
            Drained d = Drained.of(reader);
            assertThat(d.width).isEqualTo(346);
            assertThat(d.height).isEqualTo(260);
            assertThat(d.n).isEqualTo(2);
            assertThat(d.t).startsWith(0xfffffff0L, (1L << 32) + 3);
            assertThat(d.x).startsWith((short) 345, (short) 0);
            assertThat(d.y).startsWith((short) 259, (short) 1);
            assertThat(d.p).startsWith((byte) 1, (byte) 0);
            assertThat(reader.stats().skippedEvents()).isEqualTo(2);
        }
    }

    @Test
    void truncatedEventEndsCleanlyAndBadInputIsLocated() throws IOException {
        Path cut = header().be32(dvs128(1, 1, true)).be32(1).be32(dvs128(2, 2, true)).be32(2)
                .writeTruncatedTo(temp.resolve("cut.aedat"), 3);
        try (Aedat2Reader reader = Aedat2Reader.open(cut, DvsSensor.DVS128)) {
            assertThat(Drained.of(reader).n).isEqualTo(1);
            assertThat(reader.stats().truncatedTailBytes()).isEqualTo(5);
        }
        Path version3 = new ByteFileBuilder().ascii("#!AER-DAT3.1\r\n").writeTo(temp.resolve("v3.aedat"));
        assertThatThrownBy(() -> Aedat2Reader.open(version3, DvsSensor.DVS128)).isInstanceOf(IngestException.class)
                .hasMessageContaining("at byte 0").hasMessageContaining("AEDAT 2.0 signature");
        ByteFileBuilder h = header();
        int body = h.size();
        // A DAVIS346 x field of 400 lies beyond the 346 columns: x = 345 - 400 < 0.
        Path wide = h.be32(davis346(1, 1, true)).be32(1).be32(400 << 12).be32(2).writeTo(temp.resolve("wide.aedat"));
        try (Aedat2Reader reader = Aedat2Reader.open(wide, DvsSensor.DAVIS346)) {
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("at byte " + (body + 8)).hasMessageContaining("(-55, 0)");
        }
    }
}
