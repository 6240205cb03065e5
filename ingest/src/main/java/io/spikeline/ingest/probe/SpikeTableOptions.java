package io.spikeline.ingest.probe;

import java.util.List;

/**
 * How to read a table of binned spikes and behaviour (see {@link SpikeTableReader}).
 *
 * @param sourceKey key of the produced records; {@code null} takes the file name without its extension
 * @param binWidthUs width of one row's bin in microseconds (positive); rows must be this far apart
 * @param binsPerBatch rows gathered into one {@code SpikeBatch} (positive)
 * @param timeColumn the column holding each row's time in seconds
 * @param unitColumns the spike-count columns, in channel order; empty takes every column whose name
 *     starts with {@code unit_}, in file order
 * @param feedbackColumns the columns forming each row's feedback target vector, in this order (non-empty)
 */
public record SpikeTableOptions(String sourceKey, long binWidthUs, int binsPerBatch, String timeColumn,
                                List<String> unitColumns, List<String> feedbackColumns) {

    /** The Neural Latents Benchmark prefix of sorted-unit columns. */
    public static final String UNIT_PREFIX = "unit_";

    public SpikeTableOptions {
        if (sourceKey != null && sourceKey.isEmpty()) {
            throw new IllegalArgumentException("source key must be null (derive it from the file name) or non-empty");
        }
        if (binWidthUs <= 0) {
            throw new IllegalArgumentException("bin width must be > 0 us, was " + binWidthUs);
        }
        if (binsPerBatch <= 0) {
            throw new IllegalArgumentException("bins per batch must be > 0, was " + binsPerBatch);
        }
        if (timeColumn == null || timeColumn.isEmpty()) {
            throw new IllegalArgumentException("time column must be named, was '" + timeColumn + "'");
        }
        unitColumns = List.copyOf(unitColumns);
        feedbackColumns = List.copyOf(feedbackColumns);
        if (feedbackColumns.isEmpty()) {
            throw new IllegalArgumentException("feedback columns must name at least one column");
        }
    }

    /** 1 ms bins, 20 bins per batch, time in {@code timestamp}, every {@code unit_*} column, hand velocity. */
    public static SpikeTableOptions defaults() {
        return new SpikeTableOptions(null, 1000, 20, "timestamp", List.of(), List.of("hand_vel_x", "hand_vel_y"));
    }

    public SpikeTableOptions withSourceKey(String key) {
        return new SpikeTableOptions(key, binWidthUs, binsPerBatch, timeColumn, unitColumns, feedbackColumns);
    }

    public SpikeTableOptions withBinsPerBatch(int bins) {
        return new SpikeTableOptions(sourceKey, binWidthUs, bins, timeColumn, unitColumns, feedbackColumns);
    }

    public SpikeTableOptions withBinWidthUs(long widthUs) {
        return new SpikeTableOptions(sourceKey, widthUs, binsPerBatch, timeColumn, unitColumns, feedbackColumns);
    }

    public SpikeTableOptions withUnitColumns(List<String> columns) {
        return new SpikeTableOptions(sourceKey, binWidthUs, binsPerBatch, timeColumn, columns, feedbackColumns);
    }

    public SpikeTableOptions withFeedbackColumns(List<String> columns) {
        return new SpikeTableOptions(sourceKey, binWidthUs, binsPerBatch, timeColumn, unitColumns, columns);
    }
}
