package io.spikeline.ingest.probe;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.SpikeBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams the sorted spikes of an NWB units table as {@link SpikeBatch}es: channel {@code u} is row {@code u}
 * of the table.
 *
 * <p>NWB stores the spike times (seconds) of all units in one ragged column: {@code spike_times} holds the
 * times of unit 0, then unit 1, ...; {@code spike_times_index[u]} is the end (exclusive) of unit {@code u}'s
 * run. Each unit's times are read through a small window of the column ({@value #WINDOW} times), so memory
 * grows with the number of units, not with the number of spikes. A spike at {@code t} seconds is at
 * {@code round(t × 10⁶)} µs; the first batch starts at the bin (a multiple of the bin width) holding the
 * earliest spike, batches follow without gaps, and the last one ends at the bin of the last spike. Two
 * spikes of one unit in one bin are one spike in the batch; the rest are counted by {@link #mergedSpikes()}.
 * A unit whose times decrease, or an index that runs past the column, raises an {@link IngestException} at
 * the HDF5 object header of the dataset concerned.
 */
public final class NwbUnitsReader implements RecordReader<SpikeBatch> {
    static final int WINDOW = 256;

    private final HdfFile file;
    private final String source;
    private final Dataset spikeTimes;
    private final String sourceKey;
    private final long binWidthUs;
    private final int binsPerBatch;
    private final long[] unitIds;
    private final long[] next;
    private final long[] end;
    private final long[] windowFrom;
    private final double[][] window;
    private final long[] lastUs;
    private int[] pairBin = new int[256];
    private int[] pairUnit = new int[256];

    private long batchStartUs;
    private long nextSequence;
    private long mergedSpikes;
    private boolean ended;

    private NwbUnitsReader(HdfFile file, String source, Dataset spikeTimes, long[] ends, long[] unitIds,
                           String sourceKey, NwbUnitsOptions options) throws IngestException {
        this.file = file;
        this.source = source;
        this.spikeTimes = spikeTimes;
        this.sourceKey = sourceKey;
        this.binWidthUs = options.binWidthUs();
        this.binsPerBatch = options.binsPerBatch();
        this.unitIds = unitIds;
        int units = ends.length;
        this.end = ends;
        this.next = new long[units];
        this.windowFrom = new long[units];
        this.window = new double[units][];
        this.lastUs = new long[units];
        Arrays.fill(lastUs, Long.MIN_VALUE);
        long earliestUs = Long.MAX_VALUE;
        for (int u = 0; u < units; u++) {
            next[u] = u == 0 ? 0 : ends[u - 1];
            windowFrom[u] = next[u];
            window[u] = new double[0];
            if (next[u] < end[u]) {
                earliestUs = Math.min(earliestUs, peekUs(u));
            }
        }
        this.ended = earliestUs == Long.MAX_VALUE;
        this.batchStartUs = ended ? 0 : Math.floorDiv(earliestUs, binWidthUs) * binWidthUs;
    }

    public static NwbUnitsReader open(Path path, NwbUnitsOptions options) throws IOException {
        HdfFile file = Hdf5SampleReader.openFile(path);
        try {
            String source = path.toString();
            Node node = Hdf5SampleReader.node(source, file, options.unitsPath());
            if (!(node instanceof Group units)) {
                throw new IngestException(source, node.getAddress(), options.unitsPath() + " is not a group");
            }
            Dataset times = Hdf5SampleReader.dataset(source, units, "spike_times");
            Dataset index = Hdf5SampleReader.dataset(source, units, "spike_times_index");
            double[] rawEnds = Hdf5SampleReader.doubles(source, index);
            long total = times.getDimensions().length == 1 ? times.getDimensions()[0] : -1;
            long[] ends = new long[rawEnds.length];
            for (int u = 0; u < ends.length; u++) {
                ends[u] = (long) rawEnds[u];
                if (ends[u] < (u == 0 ? 0 : ends[u - 1]) || ends[u] > total) {
                    throw new IngestException(source, index.getAddress(), "spike_times_index[" + u + "] = " + ends[u]
                            + " should not decrease and should stay within the " + total + " spike_times");
                }
            }
            long[] ids = new long[ends.length];
            Node id = units.getChild("id");
            if (id instanceof Dataset idData) {
                double[] raw = Hdf5SampleReader.doubles(source, idData);
                for (int u = 0; u < Math.min(raw.length, ids.length); u++) {
                    ids[u] = (long) raw[u];
                }
            } else {
                Arrays.setAll(ids, u -> u);
            }
            String name = path.getFileName().toString();
            String key = options.sourceKey() != null ? options.sourceKey()
                    : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            return new NwbUnitsReader(file, source, times, ends, ids, key, options);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public String sourceKey() {
        return sourceKey;
    }

    public int unitCount() {
        return end.length;
    }

    /** The {@code id} column of the table (row numbers when it has none), in channel order. */
    public long[] unitIds() {
        return unitIds.clone();
    }

    /** Spikes beyond the first of a unit within one bin. */
    public long mergedSpikes() {
        return mergedSpikes;
    }

    /** The time of unit {@code u}'s next spike in µs; the unit must have one left. */
    private long peekUs(int u) throws IngestException {
        int at = (int) (next[u] - windowFrom[u]);
        if (at >= window[u].length) {
            int count = (int) Math.min(WINDOW, end[u] - next[u]);
            window[u] = Hdf5SampleReader.slice(source, spikeTimes, next[u], count);
            windowFrom[u] = next[u];
            at = 0;
        }
        return Math.round(window[u][at] * 1e6);
    }

    @Override
    public SpikeBatch read() throws IOException {
        if (ended) {
            return null;
        }
        long batchEndUs = batchStartUs + binsPerBatch * binWidthUs;
        int pairs = 0;
        int lastBin = -1;
        boolean more = false;
        for (int u = 0; u < end.length; u++) {
            int unitLastBin = -1;
            while (next[u] < end[u]) {
                long t = peekUs(u);
                if (t < lastUs[u]) {
                    throw new IngestException(source, spikeTimes.getAddress(), "spike_times of unit " + u
                            + " decrease at index " + next[u] + " (" + t + " us after " + lastUs[u] + " us)");
                }
                if (t >= batchEndUs) {
                    more = true;
                    break;
                }
                lastUs[u] = t;
                next[u]++;
                int bin = (int) ((t - batchStartUs) / binWidthUs);
                if (bin == unitLastBin) {
                    mergedSpikes++;
                    continue;
                }
                unitLastBin = bin;
                if (pairs == pairBin.length) {
                    pairBin = Arrays.copyOf(pairBin, 2 * pairs);
                    pairUnit = Arrays.copyOf(pairUnit, 2 * pairs);
                }
                pairBin[pairs] = bin;
                pairUnit[pairs++] = u;
                lastBin = Math.max(lastBin, bin);
            }
        }
        int bins = more ? binsPerBatch : lastBin + 1;
        int[] offsets = new int[bins + 1];
        for (int i = 0; i < pairs; i++) {
            offsets[pairBin[i] + 1]++;
        }
        for (int b = 0; b < bins; b++) {
            offsets[b + 1] += offsets[b];
        }
        int[] fill = Arrays.copyOf(offsets, bins);
        int[] channels = new int[pairs];
        // Pairs come unit by unit, so each bin receives its units in increasing order.
        for (int i = 0; i < pairs; i++) {
            channels[fill[pairBin[i]]++] = pairUnit[i];
        }
        SpikeBatch batch = new SpikeBatch(sourceKey, nextSequence++, batchStartUs, binWidthUs, end.length, bins,
                offsets, channels);
        batchStartUs = batchEndUs;
        ended = !more;
        return batch;
    }

    @Override
    public void close() {
        file.close();
    }
}
