package io.spikeline.ingest.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one continuous stream of an Open Ephys "Binary" recording (GUI 0.5 and later) as
 * {@link SampleFrame}s in microvolts.
 *
 * <p>A recording folder holds {@code structure.oebin}, a JSON description whose {@code continuous} list
 * names each stream's {@code folder_name}, {@code sample_rate}, {@code num_channels} and per channel
 * {@code bit_volts} and {@code units}; the samples are in {@code continuous/<folder_name>/continuous.dat},
 * little-endian {@code int16}, channels interleaved. Each sample's number on the acquisition clock is in
 * {@code sample_numbers.npy} (GUI 0.6+), or in {@code timestamps.npy} when that holds integers (GUI 0.5); it
 * is read in step with the samples, so a jump in it starts a new frame and is reported as a gap. Without
 * either file the samples count from 0. Values: {@code int16 × bit_volts} in the channel's units, converted
 * to µV (units {@code uV}, {@code mV} or {@code V}). A {@code continuous.dat} that ends inside a sample ends the
 * stream cleanly; the partial bytes are counted in {@link #truncatedTailBytes()}.
 */
public final class OpenEphysBinaryReader implements RecordReader<SampleFrame> {
    private final String source;
    private final FileChannel data;
    private final NpyInt64Reader sampleNumbers;
    private final int channels;
    private final double sampleRateHz;
    private final double[] microvoltsPerBit;
    private final String sourceKey;
    private final ByteBuffer bytes;
    private final long[] numbers;
    private final float[] block;
    private final FrameAssembler frames;
    private final int samplesPerFrame;
    private long samplesRead;
    private long truncatedTail;
    private boolean ended;

    private OpenEphysBinaryReader(Path oebin, Stream stream, FileChannel data, NpyInt64Reader sampleNumbers,
                                  ProbeOptions options) {
        this.source = data.toString();
        this.data = data;
        this.sampleNumbers = sampleNumbers;
        this.channels = stream.bitVolts.length;
        this.sampleRateHz = stream.sampleRateHz;
        this.microvoltsPerBit = stream.bitVolts;
        this.sourceKey = options.sourceKeyOr(oebin.toAbsolutePath().getParent().getFileName() + "/" + stream.folder);
        this.samplesPerFrame = options.samplesPerFrame();
        this.bytes = ByteBuffer.allocate(samplesPerFrame * 2 * channels).order(ByteOrder.LITTLE_ENDIAN);
        this.numbers = new long[samplesPerFrame];
        this.block = new float[samplesPerFrame * channels];
        this.frames = new FrameAssembler(sourceKey, sampleRateHz, channels, samplesPerFrame, 0);
    }

    /** One continuous stream as structure.oebin describes it. */
    private record Stream(String folder, double sampleRateHz, double[] bitVolts) {}

    /** Opens the first continuous stream of the recording whose {@code structure.oebin} is {@code oebin}. */
    public static OpenEphysBinaryReader open(Path oebin, ProbeOptions options) throws IOException {
        return open(oebin, 0, options);
    }

    /** Opens continuous stream {@code streamIndex} (in {@code structure.oebin} order). */
    public static OpenEphysBinaryReader open(Path oebin, int streamIndex, ProbeOptions options) throws IOException {
        Stream stream = describe(oebin, streamIndex);
        Path folder = oebin.resolveSibling("continuous").resolve(stream.folder);
        Path dat = folder.resolve("continuous.dat");
        Path numbersFile = folder.resolve("sample_numbers.npy");
        if (!Files.exists(numbersFile)) {
            numbersFile = folder.resolve("timestamps.npy");
        }
        NpyInt64Reader numbers = Files.exists(numbersFile) ? NpyInt64Reader.openIfIntegers(numbersFile) : null;
        FileChannel channel;
        try {
            channel = FileChannel.open(dat, StandardOpenOption.READ);
        } catch (IOException e) {
            if (numbers != null) {
                numbers.close();
            }
            throw e;
        }
        return new OpenEphysBinaryReader(oebin, stream, channel, numbers, options);
    }

    private static Stream describe(Path oebin, int streamIndex) throws IOException {
        String where = oebin.toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(oebin, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IngestException(where, 0, "structure.oebin is not valid JSON: " + e.getMessage());
        }
        JsonNode continuous = root.path("continuous");
        if (!continuous.isArray() || continuous.size() == 0) {
            throw new IngestException(where, 0, "structure.oebin lists no 'continuous' streams");
        }
        if (streamIndex < 0 || streamIndex >= continuous.size()) {
            throw new IllegalArgumentException(where + " has " + continuous.size() + " continuous streams; stream "
                    + streamIndex + " does not exist");
        }
        JsonNode s = continuous.get(streamIndex);
        String folder = requireText(where, s, "folder_name", streamIndex).replaceAll("/+$", "");
        double rate = requireNumber(where, s, "sample_rate", streamIndex);
        int count = (int) requireNumber(where, s, "num_channels", streamIndex);
        JsonNode list = s.path("channels");
        if (rate <= 0 || count <= 0 || !list.isArray() || list.size() != count) {
            throw new IngestException(where, 0, "stream " + streamIndex + " ('" + folder + "') needs sample_rate > 0 and "
                    + "num_channels > 0 entries in 'channels'; found rate " + rate + ", num_channels " + count
                    + ", " + (list.isArray() ? list.size() : 0) + " channel entries");
        }
        double[] bitVolts = new double[count];
        for (int c = 0; c < count; c++) {
            JsonNode ch = list.get(c);
            double scale = requireNumber(where, ch, "bit_volts", streamIndex);
            String units = ch.path("units").asText("uV");
            double toMicrovolts = switch (units) {
                case "uV", "µV" -> 1;
                case "mV" -> 1e3;
                case "V" -> 1e6;
                default -> throw new IngestException(where, 0, "channel " + c + " of stream '" + folder + "' has units '"
                        + units + "'; expected uV, mV or V");
            };
            bitVolts[c] = scale * toMicrovolts;
        }
        return new Stream(folder, rate, bitVolts);
    }

    private static String requireText(String where, JsonNode node, String key, int stream) throws IngestException {
        if (!node.path(key).isTextual()) {
            throw new IngestException(where, 0, "continuous stream " + stream + " has no text field '" + key + "'");
        }
        return node.get(key).asText();
    }

    private static double requireNumber(String where, JsonNode node, String key, int stream) throws IngestException {
        if (!node.path(key).isNumber()) {
            throw new IngestException(where, 0, "continuous stream " + stream + " has no numeric field '" + key + "'");
        }
        return node.get(key).asDouble();
    }

    public String sourceKey() {
        return sourceKey;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    public int channelCount() {
        return channels;
    }

    public long truncatedTailBytes() {
        return truncatedTail;
    }

    /** Discontinuities in the sample numbers found since the last call. */
    public List<SampleGap> pollGaps() {
        return frames.pollGaps();
    }

    @Override
    public SampleFrame read() throws IOException {
        while (!frames.hasFrame() && !ended) {
            readBlock();
        }
        return frames.poll();
    }

    private void readBlock() throws IOException {
        bytes.clear();
        int n = 0;
        while (bytes.hasRemaining() && n >= 0) {
            n = data.read(bytes);
        }
        int count = bytes.position() / (2 * channels);
        if (count < samplesPerFrame) {
            truncatedTail = bytes.position() - (long) count * 2 * channels;
            ended = true;
        }
        if (sampleNumbers != null) {
            int got = sampleNumbers.read(numbers, count);
            if (got < count) {
                frames.fail(new IngestException(sampleNumbers.source(), sampleNumbers.offset(), "sample numbers end after "
                        + (samplesRead + got) + " entries but continuous.dat holds more samples"));
                ended = true;
                count = got;
            }
        }
        for (int s = 0; s < count; s++) {
            for (int c = 0; c < channels; c++) {
                block[s * channels + c] = (float) (bytes.getShort(2 * (s * channels + c)) * microvoltsPerBit[c]);
            }
        }
        appendRuns(count);
        samplesRead += count;
        if (ended) {
            frames.flush();
        }
    }

    /** Appends the block in runs of consecutive sample numbers, so that a jump starts a new frame. */
    private void appendRuns(int count) {
        int runStart = 0;
        for (int s = 1; s <= count; s++) {
            boolean runEnds = s == count || sampleNumbers != null && numbers[s] != numbers[s - 1] + 1;
            if (runEnds) {
                long first = sampleNumbers != null ? numbers[runStart] : samplesRead + runStart;
                frames.append(first, block, runStart, s - runStart);
                runStart = s;
            }
        }
    }

    @Override
    public void close() throws IOException {
        data.close();
        if (sampleNumbers != null) {
            sampleNumbers.close();
        }
    }

    /** Sequential reader of a one-dimensional little-endian int64 NumPy array ({@code .npy} v1–v3). */
    static final class NpyInt64Reader implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 15).order(ByteOrder.LITTLE_ENDIAN);
        private long offset;

        private NpyInt64Reader(Path file, FileChannel channel, long dataOffset) {
            this.file = file;
            this.channel = channel;
            this.offset = dataOffset;
            buffer.flip();
        }

        /** Opens {@code file} if it holds int64 values; null when it holds another type (float seconds). */
        static NpyInt64Reader openIfIntegers(Path file) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
                while (head.hasRemaining() && channel.read(head) >= 0) {
                    // read the fixed part of the header
                }
                byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
                for (int i = 0; i < magic.length; i++) {
                    if (head.position() < 12 || head.get(i) != magic[i]) {
                        throw new IngestException(file.toString(), i, "expected the NumPy magic \\x93NUMPY");
                    }
                }
                int major = head.get(6);
                long headerLength = major == 1 ? head.getShort(8) & 0xffff : head.getInt(8) & 0xffffffffL;
                long dataOffset = (major == 1 ? 10 : 12) + headerLength;
                ByteBuffer dict = ByteBuffer.allocate((int) headerLength);
                channel.position(major == 1 ? 10 : 12);
                while (dict.hasRemaining() && channel.read(dict) >= 0) {
                    // read the header dictionary
                }
                String header = new String(dict.array(), StandardCharsets.ISO_8859_1);
                if (!header.contains("'fortran_order': False")) {
                    throw new IngestException(file.toString(), 10, "expected a C-ordered array, header " + header.trim());
                }
                if (!header.contains("'descr': '<i8'")) {
                    channel.close();
                    return null;
                }
                channel.position(dataOffset);
                return new NpyInt64Reader(file, channel, dataOffset);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        String source() {
            return file.toString();
        }

        long offset() {
            return offset;
        }

        /** Reads up to {@code count} values into {@code into}; returns how many there were. */
        int read(long[] into, int count) throws IOException {
            int got = 0;
            while (got < count) {
                if (buffer.remaining() < 8) {
                    buffer.compact();
                    int n = channel.read(buffer);
                    buffer.flip();
                    if (n < 0 && buffer.remaining() < 8) {
                        break;
                    }
                    continue;
                }
                into[got++] = buffer.getLong();
                offset += 8;
            }
            return got;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
