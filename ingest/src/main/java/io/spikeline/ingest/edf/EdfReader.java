package io.spikeline.ingest.edf;

import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams an EDF, EDF+ (continuous or discontinuous) or BDF/BDF+ file as {@link SampleFrame}s of physical
 * values (scaled from the digital range in the header), one data record in memory at a time.
 *
 * <p>Event time: microseconds since 1970-01-01T00:00 of the header's start date and time read as UTC (EDF
 * stores local time without a zone), plus the record's onset: {@code index × record duration} for
 * contiguous files, the time-keeping annotation for EDF+D/BDF+D. A frame never spans a discontinuity: the
 * samples before it are delivered as a shorter frame. EDF+ annotations (other than time keeping) are
 * collected as they are read and handed out by {@link #pollAnnotations()}.
 *
 * <p>Errors: a truncated data record or a file shorter than its declared record count ends the stream
 * with an {@link IngestException} naming the offset, after every complete sample before it has been
 * delivered. Bytes after the declared records are ignored.
 */
public final class EdfReader implements RecordReader<SampleFrame> {
    private static final byte TAL_END = 0;
    private static final byte ANNOTATION_END = 20;
    private static final byte DURATION_MARK = 21;

    private final String source;
    private final FileChannel channel;
    private final EdfHeader header;
    private final String sourceKey;
    private final EdfSignal[] selected;
    private final int[] selectedByteOffset;
    private final EdfSignal annotationSignal;
    private final int annotationByteOffset;
    private final int samplesPerRecord;
    private final int samplesPerFrame;
    private final double sampleRateHz;
    private final long startEpochUs;
    private final ByteBuffer record;
    private final ArrayDeque<SampleFrame> ready = new ArrayDeque<>();
    private final List<EdfAnnotation> annotations = new ArrayList<>();

    private long recordsRead;
    private long nextSequence;
    private float[] pending;
    private int pendingSamples;
    private long pendingStartUs;
    private IngestException endError;
    private boolean ended;

    private EdfReader(Path file, FileChannel channel, EdfHeader header, EdfOptions options) {
        this.source = file.toString();
        this.channel = channel;
        this.header = header;
        String name = file.getFileName().toString();
        this.sourceKey = options.sourceKey() != null ? options.sourceKey()
                : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        this.selected = select(header, options.signalLabels(), file);
        this.samplesPerRecord = selected[0].samplesPerRecord();
        if (header.recordDurationS() <= 0) {
            throw new IllegalArgumentException(source + ": record duration is " + header.recordDurationS()
                    + " s, so its signals have no sample rate");
        }
        this.sampleRateHz = samplesPerRecord / header.recordDurationS();
        this.samplesPerFrame = options.samplesPerFrame() == 0 ? samplesPerRecord : options.samplesPerFrame();
        int[] byteOffsetOfSignal = new int[header.signals().size()];
        int at = 0;
        EdfSignal annotation = null;
        for (EdfSignal s : header.signals()) {
            byteOffsetOfSignal[s.index()] = at;
            at += s.samplesPerRecord() * header.variant().bytesPerSample();
            if (s.isAnnotation() && annotation == null) {
                annotation = s;
            }
        }
        this.selectedByteOffset = new int[selected.length];
        for (int c = 0; c < selected.length; c++) {
            selectedByteOffset[c] = byteOffsetOfSignal[selected[c].index()];
        }
        this.annotationSignal = annotation;
        this.annotationByteOffset = annotation == null ? -1 : byteOffsetOfSignal[annotation.index()];
        this.startEpochUs = header.start().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        this.record = ByteBuffer.allocate(header.recordBytes()).order(ByteOrder.LITTLE_ENDIAN);
        this.pending = new float[samplesPerFrame * selected.length];
    }

    /** Opens {@code file} and reads its header; the data records are read as frames are requested. */
    public static EdfReader open(Path file, EdfOptions options) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            EdfHeader header = EdfHeader.read(file.toString(), channel);
            return new EdfReader(file, channel, header, options);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static EdfSignal[] select(EdfHeader header, List<String> labels, Path file) {
        List<EdfSignal> chosen = new ArrayList<>();
        if (labels.isEmpty()) {
            for (EdfSignal s : header.signals()) {
                if (!s.isAnnotation()) {
                    chosen.add(s);
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException(file + " holds only annotation signals; there are no samples to read");
            }
        } else {
            for (String label : labels) {
                EdfSignal match = null;
                for (EdfSignal s : header.signals()) {
                    if (s.label().equals(label)) {
                        match = s;
                        break;
                    }
                }
                if (match == null || match.isAnnotation()) {
                    throw new IllegalArgumentException(file + " has no data signal labelled '" + label + "'; its signals: "
                            + labelsOf(header.signals()));
                }
                chosen.add(match);
            }
        }
        Map<Integer, List<EdfSignal>> byRate = new LinkedHashMap<>();
        for (EdfSignal s : chosen) {
            byRate.computeIfAbsent(s.samplesPerRecord(), k -> new ArrayList<>()).add(s);
        }
        if (byRate.size() > 1) {
            StringBuilder groups = new StringBuilder();
            byRate.forEach((samples, group) -> groups.append("; ").append(samples / header.recordDurationS())
                    .append(" Hz: ").append(labelsOf(group)));
            throw new IllegalArgumentException(file + ": the selected signals have different sample rates ("
                    + groups.substring(2) + "); select the signals of one rate by their labels");
        }
        return chosen.toArray(new EdfSignal[0]);
    }

    private static String labelsOf(List<EdfSignal> signals) {
        List<String> names = new ArrayList<>();
        for (EdfSignal s : signals) {
            names.add(s.label());
        }
        return names.toString();
    }

    public EdfHeader header() {
        return header;
    }

    /** The signals read into frame channels, in channel order. */
    public List<EdfSignal> channels() {
        return List.of(selected);
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    public String sourceKey() {
        return sourceKey;
    }

    /** Data records read so far. */
    public long recordsRead() {
        return recordsRead;
    }

    /** Event time (µs) of the recording start: the origin that annotation onsets are relative to. */
    public long startEpochUs() {
        return startEpochUs;
    }

    /** The annotations decoded since the last call, in file order. */
    public List<EdfAnnotation> pollAnnotations() {
        List<EdfAnnotation> out = new ArrayList<>(annotations);
        annotations.clear();
        return out;
    }

    @Override
    public SampleFrame read() throws IOException {
        while (ready.isEmpty() && !ended) {
            readRecord();
        }
        if (!ready.isEmpty()) {
            return ready.poll();
        }
        if (endError != null) {
            IngestException e = endError;
            endError = null;
            throw e;
        }
        return null;
    }

    private void readRecord() throws IOException {
        long offset = header.headerBytes() + recordsRead * (long) record.capacity();
        if (header.recordCount() >= 0 && recordsRead == header.recordCount()) {
            finish(null);
            return;
        }
        record.clear();
        while (record.hasRemaining()) {
            if (channel.read(record) < 0) {
                break;
            }
        }
        if (record.hasRemaining()) {
            int present = record.position();
            if (present == 0 && header.recordCount() < 0) {
                finish(null);
            } else if (present == 0) {
                finish(new IngestException(source, offset, "the header declares " + header.recordCount()
                        + " data records but the file ends after " + recordsRead));
            } else {
                finish(new IngestException(source, offset, "data record " + recordsRead + " is truncated: " + present
                        + " of " + record.capacity() + " bytes present"));
            }
            return;
        }
        record.flip();
        long onsetUs = Math.round(recordsRead * header.recordDurationS() * 1e6);
        if (annotationSignal != null) {
            onsetUs = readAnnotations(offset, onsetUs);
        }
        recordsRead++;
        long recordStartUs = startEpochUs + onsetUs;
        if (pendingSamples > 0 && recordStartUs != timeAfterPending()) {
            flushPending();
        }
        for (int s = 0; s < samplesPerRecord; ) {
            if (pendingSamples == 0) {
                pendingStartUs = recordStartUs + Math.round(s * 1e6 / sampleRateHz);
            }
            int take = Math.min(samplesPerFrame - pendingSamples, samplesPerRecord - s);
            decode(s, take);
            pendingSamples += take;
            s += take;
            if (pendingSamples == samplesPerFrame) {
                flushPending();
            }
        }
    }

    private long timeAfterPending() {
        return pendingStartUs + Math.round(pendingSamples * 1e6 / sampleRateHz);
    }

    private void decode(int fromSample, int count) {
        int channels = selected.length;
        boolean bdf = header.variant().bytesPerSample() == 3;
        for (int c = 0; c < channels; c++) {
            double scale = selected[c].scale();
            double offset = selected[c].offset();
            int base = selectedByteOffset[c];
            for (int i = 0; i < count; i++) {
                int digital;
                if (bdf) {
                    int at = base + 3 * (fromSample + i);
                    digital = (record.get(at) & 0xff) | (record.get(at + 1) & 0xff) << 8 | record.get(at + 2) << 16;
                } else {
                    digital = record.getShort(base + 2 * (fromSample + i));
                }
                pending[(pendingSamples + i) * channels + c] = (float) (offset + digital * scale);
            }
        }
    }

    private void flushPending() {
        float[] data = pending;
        if (pendingSamples < samplesPerFrame) {
            data = Arrays.copyOf(pending, pendingSamples * selected.length);
        } else {
            pending = new float[pending.length];
        }
        ready.add(new SampleFrame(sourceKey, nextSequence++, pendingStartUs, sampleRateHz, selected.length,
                pendingSamples, data));
        pendingSamples = 0;
    }

    private void finish(IngestException error) {
        if (pendingSamples > 0) {
            flushPending();
        }
        endError = error;
        ended = true;
    }

    /**
     * Decodes the time-stamped annotation lists (TALs) of the current record and returns its onset: the
     * first TAL of every EDF+ record keeps time ({@code +onset\x14\x14\0}); later TALs carry annotations
     * {@code +onset[\x15duration]\x14text\x14[text\x14...]\0}.
     */
    private long readAnnotations(long recordOffset, long defaultOnsetUs) throws IngestException {
        int start = annotationByteOffset;
        int end = start + annotationSignal.samplesPerRecord() * header.variant().bytesPerSample();
        long onsetUs = defaultOnsetUs;
        boolean first = true;
        int i = start;
        while (i < end) {
            if (record.get(i) == TAL_END) {
                i++;
                continue;
            }
            int talEnd = i;
            while (talEnd < end && record.get(talEnd) != TAL_END) {
                talEnd++;
            }
            String[] parts = new String(record.array(), i, talEnd - i, StandardCharsets.UTF_8)
                    .split(String.valueOf((char) ANNOTATION_END), -1);
            String[] timing = parts[0].split(String.valueOf((char) DURATION_MARK), -1);
            long talOnsetUs;
            long durationUs = EdfAnnotation.NO_DURATION;
            try {
                talOnsetUs = Math.round(Double.parseDouble(timing[0]) * 1e6);
                if (timing.length > 1 && !timing[1].isEmpty()) {
                    durationUs = Math.round(Double.parseDouble(timing[1]) * 1e6);
                }
            } catch (NumberFormatException e) {
                throw new IngestException(source, recordOffset + i, "annotation onset should read +seconds[\\x15"
                        + "duration], found '" + parts[0].replaceAll("\\p{Cntrl}", "?") + "'");
            }
            if (first) {
                onsetUs = talOnsetUs;
                first = false;
            }
            for (int p = 1; p < parts.length; p++) {
                if (!parts[p].isEmpty()) {
                    annotations.add(new EdfAnnotation(talOnsetUs, durationUs, parts[p]));
                }
            }
            i = talEnd;
        }
        return header.variant().isDiscontinuous() ? onsetUs : defaultOnsetUs;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
