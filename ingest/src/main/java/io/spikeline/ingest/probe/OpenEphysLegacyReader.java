package io.spikeline.ingest.probe;

import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a set of Open Ephys legacy {@code .continuous} files (one file per channel) in lock step as one
 * multi-channel stream of {@link SampleFrame}s in microvolts.
 *
 * <p>Each file is a 1024-byte text header ({@link OpenEphysHeader}) followed by records of
 * {@code int64 timestamp} (little-endian; the sample index of the record's first sample on the acquisition
 * clock), {@code uint16 N} (little-endian; the samples in the record, always the header's block length),
 * {@code uint16 recording number} (little-endian), N big-endian {@code int16} samples and the 10-byte record
 * marker {@code 0 1 2 3 4 5 6 7 8 255}. Sample {@code k} of a record is {@code int16 × bitVolts} µV at event
 * time {@code round((timestamp + k) × 10⁶ / sampleRate)} µs since acquisition start.
 *
 * <p>The channels' records must agree on their timestamps; a record whose timestamp does not continue the
 * previous one is a discontinuity (acquisition paused, a new recording), reported by {@link #pollGaps()},
 * and the frame after it starts at the record's own time. A wrong sample count, a corrupt record marker or
 * channels out of step raise an {@link IngestException} at the offending record, once the samples before it
 * have been delivered. A recording that ends
 * inside a record (the GUI was stopped while writing) ends cleanly after the last record complete in every
 * channel; the bytes left over are counted by {@link #truncatedTailBytes()}.
 */
public final class OpenEphysLegacyReader implements RecordReader<SampleFrame> {
    private static final byte[] RECORD_MARKER = {0, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 255};
    private static final int RECORD_PREFIX_BYTES = 12;
    private static final Pattern CHANNEL_FILE = Pattern.compile("(.*?)_?CH(\\d+)\\.continuous");

    private final List<Path> files;
    private final FileChannel[] channels;
    private final List<OpenEphysHeader> headers;
    private final String sourceKey;
    private final double sampleRateHz;
    private final int blockLength;
    private final int recordBytes;
    private final ByteBuffer record;
    private final float[] block;
    private final FrameAssembler frames;

    private long recordsRead;
    private int recordingNumber = -1;
    private long truncatedTailBytes;
    private boolean ended;

    private OpenEphysLegacyReader(List<Path> files, FileChannel[] channels, List<OpenEphysHeader> headers,
                                  ProbeOptions options) {
        this.files = files;
        this.channels = channels;
        this.headers = headers;
        OpenEphysHeader first = headers.get(0);
        for (int c = 1; c < headers.size(); c++) {
            OpenEphysHeader h = headers.get(c);
            if (h.sampleRateHz() != first.sampleRateHz() || h.blockLength() != first.blockLength()) {
                throw new IllegalArgumentException(files.get(c) + " holds " + h.sampleRateHz() + " Hz in blocks of "
                        + h.blockLength() + " but " + files.get(0) + " holds " + first.sampleRateHz()
                        + " Hz in blocks of " + first.blockLength() + "; read channels of one stream together");
            }
        }
        this.sampleRateHz = first.sampleRateHz();
        this.blockLength = first.blockLength();
        this.recordBytes = RECORD_PREFIX_BYTES + 2 * blockLength + RECORD_MARKER.length;
        this.record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        this.block = new float[blockLength * channels.length];
        Matcher m = CHANNEL_FILE.matcher(files.get(0).getFileName().toString());
        String derived = m.matches() && !m.group(1).isEmpty() ? m.group(1)
                : files.get(0).getFileName().toString().replace(".continuous", "");
        this.sourceKey = options.sourceKeyOr(derived);
        this.frames = new FrameAssembler(sourceKey, sampleRateHz, channels.length, options.samplesPerFrame(), 0);
    }

    /**
     * The channel files {@code [prefix_]CHn.continuous} of {@code directory}, ordered by {@code n} (not by
     * name, which would put CH10 before CH2).
     */
    public static List<Path> channelFiles(Path directory) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.continuous")) {
            for (Path p : entries) {
                if (CHANNEL_FILE.matcher(p.getFileName().toString()).matches()) {
                    found.add(p);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(directory + " holds no CHn.continuous files");
        }
        found.sort(Comparator.comparingInt(OpenEphysLegacyReader::channelNumber).thenComparing(Path::toString));
        return found;
    }

    private static int channelNumber(Path file) {
        Matcher m = CHANNEL_FILE.matcher(file.getFileName().toString());
        m.matches();
        return Integer.parseInt(m.group(2));
    }

    /** Reads every {@code CHn.continuous} file of {@code directory}, in channel-number order. */
    public static OpenEphysLegacyReader open(Path directory, ProbeOptions options) throws IOException {
        return open(channelFiles(directory), options);
    }

    /** Reads {@code files} in lock step; frame channel {@code c} is {@code files.get(c)}. */
    public static OpenEphysLegacyReader open(List<Path> files, ProbeOptions options) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no channel files given");
        }
        List<Path> list = List.copyOf(files);
        FileChannel[] channels = new FileChannel[list.size()];
        try {
            List<OpenEphysHeader> headers = new ArrayList<>();
            for (int c = 0; c < channels.length; c++) {
                channels[c] = FileChannel.open(list.get(c), StandardOpenOption.READ);
                ByteBuffer header = ByteBuffer.allocate(OpenEphysHeader.HEADER_BYTES);
                readFully(channels[c], header, 0);
                if (header.hasRemaining()) {
                    throw new IngestException(list.get(c).toString(), header.position(), "the file ends inside its "
                            + OpenEphysHeader.HEADER_BYTES + "-byte header");
                }
                headers.add(OpenEphysHeader.parse(list.get(c).toString(), header.array()));
            }
            return new OpenEphysLegacyReader(list, channels, List.copyOf(headers), options);
        } catch (IOException | RuntimeException e) {
            for (FileChannel ch : channels) {
                if (ch != null) {
                    ch.close();
                }
            }
            throw e;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                return;
            }
        }
    }

    /** The headers of the channel files, in frame channel order. */
    public List<OpenEphysHeader> headers() {
        return headers;
    }

    public List<Path> files() {
        return files;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    /** Records read so far from each channel file. */
    public long recordsRead() {
        return recordsRead;
    }

    /** The recording number of the last record read, or -1 before the first. */
    public int recordingNumber() {
        return recordingNumber;
    }

    /** Bytes after the last record complete in every channel, summed over the files; known at the end. */
    public long truncatedTailBytes() {
        return truncatedTailBytes;
    }

    /** The discontinuities found since the last call, in stream order. */
    public List<SampleGap> pollGaps() {
        return frames.pollGaps();
    }

    @Override
    public SampleFrame read() throws IOException {
        while (!frames.hasFrame() && !ended) {
            try {
                readRecord();
            } catch (IngestException e) {
                frames.fail(e);
                ended = true;
            }
        }
        return frames.poll();
    }

    private void readRecord() throws IOException {
        long offset = OpenEphysHeader.HEADER_BYTES + recordsRead * recordBytes;
        for (FileChannel ch : channels) {
            if (ch.size() - offset < recordBytes) {
                for (FileChannel c : channels) {
                    truncatedTailBytes += Math.max(0, c.size() - offset);
                }
                frames.flush();
                ended = true;
                return;
            }
        }
        long timestamp = 0;
        for (int c = 0; c < channels.length; c++) {
            String source = files.get(c).toString();
            record.clear();
            readFully(channels[c], record, offset);
            long ts = record.getLong(0);
            int n = Short.toUnsignedInt(record.getShort(8));
            int recording = Short.toUnsignedInt(record.getShort(10));
            if (n != blockLength) {
                throw new IngestException(source, offset + 8, "record " + recordsRead + " declares " + n
                        + " samples; expected the block length " + blockLength);
            }
            int markerAt = RECORD_PREFIX_BYTES + 2 * blockLength;
            for (int i = 0; i < RECORD_MARKER.length; i++) {
                if (record.get(markerAt + i) != RECORD_MARKER[i]) {
                    throw new IngestException(source, offset + markerAt + i, "record " + recordsRead
                            + " should end with the marker 0 1 2 3 4 5 6 7 8 255; byte " + i + " is "
                            + Byte.toUnsignedInt(record.get(markerAt + i)));
                }
            }
            if (c == 0) {
                timestamp = ts;
                recordingNumber = recording;
            } else if (ts != timestamp || recording != recordingNumber) {
                throw new IngestException(source, offset, "record " + recordsRead + " is timestamp " + ts
                        + " of recording " + recording + " but " + files.get(0).getFileName() + " has timestamp "
                        + timestamp + " of recording " + recordingNumber + ": the channel files are out of step");
            }
            double bitVolts = headers.get(c).bitVolts();
            int stride = channels.length;
            record.order(ByteOrder.BIG_ENDIAN);
            for (int s = 0; s < blockLength; s++) {
                block[s * stride + c] = (float) (record.getShort(RECORD_PREFIX_BYTES + 2 * s) * bitVolts);
            }
            record.order(ByteOrder.LITTLE_ENDIAN);
        }
        recordsRead++;
        frames.append(timestamp, block, 0, blockLength);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
