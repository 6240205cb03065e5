package io.spikeline.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.spikeline.connectors.avro.AvroEventBatch;
import io.spikeline.connectors.avro.AvroSampleEncoding;
import io.spikeline.connectors.avro.AvroSampleFrame;
import io.spikeline.connectors.avro.AvroSpikeBatch;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.edf.EdfOptions;
import io.spikeline.ingest.edf.EdfReader;
import io.spikeline.ingest.events.Aedat4Reader;
import io.spikeline.ingest.events.DatReader;
import io.spikeline.ingest.events.Evt2Reader;
import io.spikeline.ingest.events.Evt3Reader;
import io.spikeline.ingest.events.NmnistReader;
import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.ingest.probe.OpenEphysLegacyReader;
import io.spikeline.ingest.probe.ProbeOptions;
import io.spikeline.ingest.probe.SpikeTableOptions;
import io.spikeline.ingest.probe.SpikeTableReader;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.testing.SharedFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of generated bad inputs across every reader with a real recording and every wire format:
 * truncated, bit-flipped, header-smashed and size-inflated files; corrupted, truncated and mislabelled
 * messages; and well-formed messages whose values break the records' rules. Each must end in a clean result
 * (records, possibly fewer, with the damage counted) or in the project's own located error: never another
 * exception, never a hang, never memory out of proportion to the input.
 */
class BadInputCorpusTest {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bad-input");
        t.setDaemon(true);
        return t;
    });
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    static Path temp;

    /** Opens a reader on a (possibly corrupted) copy of a recording. */
    @FunctionalInterface
    interface Opener {
        RecordReader<?> open(Path file) throws IOException;
    }

    private record Format(String name, String recording, Opener opener) {}

    private static final List<Format> FORMATS = List.of(
            new Format("EDF+", "eeg/eegmmidb_S001R01_eyes_open.edf", f -> EdfReader.open(f, EdfOptions.defaults())),
            new Format("pcap", "pcap/zeek_http_get.pcap", PcapReader::open),
            new Format("N-MNIST", "events/tonic_sample_nmnist.bin", NmnistReader::open),
            new Format("EVT 2.0", "events/prophesee_evt2_gen3_sample.raw", Evt2Reader::open),
            new Format("EVT 3.0", "events/prophesee_evt3_gen41_sample.raw", Evt3Reader::open),
            new Format("DAT", "events/tonic_sample_ncars.dat", DatReader::open),
            new Format("AEDAT 4", "events/tonic_sample_davis346.aedat4", Aedat4Reader::open),
            new Format("spike table", "probe/mc_maze_jenkins_trial748_1ms.csv",
                    f -> SpikeTableReader.open(f, SpikeTableOptions.defaults())),
            new Format("Open Ephys legacy", "probe/openephys_legacy_16ch_40kHz/100_example-data_CH1.continuous",
                    BadInputCorpusTest::openEphysWithCorruptChannel));

    private static int cases;

    @AfterAll
    static void corpusIsLargeEnough() {
        assertThat(cases).isGreaterThanOrEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> corruptedRecordingsEndCleanlyOrWithALocatedError() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        SeededRandom random = new SeededRandom(2026);
        for (Format format : FORMATS) {
            byte[] original = Files.readAllBytes(SharedFiles.data(format.recording()));
            for (Mutation m : mutations(original, random)) {
                cases++;
                tests.add(DynamicTest.dynamicTest(format.name() + ": " + m.description(), () -> {
                    Path file = temp.resolve(Path.of(format.recording()).getFileName());
                    Files.write(file, m.bytes());
                    long limit = 256L * 1024 * 1024 + 64L * m.bytes().length;
                    Outcome outcome = readAll(() -> format.opener().open(file));
                    assertThat(outcome.error()).as("%s %s", format.name(), m.description()).isNull();
                    assertThat(outcome.allocatedBytes()).as("bytes allocated for a %d-byte input", m.bytes().length)
                            .isLessThan(limit);
                }));
            }
        }
        return tests.stream();
    }

    private record Mutation(String description, byte[] bytes) {}

    private static List<Mutation> mutations(byte[] original, SeededRandom random) {
        List<Mutation> out = new ArrayList<>();
        int n = original.length;
        for (int cut : new int[] {0, 1, 7, 64, 255, 1000}) {
            if (cut < n) {
                out.add(new Mutation("truncated to " + cut + " bytes", Arrays.copyOf(original, cut)));
            }
        }
        for (int i = 0; i < 4; i++) {
            int cut = 1 + random.nextInt(n - 1);
            out.add(new Mutation("truncated to " + cut + " bytes", Arrays.copyOf(original, cut)));
        }
        for (int i = 0; i < 6; i++) {
            byte[] b = original.clone();
            int flips = 1 << (2 * i);
            for (int k = 0; k < flips; k++) {
                b[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
            }
            out.add(new Mutation(flips + " bits flipped", b));
        }
        for (int i = 0; i < 2; i++) {
            byte[] b = original.clone();
            int from = random.nextInt(Math.min(n, 1024));
            for (int k = from; k < Math.min(n, from + 256); k++) {
                b[k] = (byte) random.nextInt(256);
            }
            out.add(new Mutation("256 random bytes at " + from, b));
        }
        for (int i = 0; i < 4; i++) {
            byte[] b = original.clone();
            int at = 4 * random.nextInt(Math.max(1, Math.min(n, 2048) / 4 - 1));
            ByteBuffer.wrap(b).order(i % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).putInt(at, Integer.MAX_VALUE);
            out.add(new Mutation("2^31-1 written at " + at, b));
        }
        return out;
    }

    /** What reading a whole input came to: null error when it ended cleanly or with the project's own error. */
    private record Outcome(Throwable error, long allocatedBytes) {}

    @FunctionalInterface
    interface ReaderSupplier {
        RecordReader<?> get() throws IOException;
    }

    private static Outcome readAll(ReaderSupplier supplier) throws Exception {
        Future<Outcome> result = WORKER.submit(() -> {
            long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
            Throwable error = null;
            try (RecordReader<?> reader = supplier.get()) {
                while (reader.read() != null) {
                    // drain
                }
            } catch (IngestException located) {
                assertThat(located.getMessage()).contains(located.source()).contains("at byte " + located.offset());
            } catch (Throwable other) {
                error = other;
            }
            return new Outcome(error, THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail("reading did not finish within 60 s");
        }
    }

    /** The Open Ephys reader reads a folder: copy the other channels beside the corrupted CH1. */
    private static RecordReader<?> openEphysWithCorruptChannel(Path corruptChannel) throws IOException {
        Path folder = temp.resolve("openephys");
        Files.createDirectories(folder);
        Path source = SharedFiles.data("probe/openephys_legacy_16ch_40kHz");
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".continuous") && !f.getFileName().toString().endsWith("_CH1.continuous")) {
                    Path target = folder.resolve(f.getFileName());
                    if (!Files.exists(target)) {
                        Files.copy(f, target);
                    }
                }
            }
        }
        Files.copy(corruptChannel, folder.resolve(corruptChannel.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return OpenEphysLegacyReader.open(folder, ProbeOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> corruptedMessagesBecomeDeadLettersWithAReason() {
        SeededRandom random = new SeededRandom(7);
        List<DynamicTest> tests = new ArrayList<>();
        float[] data = new float[64 * 30];
        Arrays.fill(data, 1.5f);
        List<Object[]> codecs = List.of(
                new Object[] {"SampleFrame", RecordCodec.sampleFrames(SamplePacking.float32()),
                    new SampleFrame("probe", 1, 0, 30_000, 64, 30, data)},
                new Object[] {"EventBatch", RecordCodec.eventBatches(), new EventBatch("cam", 1, 34, 34,
                    new long[] {1, 2}, new short[] {3, 4}, new short[] {5, 6}, new byte[] {0, 1})},
                new Object[] {"SpikeBatch", RecordCodec.spikeBatches(), new SpikeBatch("implant", 1, 0, 1000, 96, 2,
                    new int[] {0, 1, 3}, new int[] {5, 1, 90})},
                new Object[] {"PacketRecord", RecordCodec.packets(), new PacketRecord(9, new FlowKey(new byte[4],
                    new byte[4], 1, 2, 6), new byte[40], 40, 3)},
                new Object[] {"Feedback", RecordCodec.feedback(), Feedback.ofVector("implant", 3, new float[] {1, 2})},
                new Object[] {"Decoding", RecordCodec.decodings(), new Decoding("implant", 3, new float[] {1, 2},
                    Decoding.NO_CLASS, Float.NaN, 1, 2)});
        for (Object[] c : codecs) {
            @SuppressWarnings("unchecked")
            RecordCodec<Object, ?> codec = (RecordCodec<Object, ?>) c[1];
            byte[] good = codec.encode(c[2]);
            for (int i = 0; i < 12; i++) {
                byte[] bad = mutateMessage(good, i, random);
                cases++;
                tests.add(DynamicTest.dynamicTest(c[0] + " message mutation " + i, () -> {
                    try {
                        codec.decode(bad);
                    } catch (WireFormatException e) {
                        assertThat(e.getMessage()).startsWith(e.reason().name());
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static byte[] mutateMessage(byte[] good, int kind, SeededRandom random) {
        byte[] b = good.clone();
        switch (kind % 6) {
            case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 2 -> b[2 + random.nextInt(8)] ^= 0x5A;
            case 3 -> b = Arrays.copyOf(b, b.length + 1 + random.nextInt(16));
            case 4 -> b[0] = (byte) random.nextInt(256);
            default -> {
                for (int k = 10; k < b.length; k++) {
                    b[k] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }

    /** Well-formed Avro whose values break the records' rules: each is an INVALID_RECORD with its reason. */
    @TestFactory
    Stream<DynamicTest> wellFormedMessagesWithImpossibleValuesAreInvalidRecords() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"samples shorter than channels x samples", RecordCodec.sampleFrames(SamplePacking.float32()),
            frame(64, 30, 30_000, 64 * 30 - 1, 0)});
        cases.add(new Object[] {"negative sample rate", RecordCodec.sampleFrames(SamplePacking.float32()),
            frame(4, 2, -250, 8, 0)});
        cases.add(new Object[] {"NaN sample rate", RecordCodec.sampleFrames(SamplePacking.float32()),
            frame(4, 2, Double.NaN, 8, 0)});
        cases.add(new Object[] {"a billion declared channels", RecordCodec.sampleFrames(SamplePacking.float32()),
            frame(1_000_000_000, 2, 1000, 8, 0)});
        cases.add(new Object[] {"negative sequence number", RecordCodec.sampleFrames(SamplePacking.float32()),
            frame(4, 2, 1000, 8, -5)});
        cases.add(new Object[] {"event outside the sensor", RecordCodec.eventBatches(), AvroEventBatch.newBuilder()
            .setSourceKey("cam").setSequence(0).setWidth(34).setHeight(34).setEventCount(1)
            .setTimestampsUs(le(8, 1)).setX(le(2, 40)).setY(le(2, 3)).setPolarity(ByteBuffer.wrap(new byte[] {1})).build()});
        cases.add(new Object[] {"events out of time order", RecordCodec.eventBatches(), AvroEventBatch.newBuilder()
            .setSourceKey("cam").setSequence(0).setWidth(34).setHeight(34).setEventCount(2)
            .setTimestampsUs(le(8, 9, 3)).setX(le(2, 1, 2)).setY(le(2, 3, 4)).setPolarity(ByteBuffer.wrap(new byte[] {1, 0}))
            .build()});
        cases.add(new Object[] {"spike bins that decrease", RecordCodec.spikeBatches(), AvroSpikeBatch.newBuilder()
            .setSourceKey("implant").setSequence(0).setStartTimeUs(0).setBinWidthUs(1000).setChannelCount(8)
            .setBinCount(2).setBinOffsets(le(4, 0, 2, 1)).setChannelIndices(le(4, 1)).build()});
        cases.add(new Object[] {"a spike on channel 8 of 8", RecordCodec.spikeBatches(), AvroSpikeBatch.newBuilder()
            .setSourceKey("implant").setSequence(0).setStartTimeUs(0).setBinWidthUs(1000).setChannelCount(8)
            .setBinCount(1).setBinOffsets(le(4, 0, 1)).setChannelIndices(le(4, 8)).build()});
        cases.add(new Object[] {"zero bin width", RecordCodec.spikeBatches(), AvroSpikeBatch.newBuilder()
            .setSourceKey("implant").setSequence(0).setStartTimeUs(0).setBinWidthUs(0).setChannelCount(8)
            .setBinCount(1).setBinOffsets(le(4, 0, 0)).setChannelIndices(le(4)).build()});
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
            byte[] message = new BinaryMessageEncoder<SpecificRecord>(SpecificData.get(),
                    ((SpecificRecord) c[2]).getSchema()).encode((SpecificRecord) c[2]).array();
            try {
                ((RecordCodec<?, ?>) c[1]).decode(message);
                fail("decoded a message with " + c[0]);
            } catch (WireFormatException e) {
                assertThat(e.reason()).isEqualTo(WireFormatException.Reason.INVALID_RECORD);
            }
        }));
    }

    private static AvroSampleFrame frame(int channels, int samples, double rate, int floats, long sequence) {
        return AvroSampleFrame.newBuilder().setSourceKey("probe").setSequence(sequence).setFirstSampleTimeUs(0)
                .setSampleRateHz(rate).setChannelCount(channels).setSampleCount(samples)
                .setEncoding(AvroSampleEncoding.FLOAT32_LE).setScale(1f).setSamples(ByteBuffer.allocate(4 * floats))
                .build();
    }

    private static ByteBuffer le(int width, long... values) {
        ByteBuffer b = ByteBuffer.allocate(width * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (width) {
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.flip();
    }
}
