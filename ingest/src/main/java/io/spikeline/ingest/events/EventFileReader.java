package io.spikeline.ingest.events;

import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.EventBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams an event-camera recording as {@link EventBatch}es, cut by {@link EventReaderOptions}, each numbered
 * from 0 in order. A format decoder reads the file a piece at a time (one chunk of fixed-size words, one
 * packet) and emits its events here; memory stays bounded by one piece plus one batch.
 *
 * <p>Every emitted event is checked against the sensor geometry: a coordinate outside it is an
 * {@link IngestException} at the byte offset of the word or packet that held it, and ends the reader (later
 * calls to {@link #read()} throw it again); only a reader whose packets stand alone (AEDAT 4) goes on after a
 * packet that does not decode. A timestamp earlier than its predecessor's takes the
 * predecessor's time and is counted ({@link EventReadStats#clampedTimestamps()}).
 */
public abstract sealed class EventFileReader implements RecordReader<EventBatch>
        permits NmnistReader, CsvEventReader, Evt2Reader, Evt3Reader, DatReader, Aedat4Reader, Aedat2Reader,
                Aedat31Reader {
    private static final int INITIAL_CAPACITY = 1024;

    final ByteInput in;
    final String source;
    private final EventReaderOptions options;
    private final String sourceKey;
    private int width;
    private int height;

    // Events decoded but not yet placed in a batch: one decoder piece at most.
    private long[] stagedT = new long[INITIAL_CAPACITY];
    private short[] stagedX = new short[INITIAL_CAPACITY];
    private short[] stagedY = new short[INITIAL_CAPACITY];
    private byte[] stagedP = new byte[INITIAL_CAPACITY];
    private int staged;
    private int head;

    private long[] batchT;
    private short[] batchX;
    private short[] batchY;
    private byte[] batchP;
    private int batchSize;
    private long nextSequence;

    private long lastT = Long.MIN_VALUE;
    private boolean ended;
    private IngestException failure;

    private long events;
    private long batches;
    private long clamped;
    long skippedEvents;
    long otherWords;
    long truncatedTailBytes;
    long corruptPackets;

    EventFileReader(Path file, EventReaderOptions options) throws IOException {
        this.in = new ByteInput(file);
        this.source = in.source();
        this.options = options;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.sourceKey = options.sourceKey() != null ? options.sourceKey() : dot > 0 ? name.substring(0, dot) : name;
        this.width = options.width();
        this.height = options.height();
    }

    /**
     * Sets the sensor geometry from the file, unless the options gave one; fails at {@code offset} when
     * neither has.
     */
    final void useGeometry(int fileWidth, int fileHeight, long offset, String where) throws IngestException {
        if (options.hasGeometry()) {
            return;
        }
        if (fileWidth <= 0 || fileHeight <= 0 || fileWidth > Short.MAX_VALUE || fileHeight > Short.MAX_VALUE) {
            throw new IngestException(source, offset, where + " gives no usable sensor geometry (" + fileWidth + "x"
                    + fileHeight + "); give width and height in the reader options");
        }
        width = fileWidth;
        height = fileHeight;
    }

    /** Closes the file when opening fails, so that a factory can let the exception through. */
    static <R extends EventFileReader> R openedOrClosed(R reader, Opener<R> header) throws IOException {
        try {
            header.readHeader(reader);
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    interface Opener<R> {
        void readHeader(R reader) throws IOException;
    }

    public final String sourceKey() {
        return sourceKey;
    }

    public final int width() {
        return width;
    }

    public final int height() {
        return height;
    }

    public final EventReadStats stats() {
        return new EventReadStats(events, batches, clamped, skippedEvents, otherWords, truncatedTailBytes,
                corruptPackets);
    }

    /**
     * Decodes the next piece of the file, emitting its events through {@link #emit}; returns false at the end of
     * the file. A piece may emit no event.
     */
    abstract boolean decodeMore() throws IOException;

    /** Whether the reader can go on after this exception from {@link #decodeMore()}: false unless overridden. */
    boolean resumesAfter(IngestException e) {
        return false;
    }

    final void emit(long timestampUs, int x, int y, int polarity, long offset) throws IngestException {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IngestException(source, offset, "event at (" + x + ", " + y + ") lies outside the " + width + "x"
                    + height + " sensor");
        }
        long t = timestampUs;
        if (t < lastT) {
            t = lastT;
            clamped++;
        }
        lastT = t;
        if (staged == stagedT.length) {
            int capacity = staged * 2;
            stagedT = Arrays.copyOf(stagedT, capacity);
            stagedX = Arrays.copyOf(stagedX, capacity);
            stagedY = Arrays.copyOf(stagedY, capacity);
            stagedP = Arrays.copyOf(stagedP, capacity);
        }
        stagedT[staged] = t;
        stagedX[staged] = (short) x;
        stagedY[staged] = (short) y;
        stagedP[staged] = (byte) polarity;
        staged++;
    }

    @Override
    public final EventBatch read() throws IOException {
        if (failure != null) {
            throw failure;
        }
        while (true) {
            while (head < staged) {
                if (batchSize > 0 && (batchSize == options.maxEventsPerBatch() || (options.maxBatchSpanUs() > 0
                        && stagedT[head] - batchT[0] >= options.maxBatchSpanUs()))) {
                    return finishBatch();
                }
                append(head++);
            }
            head = 0;
            staged = 0;
            if (batchSize == options.maxEventsPerBatch()) {
                return finishBatch();
            }
            if (ended) {
                return batchSize > 0 ? finishBatch() : null;
            }
            try {
                ended = !decodeMore();
            } catch (IngestException e) {
                head = 0;
                staged = 0;
                if (!resumesAfter(e)) {
                    failure = e;
                }
                throw e;
            }
        }
    }

    private void append(int i) {
        if (batchT == null) {
            int capacity = Math.min(options.maxEventsPerBatch(), INITIAL_CAPACITY);
            batchT = new long[capacity];
            batchX = new short[capacity];
            batchY = new short[capacity];
            batchP = new byte[capacity];
        } else if (batchSize == batchT.length) {
            int capacity = (int) Math.min(options.maxEventsPerBatch(), 2L * batchSize);
            batchT = Arrays.copyOf(batchT, capacity);
            batchX = Arrays.copyOf(batchX, capacity);
            batchY = Arrays.copyOf(batchY, capacity);
            batchP = Arrays.copyOf(batchP, capacity);
        }
        batchT[batchSize] = stagedT[i];
        batchX[batchSize] = stagedX[i];
        batchY[batchSize] = stagedY[i];
        batchP[batchSize] = stagedP[i];
        batchSize++;
    }

    private EventBatch finishBatch() {
        int n = batchSize;
        boolean exact = n == batchT.length;
        EventBatch batch = new EventBatch(sourceKey, nextSequence++, width, height,
                exact ? batchT : Arrays.copyOf(batchT, n), exact ? batchX : Arrays.copyOf(batchX, n),
                exact ? batchY : Arrays.copyOf(batchY, n), exact ? batchP : Arrays.copyOf(batchP, n));
        // The batch owns its arrays: the next one starts on fresh ones.
        batchT = null;
        batchSize = 0;
        events += n;
        batches++;
        return batch;
    }

    /**
     * Reads as many whole fixed-size records as fit in {@code chunk} and returns how many; the chunk's first
     * record lies at the offset the input had before the call. At the end of the file an incomplete final
     * record is counted in {@link EventReadStats#truncatedTailBytes()}.
     */
    final int readRecords(byte[] chunk, int recordSize) throws IOException {
        int got = in.readUpTo(chunk, 0, chunk.length);
        truncatedTailBytes += got % recordSize;
        return got / recordSize;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
