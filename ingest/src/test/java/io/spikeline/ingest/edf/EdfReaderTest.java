package io.spikeline.ingest.edf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdfReaderTest {
    private static final Path R01 = SharedFiles.data("eeg/eegmmidb_S001R01_eyes_open.edf");
    private static final Path R03 = SharedFiles.data("eeg/eegmmidb_S001R03_task1_execute_left_right_fist.edf");

    @TempDir
    Path temp;

    @Test
    void readsTheMotorImageryHeaderAsPhysioNetDescribesIt() throws IOException {
        try (EdfReader reader = EdfReader.open(R01, EdfOptions.defaults())) {
            EdfHeader h = reader.header();
            assertThat(h.variant()).isEqualTo(EdfVariant.EDF_PLUS_CONTINUOUS);
            assertThat(h.signals()).hasSize(65);
            assertThat(h.recordCount()).isEqualTo(61);
            assertThat(h.recordDurationS()).isEqualTo(1.0);
            assertThat(h.start()).isEqualTo(LocalDateTime.of(2009, 8, 12, 16, 15, 0));
            assertThat(reader.channels()).hasSize(64);
            assertThat(reader.channels().get(0).label()).isEqualTo("Fc5.");
            assertThat(reader.channels().get(8).label()).isEqualTo("C3..");
            assertThat(reader.sampleRateHz()).isEqualTo(160.0);
            EdfSignal fc5 = reader.channels().get(0);
            assertThat(fc5.physicalMin()).isEqualTo(-8092);
            assertThat(fc5.physicalMax()).isEqualTo(8092);
            assertThat(fc5.digitalMin()).isEqualTo(-8092);
            assertThat(fc5.scale()).isEqualTo(1.0);
            assertThat(fc5.physicalDimension()).isEqualTo("uV");
            assertThat(h.signals().get(64).isAnnotation()).isTrue();
            assertThat(reader.sourceKey()).isEqualTo("eegmmidb_S001R01_eyes_open");
        }
    }

    @Test
    void everySampleEqualsTheScaledDigitalValueAtItsOffset() throws IOException {
        byte[] raw = Files.readAllBytes(R01);
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int headerBytes = 256 * 66;
        int recordBytes = 64 * 160 * 2 + annotationSamples(raw) * 2;
        assertThat(raw.length).isEqualTo(headerBytes + 61 * recordBytes);

        List<SampleFrame> frames = readAll(R01, EdfOptions.defaults());
        assertThat(frames).hasSize(61);
        long start = LocalDateTime.of(2009, 8, 12, 16, 15, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        // The header maps digital -8092..8092 onto physical -8092..8092 uV: one digital unit is one microvolt.
        for (int r = 0; r < 61; r++) {
            SampleFrame f = frames.get(r);
            assertThat(f.sequence()).isEqualTo(r);
            assertThat(f.firstSampleTimeUs()).isEqualTo(start + r * 1_000_000L);
            assertThat(f.channelCount()).isEqualTo(64);
            assertThat(f.sampleCount()).isEqualTo(160);
            for (int c = 0; c < 64; c++) {
                for (int s = 0; s < 160; s += 53) {
                    int digital = bytes.getShort(headerBytes + r * recordBytes + (c * 160 + s) * 2);
                    assertThat(f.sample(s, c)).isEqualTo((float) digital);
                }
            }
        }
        assertThat(frames.stream().mapToInt(SampleFrame::sampleCount).sum()).isEqualTo(61 * 160);
    }

    @Test
    void motorTaskAnnotationsMatchTheDatasetDescription() throws IOException {
        List<EdfAnnotation> all = new ArrayList<>();
        try (EdfReader reader = EdfReader.open(R03, EdfOptions.defaults())) {
            while (reader.read() != null) {
                all.addAll(reader.pollAnnotations());
            }
            assertThat(reader.recordsRead()).isEqualTo(125);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (EdfAnnotation a : all) {
            counts.merge(a.text(), 1, Integer::sum);
        }
        assertThat(counts).containsEntry("T0", 15).containsEntry("T1", 8).containsEntry("T2", 7).hasSize(3);
        assertThat(all.get(0).onsetUs()).isZero();
        for (int i = 0; i < all.size(); i++) {
            EdfAnnotation a = all.get(i);
            assertThat(a.durationUs()).isBetween(4_100_000L, 4_200_000L);
            if (i > 0) {
                EdfAnnotation previous = all.get(i - 1);
                assertThat(a.onsetUs()).isEqualTo(previous.onsetUs() + previous.durationUs());
            }
        }
    }

    @Test
    void framesOfAnySizeCarryTheSameSamplesAndContinuousTimes() throws IOException {
        List<SampleFrame> byRecord = readAll(R01, EdfOptions.defaults());
        List<SampleFrame> by64 = readAll(R01, EdfOptions.defaults().withSamplesPerFrame(64));
        assertThat(by64).hasSize((61 * 160 + 63) / 64);
        assertThat(concat(by64)).isEqualTo(concat(byRecord));
        SampleFrame second = by64.get(1);
        assertThat(second.firstSampleTimeUs()).isEqualTo(by64.get(0).firstSampleTimeUs() + 400_000);
        assertThat(by64.get(by64.size() - 1).sampleCount()).isEqualTo(61 * 160 % 64);
    }

    @Test
    void selectsSignalsByLabelInTheGivenOrder() throws IOException {
        List<SampleFrame> all = readAll(R01, EdfOptions.defaults());
        List<SampleFrame> two = readAll(R01, EdfOptions.defaults().withSignals(List.of("C4..", "C3..")));
        int c3 = 8;
        int c4 = 12;
        assertThat(two.get(5).sample(17, 0)).isEqualTo(all.get(5).sample(17, c4));
        assertThat(two.get(5).sample(17, 1)).isEqualTo(all.get(5).sample(17, c3));
        assertThatThrownBy(() -> EdfReader.open(R01, EdfOptions.defaults().withSignals(List.of("Cz"))))
                .hasMessageContaining("no data signal labelled 'Cz'").hasMessageContaining("Cz..");
    }

    @Test
    void mentalArithmeticRecordingIs500HzWithEcg() throws IOException {
        Path file = SharedFiles.data("eeg/eegmat_Subject00_1_rest.edf");
        try (EdfReader reader = EdfReader.open(file, EdfOptions.defaults())) {
            assertThat(reader.sampleRateHz()).isEqualTo(500.0);
            assertThat(reader.channels()).extracting(EdfSignal::label).contains("EEG Fp1", "EEG A2-A1", "ECG ECG");
            assertThat(reader.channels().get(0).prefiltering()).contains("HP:0.500000Hz");
            long samples = 0;
            for (SampleFrame f; (f = reader.read()) != null; ) {
                samples += f.sampleCount();
            }
            assertThat(samples).isEqualTo(182 * 500);
        }
    }

    @Test
    void bdfTwentyFourBitSamplesAreSignedAndScaled() throws IOException {
        byte[] file = new EdfFileBuilder(true, "24BIT", 0.5)
                .signal("A1", -262144, 262143, -8388608, 8388607, 4)
                .signal("A2", -262144, 262143, -8388608, 8388607, 4)
                .record(new int[] {0, 1, -1, 8388607}, new int[] {-8388608, 100, -100, 42})
                .record(new int[] {5, 6, 7, 8}, new int[] {-5, -6, -7, -8})
                .build();
        Path bdf = write("test.bdf", file);
        List<SampleFrame> frames = readAll(bdf, EdfOptions.defaults());
        double scale = (262143.0 + 262144.0) / (8388607.0 + 8388608.0);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).sampleRateHz()).isEqualTo(8.0);
        assertThat(frames.get(0).sample(2, 0)).isCloseTo((float) (-262144 + (-1 + 8388608.0) * scale), within(1e-3f));
        assertThat(frames.get(0).sample(3, 0)).isEqualTo(262143f);
        assertThat(frames.get(0).sample(0, 1)).isEqualTo(-262144f);
        assertThat(frames.get(1).sample(3, 1)).isCloseTo((float) (-262144 + (-8 + 8388608.0) * scale), within(1e-3f));
        assertThat(frames.get(1).firstSampleTimeUs() - frames.get(0).firstSampleTimeUs()).isEqualTo(500_000);
        try (EdfReader reader = EdfReader.open(bdf, EdfOptions.defaults())) {
            assertThat(reader.header().variant()).isEqualTo(EdfVariant.BDF);
        }
    }

    @Test
    void discontinuousRecordsStartAtTheirTimeKeepingOnsetAndFramesBreakAtGaps() throws IOException {
        String annotations = "EDF Annotations";
        byte[] file = new EdfFileBuilder(false, "EDF+D", 1)
                .signal("X", -100, 100, -100, 100, 4)
                .signal(annotations, -1, 1, -32768, 32767, 30)
                .record(new int[] {1, 2, 3, 4}, "+0\u0014\u0014\u0000")
                .record(new int[] {5, 6, 7, 8}, "+1\u0014\u0014\u0000+1.5\u00150.25\u0014stim\u0014\u0000")
                .record(new int[] {9, 10, 11, 12}, "+10\u0014\u0014\u0000")
                .build();
        Path edf = write("gap.edf", file);
        List<SampleFrame> frames = readAll(edf, EdfOptions.defaults().withSamplesPerFrame(3));
        long t0 = LocalDateTime.of(2009, 8, 12, 16, 15, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(3, 3, 2, 3, 1);
        assertThat(frames).extracting(SampleFrame::firstSampleTimeUs)
                .containsExactly(t0, t0 + 750_000, t0 + 1_500_000, t0 + 10_000_000, t0 + 10_750_000);
        assertThat(concat(frames)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        try (EdfReader reader = EdfReader.open(edf, EdfOptions.defaults())) {
            while (reader.read() != null) {
                // read to the end so that every annotation is decoded
            }
            assertThat(reader.pollAnnotations()).containsExactly(new EdfAnnotation(1_500_000, 250_000, "stim"));
        }
    }

    @Test
    void truncatedFileDeliversCompleteRecordsThenNamesTheOffset() throws IOException {
        byte[] raw = Files.readAllBytes(R01);
        int recordBytes = (raw.length - 256 * 66) / 61;
        Path cut = write("cut.edf", Arrays.copyOf(raw, 256 * 66 + 3 * recordBytes + 100));
        List<SampleFrame> frames = new ArrayList<>();
        try (EdfReader reader = EdfReader.open(cut, EdfOptions.defaults())) {
            assertThatThrownBy(() -> {
                for (SampleFrame f; (f = reader.read()) != null; ) {
                    frames.add(f);
                }
            }).isInstanceOf(IngestException.class)
                    .hasMessageContaining("cut.edf at byte " + (256 * 66 + 3 * recordBytes))
                    .hasMessageContaining("data record 3 is truncated: 100 of " + recordBytes + " bytes present");
        }
        assertThat(frames).hasSize(3);

        Path short60 = write("short.edf", Arrays.copyOf(raw, 256 * 66 + 60 * recordBytes));
        assertThatThrownBy(() -> readAll(short60, EdfOptions.defaults()))
                .hasMessageContaining("declares 61 data records but the file ends after 60");
    }

    @Test
    void malformedHeadersAreNamedWithTheirOffset() throws IOException {
        byte[] raw = Arrays.copyOf(Files.readAllBytes(R01), 256 * 66);
        byte[] badVersion = raw.clone();
        badVersion[0] = 'X';
        assertThatThrownBy(() -> EdfReader.open(write("v.edf", badVersion), EdfOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("at byte 0")
                .hasMessageContaining("expected an EDF version field '0'");
        byte[] badCount = raw.clone();
        badCount[252] = 'x';
        assertThatThrownBy(() -> EdfReader.open(write("n.edf", badCount), EdfOptions.defaults()))
                .hasMessageContaining("at byte 252").hasMessageContaining("'number of signals' should be an integer");
        assertThatThrownBy(() -> EdfReader.open(write("h.edf", Arrays.copyOf(raw, 1000)), EdfOptions.defaults()))
                .hasMessageContaining("file ends inside the signal headers");
        byte[] mixed = new EdfFileBuilder(false, "", 1)
                .signal("fast", -1, 1, -100, 100, 8).signal("slow", -1, 1, -100, 100, 2)
                .record(new int[8], new int[2]).build();
        assertThatThrownBy(() -> EdfReader.open(write("m.edf", mixed), EdfOptions.defaults()))
                .hasMessageContaining("different sample rates").hasMessageContaining("8.0 Hz: [fast]")
                .hasMessageContaining("2.0 Hz: [slow]");
        byte[] flat = new EdfFileBuilder(false, "", 1).signal("flat", 5, 5, -100, 100, 2).record(new int[2]).build();
        assertThatThrownBy(() -> EdfReader.open(write("f.edf", flat), EdfOptions.defaults()))
                .hasMessageContaining("physical minimum and maximum are both 5");
    }

    private static int annotationSamples(byte[] raw) {
        int n = 65;
        int at = 256 + 216 * n + 8 * (n - 1);
        return Integer.parseInt(new String(raw, at, 8, java.nio.charset.StandardCharsets.US_ASCII).trim());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private static List<SampleFrame> readAll(Path file, EdfOptions options) throws IOException {
        List<SampleFrame> frames = new ArrayList<>();
        try (EdfReader reader = EdfReader.open(file, options)) {
            for (SampleFrame f; (f = reader.read()) != null; ) {
                frames.add(f);
            }
        }
        return frames;
    }

    private static float[] concat(List<SampleFrame> frames) {
        int n = frames.stream().mapToInt(f -> f.data().length).sum();
        float[] all = new float[n];
        int at = 0;
        for (SampleFrame f : frames) {
            System.arraycopy(f.data(), 0, all, at, f.data().length);
            at += f.data().length;
        }
        return all;
    }
}
