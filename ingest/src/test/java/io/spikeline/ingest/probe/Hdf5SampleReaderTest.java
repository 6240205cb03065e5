package io.spikeline.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.checksum.ChecksumUtils;
import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NWB-structured and MATLAB-style HDF5 files written here with jhdf's writer (contiguous datasets). */
class Hdf5SampleReaderTest {
    private static final int SAMPLES = 100;

    @TempDir
    Path temp;

    @Test
    void anElectricalSeriesIsScaledByConversionChannelConversionAndOffset() throws IOException {
        short[][] raw = raw(SAMPLES, 3);
        float[] channelConversion = {1f, 2f, 0.5f};
        Path file = temp.resolve("session.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup series = electricalSeries(f, "ElectricalSeries", raw, 0.195e-6, 1e-6);
            series.putDataset("channel_conversion", channelConversion);
            WritableDataset start = series.putDataset("starting_time", 2.5);
            start.putAttribute("rate", 30_000.0);
            series.putDataset("electrodes", new int[] {4, 5, 6});
        }
        try (Hdf5SampleReader reader = Hdf5SampleReader.openElectricalSeries(file, null,
                ProbeOptions.defaults().withSamplesPerFrame(32))) {
            assertThat(reader.sourceKey()).isEqualTo("session.acquisition.ElectricalSeries");
            assertThat(reader.channelCount()).isEqualTo(3);
            assertThat(reader.sampleCount()).isEqualTo(SAMPLES);
            assertThat(reader.sampleRateHz()).isEqualTo(30_000.0);
            assertThat(reader.electrodes()).containsExactly(4, 5, 6);
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(32, 32, 32, 4);
            assertThat(frames).extracting(SampleFrame::firstSampleTimeUs).containsExactly(2_500_000L,
                    2_500_000L + Math.round(32e6 / 30_000), 2_500_000L + Math.round(64e6 / 30_000),
                    2_500_000L + Math.round(96e6 / 30_000));
            for (int s = 0; s < SAMPLES; s++) {
                for (int c = 0; c < 3; c++) {
                    double volts = raw[s][c] * channelConversion[c] * 0.195e-6 + 1e-6;
                    assertThat((double) frames.get(s / 32).sample(s % 32, c)).isCloseTo(volts * 1e6, within(1e-4));
                }
            }
            assertThat(reader.pollGaps()).isEmpty();
        }
    }

    @Test
    void timestampsWithAPauseGiveAGapAndFramesAtTheirOwnTimes() throws IOException {
        float[][] raw = new float[10][2];
        double[] timestamps = new double[10];
        for (int s = 0; s < 10; s++) {
            raw[s][0] = s;
            raw[s][1] = -s;
            timestamps[s] = s < 5 ? 1.000 + s * 0.001 : 1.010 + (s - 5) * 0.001;
        }
        Path file = temp.resolve("stamped.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup series = electricalSeries(f, "raw", raw, 1e-6, 0);
            series.putDataset("timestamps", timestamps);
        }
        try (Hdf5SampleReader reader = Hdf5SampleReader.openElectricalSeries(file, "/acquisition/raw",
                ProbeOptions.defaults().withSamplesPerFrame(4))) {
            assertThat(reader.sampleRateHz()).isCloseTo(1000.0, within(1e-6));
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(4, 1, 4, 1);
            assertThat(frames).extracting(SampleFrame::firstSampleTimeUs)
                    .containsExactly(1_000_000L, 1_004_000L, 1_010_000L, 1_014_000L);
            assertThat(frames.get(2).sample(0, 0)).isEqualTo(5f);
            assertThat(frames.get(3).sample(0, 1)).isEqualTo(-9f);
            assertThat(reader.pollGaps()).containsExactly(new SampleGap(5, 10, 1_005_000, 1_010_000));
        }
    }

    @Test
    void timestampsThatGoBackAreALocatedError() throws IOException {
        Path file = temp.resolve("back.nwb");
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup series = electricalSeries(f, "raw", new float[6][1], 1, 0);
            series.putDataset("timestamps", new double[] {0.0, 0.001, 0.002, 0.003, 0.002, 0.005});
        }
        try (Hdf5SampleReader reader = Hdf5SampleReader.openElectricalSeries(file, null,
                ProbeOptions.defaults().withSamplesPerFrame(3))) {
            assertThat(reader.read().sampleCount()).isEqualTo(3);
            assertThat(reader.read().sampleCount()).isEqualTo(1);
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("does not increase at sample 4");
        }
    }

    @Test
    void aSeriesWithoutRateOrWithTheWrongUnitOrAmongSeveralIsRefusedClearly() throws IOException {
        Path noRate = temp.resolve("norate.nwb");
        try (WritableHdfFile f = HdfFile.write(noRate)) {
            WritableGroup series = electricalSeries(f, "raw", new float[6][1], 1, 0);
            series.putDataset("starting_time", 0.0);
        }
        assertThatThrownBy(() -> Hdf5SampleReader.openElectricalSeries(noRate, null, ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("rate");

        Path two = temp.resolve("two.nwb");
        try (WritableHdfFile f = HdfFile.write(two)) {
            electricalSeries(f, "a", new float[6][1], 1, 0).putDataset("starting_time", 0.0).putAttribute("rate", 1.0);
            electricalSeries(f, "b", new float[6][1], 1, 0).putDataset("starting_time", 0.0).putAttribute("rate", 1.0);
        }
        assertThat(Hdf5SampleReader.electricalSeries(two)).containsExactlyInAnyOrder("/acquisition/a", "/acquisition/b");
        assertThatThrownBy(() -> Hdf5SampleReader.openElectricalSeries(two, null, ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("name the series");
        try (Hdf5SampleReader b = Hdf5SampleReader.openElectricalSeries(two, "/acquisition/b", ProbeOptions.defaults())) {
            assertThat(b.read().sampleCount()).isEqualTo(6);
        }
        assertThatThrownBy(() -> Hdf5SampleReader.openElectricalSeries(two, "/acquisition/c", ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("/acquisition/c");

        Path millivolts = temp.resolve("mv.nwb");
        try (WritableHdfFile f = HdfFile.write(millivolts)) {
            WritableGroup series = electricalSeries(f, "raw", new float[6][1], 1, 0);
            series.putDataset("starting_time", 0.0).putAttribute("rate", 1.0);
            ((WritableDataset) series.getChild("data")).putAttribute("unit", "millivolts");
        }
        assertThatThrownBy(() -> Hdf5SampleReader.openElectricalSeries(millivolts, null, ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("'millivolts'");
    }

    @Test
    void aMatlabV73ChannelsBySamplesArrayBehindItsUserBlockIsTransposedIntoFrames() throws IOException {
        double[][] matrix = new double[3][50];
        for (int c = 0; c < 3; c++) {
            for (int s = 0; s < 50; s++) {
                matrix[c][s] = c * 100 + s;
            }
        }
        Path plain = temp.resolve("rec.h5");
        try (WritableHdfFile f = HdfFile.write(plain)) {
            f.putGroup("rec").putDataset("lfp", matrix).putAttribute("MATLAB_class", "double");
            f.putDataset("single", new short[] {1, 2, 3, 4, 5});
        }
        Path file = withMatlabUserBlock(plain, temp.resolve("rec.mat"));
        Hdf5ArrayOptions array = new Hdf5ArrayOptions("/rec/lfp", Hdf5ArrayOptions.Orientation.CHANNELS_BY_SAMPLES,
                1000, 0.5, 7_000_000);
        try (Hdf5SampleReader reader = Hdf5SampleReader.openArray(file, array,
                ProbeOptions.defaults().withSamplesPerFrame(20))) {
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(20, 20, 10);
            assertThat(frames.get(0).channelCount()).isEqualTo(3);
            assertThat(frames.get(1).firstSampleTimeUs()).isEqualTo(7_020_000L);
            for (int s = 0; s < 50; s++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(frames.get(s / 20).sample(s % 20, c)).isEqualTo((float) (matrix[c][s] * 0.5));
                }
            }
            assertThat(reader.sourceKey()).isEqualTo("rec.rec.lfp");
        }
        Hdf5ArrayOptions single = new Hdf5ArrayOptions("/single", Hdf5ArrayOptions.Orientation.SAMPLES_BY_CHANNELS,
                10, 1, 0);
        try (Hdf5SampleReader reader = Hdf5SampleReader.openArray(file, single, ProbeOptions.defaults())) {
            SampleFrame f = reader.read();
            assertThat(f.channelCount()).isEqualTo(1);
            assertThat(f.data()).containsExactly(1f, 2f, 3f, 4f, 5f);
            assertThat(reader.read()).isNull();
        }
        Hdf5ArrayOptions missing = new Hdf5ArrayOptions("/rec/spikes", Hdf5ArrayOptions.Orientation.CHANNELS_BY_SAMPLES,
                1000, 1, 0);
        assertThatThrownBy(() -> Hdf5SampleReader.openArray(file, missing, ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("/rec/spikes");
    }

    /**
     * A MATLAB v7.3 file is HDF5 behind a 512-byte user block holding MATLAB's text header. The superblock
     * (version 2, as jhdf writes it) moves to byte 512: its base address becomes 512, so every other address
     * stays valid, and its Jenkins lookup3 checksum is recomputed.
     */
    private static Path withMatlabUserBlock(Path hdf5, Path mat) throws IOException {
        byte[] plain = Files.readAllBytes(hdf5);
        assertThat(plain[8]).as("superblock version").isEqualTo((byte) 2);
        byte[] out = new byte[512 + plain.length];
        byte[] header = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(out, 0, 512, (byte) ' ');
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(plain, 0, out, 512, plain.length);
        ByteBuffer superblock = ByteBuffer.wrap(out, 512, 48).slice().order(ByteOrder.LITTLE_ENDIAN);
        superblock.putLong(12, 512);
        superblock.putInt(44, ChecksumUtils.checksum(Arrays.copyOfRange(out, 512, 512 + 44)));
        return Files.write(mat, out);
    }

    private static WritableGroup electricalSeries(WritableHdfFile f, String name, Object data, double conversion,
                                                  double offset) {
        f.putAttribute("neurodata_type", "NWBFile");
        WritableGroup acquisition = f.getChild("acquisition") instanceof WritableGroup g ? g : f.putGroup("acquisition");
        WritableGroup series = acquisition.putGroup(name);
        series.putAttribute("neurodata_type", "ElectricalSeries");
        series.putAttribute("namespace", "core");
        WritableDataset d = series.putDataset("data", data);
        d.putAttribute("conversion", conversion);
        d.putAttribute("offset", offset);
        d.putAttribute("unit", "volts");
        return series;
    }

    private static short[][] raw(int samples, int channels) {
        short[][] raw = new short[samples][channels];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                raw[s][c] = (short) ((s * 131 + c * 977) % 2000 - 1000);
            }
        }
        return raw;
    }

    private static List<SampleFrame> readAll(Hdf5SampleReader reader) throws IOException {
        List<SampleFrame> out = new ArrayList<>();
        for (SampleFrame f = reader.read(); f != null; f = reader.read()) {
            out.add(f);
        }
        return out;
    }
}
