package io.spikeline.ingest.probe;

import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a comma-separated table of binned spikes and behaviour, one row per time bin, as exported from the
 * Neural Latents Benchmark (NWB {@code MC_Maze} trials resampled to 1 ms): a time column in seconds,
 * kinematic columns ({@code hand_vel_x}, ...) and one spike-count column per sorted unit ({@code unit_NNNN}).
 *
 * <p>{@link #read()} returns the spikes of up to {@link SpikeTableOptions#binsPerBatch()} consecutive rows
 * as one {@link SpikeBatch} (channel {@code c} = the {@code c}-th unit column; a count above one marks one
 * spike in the bin and the surplus is counted by {@link #mergedSpikes()}); {@link #pollFeedback()} hands out
 * one vector {@link Feedback} per row read, its target the selected columns and its event time the bin's
 * start, so {@code feedback.eventTimeUs() == batch.binStartTimeUs(b)}. A row with an empty or {@code nan}
 * target value has no feedback (counted by {@link #feedbackSkipped()}).
 *
 * <p>Time: a batch starts at its first row's time ({@code round(seconds × 10⁶)} µs); row {@code b} of a
 * batch is at {@code start + b × binWidth}. A row more than half a bin away from that is a gap: the batch
 * ends before it and the next one starts at the row's own time ({@link #gaps()} counts them). A row before
 * the previous one, a wrong number of fields or a value that is not a number raises an
 * {@link IngestException} naming the line and column, at the byte offset of the field; the rows before it
 * are delivered first, as a shorter batch.
 */
public final class SpikeTableReader implements RecordReader<SpikeBatch> {
    private final String source;
    private final InputStream in;
    private final SpikeTableOptions options;
    private final String sourceKey;
    private final List<String> header;
    private final int timeIndex;
    private final int[] unitIndex;
    private final int[] feedbackIndex;
    private final List<Feedback> feedback = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private final int[] fieldStart;
    private final int[] fieldEnd;
    private final float[] target;
    private final int[] rowChannels;

    private long offset;
    private long lineStart;
    private long lineNumber;
    private long rowsRead;
    private long gaps;
    private long mergedSpikes;
    private long feedbackSkipped;
    private long nextSequence;
    private long previousRowUs = Long.MIN_VALUE;
    private long nextExpectedUs = Long.MIN_VALUE;
    private boolean rowHeld;
    private long rowUs;
    private int rowSpikes;
    private boolean rowHasTarget;
    private IngestException pendingError;
    private boolean ended;

    private SpikeTableReader(String source, InputStream in, SpikeTableOptions options, String derivedKey)
            throws IOException {
        this.source = source;
        this.in = in;
        this.options = options;
        this.sourceKey = options.sourceKey() != null ? options.sourceKey() : derivedKey;
        if (!readLine()) {
            throw new IngestException(source, 0, "expected a header line naming the columns; the file is empty");
        }
        this.header = List.of(line.toString().split(",", -1));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim(), i);
        }
        this.timeIndex = column(columns, options.timeColumn());
        List<String> units = options.unitColumns();
        if (units.isEmpty()) {
            units = new ArrayList<>();
            for (String name : header) {
                if (name.trim().startsWith(SpikeTableOptions.UNIT_PREFIX)) {
                    units.add(name.trim());
                }
            }
            if (units.isEmpty()) {
                throw new IngestException(source, 0, "the header line has no " + SpikeTableOptions.UNIT_PREFIX
                        + "* columns; name the spike columns. Its columns: " + header);
            }
        }
        this.unitIndex = new int[units.size()];
        for (int i = 0; i < unitIndex.length; i++) {
            unitIndex[i] = column(columns, units.get(i));
        }
        this.feedbackIndex = new int[options.feedbackColumns().size()];
        for (int i = 0; i < feedbackIndex.length; i++) {
            feedbackIndex[i] = column(columns, options.feedbackColumns().get(i));
        }
        this.fieldStart = new int[header.size()];
        this.fieldEnd = new int[header.size()];
        this.target = new float[feedbackIndex.length];
        this.rowChannels = new int[unitIndex.length];
    }

    private int column(Map<String, Integer> columns, String name) throws IngestException {
        Integer index = columns.get(name);
        if (index == null) {
            throw new IngestException(source, 0, "the header line has no column '" + name + "'; its columns: " + header);
        }
        return index;
    }

    public static SpikeTableReader open(Path file, SpikeTableOptions options) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        String name = file.getFileName().toString();
        try {
            return new SpikeTableReader(file.toString(), in, options,
                    name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public String sourceKey() {
        return sourceKey;
    }

    /** The spike columns, in channel order. */
    public List<String> unitColumns() {
        List<String> out = new ArrayList<>();
        for (int i : unitIndex) {
            out.add(header.get(i).trim());
        }
        return out;
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** Rows that did not follow the previous one by one bin width. */
    public long gaps() {
        return gaps;
    }

    /** Spikes beyond the first in a unit's bin, which a binary {@link SpikeBatch} cannot hold. */
    public long mergedSpikes() {
        return mergedSpikes;
    }

    /** Rows read without feedback because a target value was missing. */
    public long feedbackSkipped() {
        return feedbackSkipped;
    }

    /** The feedback of the rows read since the last call, in row order. */
    public List<Feedback> pollFeedback() {
        List<Feedback> out = List.copyOf(feedback);
        feedback.clear();
        return out;
    }

    @Override
    public SpikeBatch read() throws IOException {
        if (pendingError != null) {
            IngestException e = pendingError;
            pendingError = null;
            ended = true;
            throw e;
        }
        if (ended) {
            return null;
        }
        if (!rowHeld && !nextRow()) {
            ended = true;
            return null;
        }
        long startUs = rowUs;
        if (nextExpectedUs != Long.MIN_VALUE && apart(startUs, nextExpectedUs)) {
            gaps++;
        }
        int[] binOffsets = new int[options.binsPerBatch() + 1];
        int[] channels = new int[Math.max(64, rowSpikes)];
        int spikes = 0;
        int bins = 0;
        while (true) {
            rowHeld = false;
            if (spikes + rowSpikes > channels.length) {
                channels = Arrays.copyOf(channels, 2 * (spikes + rowSpikes));
            }
            System.arraycopy(rowChannels, 0, channels, spikes, rowSpikes);
            spikes += rowSpikes;
            if (rowHasTarget) {
                feedback.add(Feedback.ofVector(sourceKey, startUs + bins * options.binWidthUs(), target));
            }
            binOffsets[++bins] = spikes;
            if (bins == options.binsPerBatch() || !nextRowOrHoldError()) {
                break;
            }
            rowHeld = true;
            if (apart(rowUs, startUs + bins * options.binWidthUs())) {
                break;
            }
        }
        nextExpectedUs = startUs + bins * options.binWidthUs();
        return new SpikeBatch(sourceKey, nextSequence++, startUs, options.binWidthUs(), unitIndex.length, bins,
                bins == binOffsets.length - 1 ? binOffsets : Arrays.copyOf(binOffsets, bins + 1),
                Arrays.copyOf(channels, spikes));
    }

    /** Like {@link #nextRow()}, but a malformed row is kept for the next call so the rows before it go out. */
    private boolean nextRowOrHoldError() throws IOException {
        try {
            return nextRow();
        } catch (IngestException e) {
            pendingError = e;
            return false;
        }
    }

    private boolean apart(long rowUs, long expectedUs) {
        return Math.abs(rowUs - expectedUs) * 2 > options.binWidthUs();
    }

    /** Reads, splits and parses the next row into the {@code row*} fields; false at the end. */
    private boolean nextRow() throws IOException {
        do {
            if (!readLine()) {
                return false;
            }
        } while (line.length() == 0);
        int fields = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                if (fields < fieldStart.length) {
                    fieldStart[fields] = start;
                    fieldEnd[fields] = i;
                }
                fields++;
                start = i + 1;
            }
        }
        if (fields != header.size()) {
            throw new IngestException(source, lineStart, "line " + lineNumber + " has " + fields
                    + " fields; the header names " + header.size() + " columns");
        }
        double seconds = number(timeIndex, "seconds");
        if (!Double.isFinite(seconds)) {
            throw error(timeIndex, "a finite time in seconds");
        }
        long timeUs = Math.round(seconds * 1e6);
        if (previousRowUs != Long.MIN_VALUE && timeUs <= previousRowUs) {
            throw error(timeIndex, "a time after the previous row's " + previousRowUs / 1e6 + " s");
        }
        int spikes = 0;
        long merged = 0;
        for (int c = 0; c < unitIndex.length; c++) {
            long count = count(unitIndex[c]);
            if (count > 0) {
                rowChannels[spikes++] = c;
                merged += count - 1;
            }
        }
        boolean hasTarget = true;
        for (int i = 0; i < feedbackIndex.length && hasTarget; i++) {
            int column = feedbackIndex[i];
            String text = field(column);
            if (text.isEmpty() || text.equalsIgnoreCase("nan")) {
                hasTarget = false;
            } else {
                double value = number(column, "a number");
                if (!Double.isFinite(value)) {
                    throw error(column, "a finite number, empty or nan");
                }
                target[i] = (float) value;
            }
        }
        previousRowUs = timeUs;
        rowUs = timeUs;
        rowSpikes = spikes;
        rowHasTarget = hasTarget;
        mergedSpikes += merged;
        feedbackSkipped += hasTarget ? 0 : 1;
        rowsRead++;
        return true;
    }

    private long count(int column) throws IngestException {
        double value = number(column, "a spike count");
        if (!(value >= 0) || value != Math.rint(value)) {
            throw error(column, "a spike count (a whole number >= 0)");
        }
        return (long) value;
    }

    private String field(int column) {
        return line.substring(fieldStart[column], fieldEnd[column]).trim();
    }

    private double number(int column, String expected) throws IngestException {
        try {
            return Double.parseDouble(field(column));
        } catch (NumberFormatException e) {
            throw error(column, expected);
        }
    }

    private IngestException error(int column, String expected) {
        return new IngestException(source, lineStart + fieldStart[column], "line " + lineNumber + ", column '"
                + header.get(column).trim() + "': expected " + expected + ", found '" + field(column) + "'");
    }

    /** Reads one line (without its terminator) into {@code line}; the table is ASCII. False at the end. */
    private boolean readLine() throws IOException {
        line.setLength(0);
        lineStart = offset;
        int b = in.read();
        if (b < 0) {
            return false;
        }
        lineNumber++;
        while (b >= 0 && b != '\n') {
            offset++;
            if (b != '\r') {
                line.append((char) b);
            }
            b = in.read();
        }
        if (b == '\n') {
            offset++;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
