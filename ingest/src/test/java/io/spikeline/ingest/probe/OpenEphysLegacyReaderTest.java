package io.spikeline.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenEphysLegacyReaderTest {
    private static final Path DIR = SharedFiles.data("probe/openephys_legacy_16ch_40kHz");
    private static final int RECORD_BYTES = 2070;
    private static final int RECORDS = 130;

    @TempDir
    Path temp;

    @Test
    void readsTheHeadersOfTheSixteenChannelExample() throws IOException {
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(DIR, ProbeOptions.defaults())) {
            assertThat(reader.headers()).hasSize(16);
            for (int c = 0; c < 16; c++) {
                OpenEphysHeader h = reader.headers().get(c);
                assertThat(h.channel()).isEqualTo("CH" + (c + 1));
                assertThat(reader.files().get(c).getFileName().toString())
                        .isEqualTo("100_example-data_CH" + (c + 1) + ".continuous");
                assertThat(h.sampleRateHz()).isEqualTo(40_000.0);
                assertThat(h.bitVolts()).isEqualTo(0.05);
                assertThat(h.blockLength()).isEqualTo(1024);
                assertThat(h.fields()).containsEntry("channelType", "Continuous").containsEntry("version", "0.6");
            }
            assertThat(reader.sampleRateHz()).isEqualTo(40_000.0);
            assertThat(reader.sourceKey()).isEqualTo("100_example-data");
        }
    }

    @Test
    void streamsAboutThreePointThreeSecondsWithoutGapsFromTheFirstTimestamp() throws IOException {
        byte[] ch1 = Files.readAllBytes(DIR.resolve("100_example-data_CH1.continuous"));
        assertThat(ch1.length).isEqualTo(1024 + RECORDS * RECORD_BYTES);
        long firstTimestamp = ByteBuffer.wrap(ch1, 1024, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(DIR, ProbeOptions.defaults()
                .withSamplesPerFrame(400))) {
            List<SampleFrame> frames = readAll(reader);
            long samples = frames.stream().mapToLong(SampleFrame::sampleCount).sum();
            assertThat(samples).isEqualTo(RECORDS * 1024L);
            assertThat(samples / 40_000.0).isCloseTo(3.3, within(0.05));
            assertThat(frames.get(0).firstSampleTimeUs()).isEqualTo(Math.round(firstTimestamp * 1e6 / 40_000));
            for (int i = 1; i < frames.size(); i++) {
                assertThat(frames.get(i).sequence()).isEqualTo(i);
                assertThat(frames.get(i).firstSampleTimeUs()).isEqualTo(frames.get(i - 1).endTimeUs());
                assertThat(frames.get(i).channelCount()).isEqualTo(16);
            }
            assertThat(frames.get(0).sampleCount()).isEqualTo(400);
            assertThat(frames.get(frames.size() - 1).sampleCount()).isEqualTo(RECORDS * 1024 % 400);
            assertThat(reader.pollGaps()).isEmpty();
            assertThat(reader.truncatedTailBytes()).isZero();
            assertThat(reader.recordsRead()).isEqualTo(RECORDS);
        }
    }

    @Test
    void firstAndMiddleRecordsEqualAnIndependentBigEndianDecodeOfEveryChannel() throws IOException {
        ByteBuffer[] files = new ByteBuffer[16];
        for (int c = 0; c < 16; c++) {
            files[c] = ByteBuffer.wrap(Files.readAllBytes(DIR.resolve("100_example-data_CH" + (c + 1)
                    + ".continuous"))).order(ByteOrder.BIG_ENDIAN);
        }
        // Frames of 1000 samples straddle the 1024-sample records, so the check also covers the re-blocking.
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(DIR, ProbeOptions.defaults()
                .withSamplesPerFrame(1000))) {
            List<SampleFrame> frames = readAll(reader);
            int[] recordsToCheck = {0, 1, RECORDS / 2, RECORDS - 1};
            for (int r : recordsToCheck) {
                for (int s = 0; s < 1024; s++) {
                    long global = r * 1024L + s;
                    SampleFrame f = frames.get((int) (global / 1000));
                    for (int c = 0; c < 16; c++) {
                        short digital = files[c].getShort(1024 + r * RECORD_BYTES + 12 + 2 * s);
                        assertThat((double) f.sample((int) (global % 1000), c)).isCloseTo(digital * 0.05, within(1e-4));
                    }
                }
            }
            // Values of the first record of CH1 as printed by a hex dump: -55 -43 -53 -64 -80 (digital).
            assertThat(frames.get(0).sample(0, 0)).isCloseTo(-2.75f, within(1e-5f));
            assertThat(frames.get(0).sample(4, 0)).isCloseTo(-4.0f, within(1e-5f));
        }
    }

    @Test
    void channelsComeInTheOrderGiven() throws IOException {
        List<Path> files = List.of(DIR.resolve("100_example-data_CH3.continuous"),
                DIR.resolve("100_example-data_CH1.continuous"));
        ByteBuffer ch3 = ByteBuffer.wrap(Files.readAllBytes(files.get(0)));
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(files, ProbeOptions.defaults()
                .withSourceKey("probe-a"))) {
            SampleFrame f = reader.read();
            assertThat(f.sourceKey()).isEqualTo("probe-a");
            assertThat(f.channelCount()).isEqualTo(2);
            assertThat((double) f.sample(7, 0)).isCloseTo(ch3.getShort(1024 + 12 + 14) * 0.05, within(1e-4));
            assertThat(reader.headers().get(1).channel()).isEqualTo("CH1");
        }
    }

    @Test
    void aCorruptRecordMarkerFailsAtItsOffsetAfterTheRecordsBeforeIt() throws IOException {
        Path dir = copyOfExample();
        Path ch5 = dir.resolve("100_example-data_CH5.continuous");
        long markerByte3 = 1024 + 7L * RECORD_BYTES + 12 + 2048 + 3;
        try (RandomAccessFile f = new RandomAccessFile(ch5.toFile(), "rw")) {
            f.seek(markerByte3);
            f.write(0x42);
        }
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(dir, ProbeOptions.defaults()
                .withSamplesPerFrame(1000))) {
            for (int f = 0; f < 7; f++) {
                assertThat(reader.read().sampleCount()).isEqualTo(1000);
            }
            // Records 0..6 hold 7 168 samples: the last 168 leave as a short frame before the error.
            assertThat(reader.read().sampleCount()).isEqualTo(168);
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(IngestException.class, e -> {
                assertThat(e.source()).isEqualTo(ch5.toString());
                assertThat(e.offset()).isEqualTo(markerByte3);
                assertThat(e.getMessage()).contains("marker").contains("66");
            });
        }
    }

    @Test
    void aTruncatedLastRecordEndsTheStreamCleanlyAndIsCounted() throws IOException {
        Path dir = copyOfExample();
        for (Path p : OpenEphysLegacyReader.channelFiles(dir)) {
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(f.length() - 700);
            }
        }
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(dir, ProbeOptions.defaults())) {
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).hasSize(RECORDS - 1);
            assertThat(reader.truncatedTailBytes()).isEqualTo(16L * (RECORD_BYTES - 700));
        }
    }

    @Test
    void aTimestampJumpStartsANewFrameAtTheRightTimeAndIsReported() throws IOException {
        long[] timestamps = {5000, 6024, 9000, 10024};
        Path a = OpenEphysFileBuilder.write(temp.resolve("x_CH1.continuous"), "CH1", 30_000, 0.195, timestamps,
                OpenEphysFileBuilder.numbered(1, 4));
        Path b = OpenEphysFileBuilder.write(temp.resolve("x_CH2.continuous"), "CH2", 30_000, 0.195, timestamps,
                OpenEphysFileBuilder.numbered(2, 4));
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(List.of(a, b), ProbeOptions.defaults()
                .withSamplesPerFrame(1500))) {
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(1500, 548, 1500, 548);
            assertThat(frames.get(0).firstSampleTimeUs()).isEqualTo(Math.round(5000 * 1e6 / 30_000));
            assertThat(frames.get(2).firstSampleTimeUs()).isEqualTo(300_000);
            assertThat(frames.get(3).firstSampleTimeUs()).isEqualTo(Math.round(10_500 * 1e6 / 30_000));
            // Record 2 starts the third frame: its sample 0 on CH2 is 2 * 1000 + 2 * 10 + 0.
            assertThat((double) frames.get(2).sample(0, 1)).isCloseTo(2020 * 0.195, within(1e-3));
            assertThat((double) frames.get(1).sample(547, 0)).isCloseTo((1000 + 10 + 1023 % 10) * 0.195, within(1e-3));
            List<SampleGap> gaps = reader.pollGaps();
            assertThat(gaps).containsExactly(new SampleGap(7048, 9000, Math.round(7048 * 1e6 / 30_000), 300_000));
            assertThat(gaps.get(0).missingSamples()).isEqualTo(1952);
        }
    }

    @Test
    void channelsOutOfStepOrAWrongSampleCountAreLocatedErrors() throws IOException {
        Path a = OpenEphysFileBuilder.write(temp.resolve("y_CH1.continuous"), "CH1", 30_000, 0.195,
                new long[] {0, 1024}, OpenEphysFileBuilder.numbered(1, 2));
        Path b = OpenEphysFileBuilder.write(temp.resolve("y_CH2.continuous"), "CH2", 30_000, 0.195,
                new long[] {0, 2048}, OpenEphysFileBuilder.numbered(2, 2));
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(List.of(a, b), ProbeOptions.defaults())) {
            assertThat(reader.read().firstSampleTimeUs()).isZero();
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(IngestException.class, e -> {
                assertThat(e.source()).isEqualTo(b.toString());
                assertThat(e.offset()).isEqualTo(1024 + RECORD_BYTES);
                assertThat(e.getMessage()).contains("out of step");
            });
        }
        try (RandomAccessFile f = new RandomAccessFile(a.toFile(), "rw")) {
            f.seek(1024 + 8);
            f.write(new byte[] {0, 2});
        }
        try (OpenEphysLegacyReader reader = OpenEphysLegacyReader.open(List.of(a), ProbeOptions.defaults())) {
            assertThatThrownBy(reader::read).isInstanceOfSatisfying(IngestException.class, e -> {
                assertThat(e.offset()).isEqualTo(1024 + 8);
                assertThat(e.getMessage()).contains("512 samples");
            });
        }
    }

    @Test
    void aHeaderWithoutBitVoltsNamesTheKey() throws IOException {
        byte[] header = OpenEphysFileBuilder.header("CH1", 30_000, 0.195);
        String text = new String(header, StandardCharsets.US_ASCII).replace("header.bitVolts", "header.bitVoltz");
        Path f = Files.write(temp.resolve("z_CH1.continuous"), text.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> OpenEphysLegacyReader.open(List.of(f), ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("header.bitVolts");
    }

    private Path copyOfExample() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("copy"));
        for (Path p : OpenEphysLegacyReader.channelFiles(DIR)) {
            Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    private static List<SampleFrame> readAll(OpenEphysLegacyReader reader) throws IOException {
        List<SampleFrame> out = new ArrayList<>();
        for (SampleFrame f = reader.read(); f != null; f = reader.read()) {
            out.add(f);
        }
        return out;
    }
}
