package io.spikeline.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Open Ephys binary recordings built as the GUI's documentation lays them out. */
class OpenEphysBinaryReaderTest {
    @TempDir
    Path temp;

    private static final String FOLDER = "Acquisition_Board-100.Rhythm Data";

    private Path recording(int channels, short[] samples, long[] sampleNumbers, String numbersDescr, String units)
            throws IOException {
        StringBuilder channelList = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            channelList.append(c == 0 ? "" : ",").append("{\"channel_name\": \"CH").append(c + 1)
                    .append("\", \"bit_volts\": ").append(c == channels - 1 ? 0.5 : 0.195).append(", \"units\": \"")
                    .append(c == channels - 1 ? units : "uV").append("\"}");
        }
        String oebin = "{\"GUI version\": \"0.6.7\", \"continuous\": [{\"folder_name\": \"" + FOLDER + "/\", "
                + "\"sample_rate\": 30000.0, \"source_processor_name\": \"Acquisition Board\", \"num_channels\": "
                + channels + ", \"channels\": [" + channelList + "]}], \"events\": [], \"spikes\": []}";
        Path dir = temp.resolve("Record Node 101/experiment1/recording1");
        Path stream = dir.resolve("continuous").resolve(FOLDER);
        Files.createDirectories(stream);
        Files.writeString(dir.resolve("structure.oebin"), oebin);
        ByteBuffer dat = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            dat.putShort(s);
        }
        Files.write(stream.resolve("continuous.dat"), dat.array());
        if (sampleNumbers != null) {
            Files.write(stream.resolve("sample_numbers.npy"), npy(numbersDescr, sampleNumbers));
        }
        return dir.resolve("structure.oebin");
    }

    /** A version 1.0 .npy file: magic, version, header length, padded header dictionary, data. */
    private static byte[] npy(String descr, long[] values) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + values.length + ",), }";
        int total = 10 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    private static List<SampleFrame> readAll(OpenEphysBinaryReader reader) throws IOException {
        List<SampleFrame> out = new ArrayList<>();
        for (SampleFrame f; (f = reader.read()) != null; ) {
            out.add(f);
        }
        return out;
    }

    @Test
    void samplesAreScaledPerChannelAndTimedBySampleNumber() throws IOException {
        int n = 100;
        short[] samples = new short[n * 3];
        long[] numbers = new long[n];
        for (int s = 0; s < n; s++) {
            numbers[s] = 3_000_000 + s;
            for (int c = 0; c < 3; c++) {
                samples[s * 3 + c] = (short) (s * 10 - c * 1000);
            }
        }
        Path oebin = recording(3, samples, numbers, "<i8", "mV");
        try (OpenEphysBinaryReader reader = OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults().withSamplesPerFrame(32))) {
            assertThat(reader.sampleRateHz()).isEqualTo(30_000.0);
            assertThat(reader.channelCount()).isEqualTo(3);
            assertThat(reader.sourceKey()).isEqualTo("recording1/" + FOLDER);
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(32, 32, 32, 4);
            assertThat(frames.get(0).firstSampleTimeUs()).isEqualTo(100_000_000L);
            assertThat(frames.get(1).firstSampleTimeUs()).isEqualTo(100_000_000L + Math.round(32 * 1e6 / 30_000));
            SampleFrame second = frames.get(1);
            assertThat(second.sample(5, 0)).isEqualTo((float) (37 * 10 * 0.195));
            assertThat(second.sample(5, 1)).isEqualTo((float) ((37 * 10 - 1000) * 0.195));
            assertThat(second.sample(5, 2)).isEqualTo((float) ((37 * 10 - 2000) * 0.5 * 1000));
            assertThat(reader.pollGaps()).isEmpty();
            assertThat(reader.truncatedTailBytes()).isZero();
        }
    }

    @Test
    void aJumpInTheSampleNumbersStartsANewFrameAndIsReported() throws IOException {
        short[] samples = new short[20];
        long[] numbers = new long[20];
        for (int s = 0; s < 20; s++) {
            samples[s] = (short) s;
            numbers[s] = s < 12 ? s : 1000 + s;
        }
        Path oebin = recording(1, samples, numbers, "<i8", "uV");
        try (OpenEphysBinaryReader reader = OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults().withSamplesPerFrame(8))) {
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(8, 4, 8);
            assertThat(frames.get(2).firstSampleTimeUs()).isEqualTo(Math.round(1012 * 1e6 / 30_000));
            List<SampleGap> gaps = reader.pollGaps();
            assertThat(gaps).hasSize(1);
            assertThat(gaps.get(0).missingSamples()).isEqualTo(1000);
        }
    }

    @Test
    void withoutIntegerSampleNumbersTheSamplesCountFromZeroAndATruncatedTailIsCounted() throws IOException {
        short[] samples = new short[2 * 10];
        Arrays.fill(samples, (short) 7);
        Path oebin = recording(2, samples, new long[] {0, 1}, "<f8", "uV");
        Path dat = oebin.resolveSibling("continuous").resolve(FOLDER).resolve("continuous.dat");
        Files.write(dat, Arrays.copyOf(Files.readAllBytes(dat), 2 * 2 * 10 + 3));
        try (OpenEphysBinaryReader reader = OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults())) {
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).firstSampleTimeUs()).isZero();
            assertThat(frames.get(0).sampleCount()).isEqualTo(10);
            assertThat(reader.truncatedTailBytes()).isEqualTo(3);
        }
    }

    @Test
    void missingOrContradictoryDescriptionsAreNamed() throws IOException {
        Path oebin = recording(2, new short[4], null, null, "uV");
        Files.writeString(oebin, Files.readString(oebin).replace("\"sample_rate\": 30000.0, ", ""));
        assertThatThrownBy(() -> OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining("no numeric field 'sample_rate'");
        Files.writeString(oebin, "{\"continuous\": []}");
        assertThatThrownBy(() -> OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults()))
                .hasMessageContaining("lists no 'continuous' streams");
        Files.writeString(oebin, "{not json");
        assertThatThrownBy(() -> OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults()))
                .hasMessageContaining("not valid JSON");
        Path kelvin = recording(2, new short[4], null, null, "K");
        assertThatThrownBy(() -> OpenEphysBinaryReader.open(kelvin, ProbeOptions.defaults()))
                .hasMessageContaining("units 'K'");
    }

    @Test
    void sampleNumbersShorterThanTheDataEndTheStreamWithALocatedError() throws IOException {
        Path oebin = recording(1, new short[10], new long[] {0, 1, 2, 3, 4, 5}, "<i8", "uV");
        try (OpenEphysBinaryReader reader = OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults())) {
            assertThat(reader.read().sampleCount()).isEqualTo(6);
            assertThatThrownBy(reader::read).isInstanceOf(IngestException.class)
                    .hasMessageContaining("sample_numbers.npy").hasMessageContaining("end after 6 entries");
        }
    }
}
