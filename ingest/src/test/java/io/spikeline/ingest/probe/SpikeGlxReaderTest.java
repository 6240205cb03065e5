package io.spikeline.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.ingest.IngestException;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SpikeGLX files built here from the metadata guide: a headerless int16 .bin and a key=value .meta. The
 * expected microvolts are computed from the guide's formula µV = i × 10⁶ × AiRangeMax / MaxInt / gain.
 */
class SpikeGlxReaderTest {
    private static final int SAMPLES = 20;

    @TempDir
    Path temp;

    @Test
    void neuropixels1ApChannelsUseTheirOwnImroGainsAndTheSyncWordIsLeftOut() throws IOException {
        Map<String, String> meta = np1Ap();
        short[][] raw = samples(5);
        Path bin = write("run_g0_t0.imec0.ap", meta, raw);
        double[] gains = {500, 1000, 500, 50};
        try (SpikeGlxReader reader = SpikeGlxReader.open(bin, ProbeOptions.defaults().withSamplesPerFrame(7))) {
            assertThat(reader.sourceKey()).isEqualTo("run_g0_t0.imec0.ap");
            assertThat(reader.sampleRateHz()).isEqualTo(30_000.0);
            assertThat(reader.channels()).extracting(SpikeGlxChannel::kind).containsOnly(SpikeGlxChannel.Kind.AP);
            assertThat(reader.channels()).extracting(SpikeGlxChannel::gain).containsExactly(500.0, 1000.0, 500.0, 50.0);
            // imMaxInt is absent: Neuropixels 1.0 digitises to 10 bits, 512 codes either side of zero.
            assertThat(reader.channels().get(0).microvoltsPerBit()).isEqualTo(2.34375);
            List<SampleFrame> frames = readAll(reader);
            assertThat(frames).extracting(SampleFrame::sampleCount).containsExactly(7, 7, 6);
            // firstSample = 90,000 at 30 kHz: the file starts 3 s after acquisition started.
            assertThat(frames).extracting(SampleFrame::firstSampleTimeUs)
                    .containsExactly(3_000_000L, 3_000_000L + Math.round(7e6 / 30_000), 3_000_000L + Math.round(14e6 / 30_000));
            for (int t = 0; t < SAMPLES; t++) {
                SampleFrame f = frames.get(t / 7);
                assertThat(f.channelCount()).isEqualTo(4);
                for (int c = 0; c < 4; c++) {
                    double expected = raw[t][c] * 1e6 * 0.6 / 512 / gains[c];
                    assertThat((double) f.sample(t % 7, c)).isCloseTo(expected, within(Math.abs(expected) * 1e-6 + 1e-6));
                }
            }
        }
    }

    @Test
    void lfpChannelsSavedAsASubsetTakeTheLfGainOfTheirAcquiredChannel() throws IOException {
        Map<String, String> meta = np1Ap();
        meta.put("snsApLfSy", "0,3,1");
        meta.put("nSavedChans", "4");
        meta.put("snsSaveChanSubset", "4:6,8");
        meta.put("imSampRate", "2500");
        short[][] raw = samples(4);
        Path bin = write("run_g0_t0.imec0.lf", meta, raw);
        try (SpikeGlxReader reader = SpikeGlxReader.open(bin, ProbeOptions.defaults())) {
            assertThat(reader.channels()).extracting(SpikeGlxChannel::acquiredIndex).containsExactly(4, 5, 6);
            assertThat(reader.channels()).extracting(SpikeGlxChannel::kind).containsOnly(SpikeGlxChannel.Kind.LF);
            assertThat(reader.channels()).extracting(SpikeGlxChannel::gain).containsExactly(125.0, 250.0, 250.0);
            SampleFrame f = reader.read();
            assertThat(f.sampleCount()).isEqualTo(SAMPLES);
            assertThat((double) f.sample(3, 0)).isCloseTo(raw[3][0] * 1e6 * 0.6 / 512 / 125, within(1e-3));
            assertThat((double) f.sample(9, 2)).isCloseTo(raw[9][2] * 1e6 * 0.6 / 512 / 250, within(1e-3));
            assertThat(reader.read()).isNull();
        }
    }

    @Test
    void neuropixels2UsesTheFixedGainAndFourteenBitCodes() throws IOException {
        Map<String, String> meta = np1Ap();
        meta.put("imDatPrb_type", "21");
        meta.put("imMaxInt", "8192");
        meta.put("imAiRangeMax", "0.5");
        meta.put("imAiRangeMin", "-0.5");
        meta.put("acqApLfSy", "4,0,1");
        meta.remove("imroTbl");
        short[][] raw = samples(5);
        try (SpikeGlxReader reader = SpikeGlxReader.open(write("np2.imec0.ap", meta, raw), ProbeOptions.defaults())) {
            assertThat(reader.channels()).extracting(SpikeGlxChannel::gain).containsOnly(80.0);
            SampleFrame f = reader.read();
            assertThat((double) f.sample(11, 3)).isCloseTo(raw[11][3] * 1e6 * 0.5 / 8192 / 80, within(1e-4));
        }
    }

    @Test
    void nidqChannelsTakeTheMultiplexerGainsAndLeaveTheDigitalWordOut() throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("typeThis", "nidq");
        meta.put("niSampRate", "25000");
        meta.put("niAiRangeMax", "5");
        meta.put("niAiRangeMin", "-5");
        meta.put("niMaxInt", "32768");
        meta.put("nSavedChans", "5");
        meta.put("snsMnMaXaDw", "2,1,1,1");
        meta.put("niMNGain", "200");
        meta.put("niMAGain", "2");
        meta.put("snsSaveChanSubset", "all");
        meta.put("firstSample", "0");
        short[][] raw = samples(5);
        try (SpikeGlxReader reader = SpikeGlxReader.open(write("run_g0_t0.nidq", meta, raw), ProbeOptions.defaults())) {
            assertThat(reader.channels()).extracting(SpikeGlxChannel::kind).containsExactly(SpikeGlxChannel.Kind.MN,
                    SpikeGlxChannel.Kind.MN, SpikeGlxChannel.Kind.MA, SpikeGlxChannel.Kind.XA);
            SampleFrame f = reader.read();
            assertThat(f.channelCount()).isEqualTo(4);
            assertThat(f.firstSampleTimeUs()).isZero();
            double[] gains = {200, 200, 2, 1};
            for (int c = 0; c < 4; c++) {
                assertThat((double) f.sample(5, c)).isCloseTo(raw[5][c] * 1e6 * 5 / 32768 / gains[c], within(0.01));
            }
        }
    }

    @Test
    void missingOrContradictoryKeysFailNamingTheKey() throws IOException {
        short[][] raw = samples(5);
        Map<String, String> noRate = np1Ap();
        noRate.remove("imSampRate");
        assertOpenFails("a", noRate, raw, "imSampRate");

        Map<String, String> moreSaved = np1Ap();
        moreSaved.put("nSavedChans", "6");
        assertOpenFails("b", moreSaved, raw, "nSavedChans=6");

        Map<String, String> wrongSize = np1Ap();
        wrongSize.put("fileSizeBytes", "4000");
        assertOpenFails("c", wrongSize, raw, "fileSizeBytes=4000");

        Map<String, String> shortImro = np1Ap();
        shortImro.put("imroTbl", "(0,384)(0 0 0 500 250 1)(1 0 0 1000 250 1)");
        assertOpenFails("d", shortImro, raw, "imroTbl");

        Map<String, String> asymmetric = np1Ap();
        asymmetric.put("imAiRangeMin", "-0.5");
        assertOpenFails("e", asymmetric, raw, "imAiRangeMin");

        Map<String, String> subsetDisagrees = np1Ap();
        subsetDisagrees.put("snsSaveChanSubset", "0:4");
        assertOpenFails("h", subsetDisagrees, raw, "snsSaveChanSubset");

        Map<String, String> noFirstSample = np1Ap();
        noFirstSample.remove("firstSample");
        assertOpenFails("f", noFirstSample, raw, "firstSample");

        Map<String, String> unknownProbe = np1Ap();
        unknownProbe.put("imDatPrb_type", "9999");
        unknownProbe.put("imMaxInt", "8192");
        assertOpenFails("g", unknownProbe, raw, "imChan0apGain");
    }

    private void assertOpenFails(String name, Map<String, String> meta, short[][] raw, String text) throws IOException {
        Path bin = write(name, meta, raw);
        assertThatThrownBy(() -> SpikeGlxReader.open(bin, ProbeOptions.defaults()))
                .isInstanceOf(IngestException.class).hasMessageContaining(text);
    }

    /** A Neuropixels 1.0 AP file: 4 AP channels of 4 acquired, plus the sync word. */
    private static Map<String, String> np1Ap() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("typeThis", "imec");
        meta.put("imSampRate", "30000");
        meta.put("imAiRangeMax", "0.6");
        meta.put("imAiRangeMin", "-0.6");
        meta.put("nSavedChans", "5");
        meta.put("snsApLfSy", "4,0,1");
        meta.put("acqApLfSy", "4,4,1");
        meta.put("snsSaveChanSubset", "0:3,8");
        meta.put("imDatPrb_type", "0");
        meta.put("firstSample", "90000");
        meta.put("imroTbl", "(0,4)(0 0 0 500 125 1)(1 0 0 1000 250 1)(2 0 0 500 250 1)(3 0 0 50 250 1)");
        return meta;
    }

    /** Distinct values that reach both signs: sample t of saved channel c. */
    private static short[][] samples(int channels) {
        short[][] raw = new short[SAMPLES][channels];
        for (int t = 0; t < SAMPLES; t++) {
            for (int c = 0; c < channels; c++) {
                raw[t][c] = (short) ((t * 37 + c * 101) % 1000 - 500);
            }
        }
        return raw;
    }

    /** Writes name.bin (interleaved little-endian int16) and name.meta (fileSizeBytes added unless given). */
    private Path write(String name, Map<String, String> meta, short[][] raw) throws IOException {
        ByteBuffer bin = ByteBuffer.allocate(raw.length * raw[0].length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] point : raw) {
            for (short v : point) {
                bin.putShort(v);
            }
        }
        StringBuilder text = new StringBuilder();
        Map<String, String> lines = new LinkedHashMap<>(meta);
        lines.putIfAbsent("fileSizeBytes", Integer.toString(bin.capacity()));
        lines.forEach((k, v) -> text.append(k.equals("imroTbl") ? "~" : "").append(k).append('=').append(v).append("\r\n"));
        Files.writeString(temp.resolve(name + ".meta"), text);
        return Files.write(temp.resolve(name + ".bin"), bin.array());
    }

    private static List<SampleFrame> readAll(SpikeGlxReader reader) throws IOException {
        List<SampleFrame> out = new ArrayList<>();
        for (SampleFrame f = reader.read(); f != null; f = reader.read()) {
            out.add(f);
        }
        return out;
    }
}
