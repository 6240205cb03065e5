package io.spikeline.ingest.probe;

/**
 * How to bin the sorted spikes of an NWB units table (see {@link NwbUnitsReader}).
 *
 * @param sourceKey key of the produced batches; {@code null} takes the file name without its extension
 * @param unitsPath path of the units table, normally {@code /units}
 * @param binWidthUs width of a bin in microseconds (positive)
 * @param binsPerBatch bins per {@code SpikeBatch} (positive)
 */
public record NwbUnitsOptions(String sourceKey, String unitsPath, long binWidthUs, int binsPerBatch) {

    public NwbUnitsOptions {
        if (sourceKey != null && sourceKey.isEmpty()) {
            throw new IllegalArgumentException("source key must be null (derive it from the file name) or non-empty");
        }
        if (unitsPath == null || !unitsPath.startsWith("/")) {
            throw new IllegalArgumentException("units path must be absolute (start with /), was '" + unitsPath + "'");
        }
        if (binWidthUs <= 0) {
            throw new IllegalArgumentException("bin width must be > 0 us, was " + binWidthUs);
        }
        if (binsPerBatch <= 0) {
            throw new IllegalArgumentException("bins per batch must be > 0, was " + binsPerBatch);
        }
    }

    /** {@code /units} in 1 ms bins, 20 bins per batch. */
    public static NwbUnitsOptions defaults() {
        return new NwbUnitsOptions(null, "/units", 1000, 20);
    }

    public NwbUnitsOptions withSourceKey(String key) {
        return new NwbUnitsOptions(key, unitsPath, binWidthUs, binsPerBatch);
    }

    public NwbUnitsOptions withBinWidthUs(long widthUs) {
        return new NwbUnitsOptions(sourceKey, unitsPath, widthUs, binsPerBatch);
    }

    public NwbUnitsOptions withBinsPerBatch(int bins) {
        return new NwbUnitsOptions(sourceKey, unitsPath, binWidthUs, bins);
    }
}
