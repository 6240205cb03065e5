package io.spikeline.ingest.probe;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Streams a two-dimensional (or, for one channel, one-dimensional) numeric HDF5 dataset as
 * {@link SampleFrame}s in microvolts, reading one hyperslab of {@link ProbeOptions#samplesPerFrame()} time
 * points at a time so that memory stays bounded whatever the dataset size.
 *
 * <p>Two sources: an NWB {@code ElectricalSeries} ({@link #openElectricalSeries}), which describes itself,
 * and any array named by the caller ({@link #openArray}, e.g. a MATLAB v7.3 variable), described by
 * {@link Hdf5ArrayOptions}.
 *
 * <p>NWB: {@code data} is {@code [time × channels]}; volts {@code = data × channel_conversion[c] × conversion
 * + offset} ({@code conversion} and {@code offset} are attributes of {@code data}, defaulting to 1 and 0;
 * {@code channel_conversion} is an optional per-channel dataset of the series), and µV are 10⁶ times that.
 * Time comes from the scalar {@code starting_time} (seconds) with its {@code rate} attribute (Hz): sample
 * {@code n} is at {@code round(starting_time × 10⁶) + round(n × 10⁶ / rate)} µs. A series stamped instead
 * with {@code timestamps} (seconds, one per sample) is placed on a grid at the median interval of its first
 * 1024 timestamps: sample {@code n} gets index {@code round((t_n − t_0) × rate)}, so a pause in the
 * timestamps is a {@link SampleGap} and the frame after it starts at its own time; times are those of the
 * grid (within half a sample of the stored ones). Timestamps that do not increase raise an
 * {@link IngestException} once the samples before them have been delivered. {@code electrodes} (rows of the electrodes table) is read as small metadata.
 *
 * <p>Errors in the file's structure (a missing dataset or attribute, a wrong shape) are
 * {@link IngestException}s whose offset is the HDF5 object header address of the object concerned.
 */
public final class Hdf5SampleReader implements RecordReader<SampleFrame> {
    private static final String ELECTRICAL_SERIES = "ElectricalSeries";
    private static final int RATE_ESTIMATE_TIMESTAMPS = 1024;
    /** What jhdf returns for numeric HDF5 types; unsigned 64-bit integers arrive as BigInteger. */
    private static final Set<Class<?>> NUMERIC = Set.of(byte.class, short.class, int.class, long.class, float.class,
            double.class, BigInteger.class);

    private final HdfFile file;
    private final String source;
    private final Dataset data;
    private final Dataset timestamps;
    private final boolean channelsFirst;
    private final long sampleCount;
    private final int channelCount;
    private final double[] scale;
    private final double offsetUv;
    private final double sampleRateHz;
    private final double firstTimestampS;
    private final int[] electrodes;
    private final String sourceKey;
    private final int samplesPerFrame;
    private final float[] block;
    private final double[] values;
    private final double[] times;
    private final FrameAssembler frames;

    private long position;
    private long lastIndex = Long.MIN_VALUE;

    private Hdf5SampleReader(HdfFile file, String source, Dataset data, boolean channelsFirst, double[] scale,
                             double offsetUv, double sampleRateHz, long originUs, Dataset timestamps,
                             double firstTimestampS, int[] electrodes, String sourceKey, ProbeOptions options) {
        this.file = file;
        this.source = source;
        this.data = data;
        int[] dims = data.getDimensions();
        this.channelsFirst = channelsFirst;
        this.sampleCount = dims.length == 1 ? dims[0] : channelsFirst ? dims[1] : dims[0];
        this.channelCount = dims.length == 1 ? 1 : channelsFirst ? dims[0] : dims[1];
        this.scale = scale;
        this.offsetUv = offsetUv;
        this.sampleRateHz = sampleRateHz;
        this.timestamps = timestamps;
        this.firstTimestampS = firstTimestampS;
        this.electrodes = electrodes;
        this.sourceKey = sourceKey;
        this.samplesPerFrame = options.samplesPerFrame();
        this.block = new float[samplesPerFrame * channelCount];
        this.values = new double[Math.max(samplesPerFrame, channelCount)];
        this.times = new double[samplesPerFrame];
        this.frames = new FrameAssembler(sourceKey, sampleRateHz, channelCount, samplesPerFrame, originUs);
    }

    /**
     * Opens the NWB {@code ElectricalSeries} at {@code seriesPath} (e.g. {@code /acquisition/ElectricalSeries}),
     * or, when {@code seriesPath} is {@code null}, the only one under {@code /acquisition}.
     */
    public static Hdf5SampleReader openElectricalSeries(Path path, String seriesPath, ProbeOptions options)
            throws IOException {
        HdfFile file = openFile(path);
        try {
            String source = path.toString();
            String where = seriesPath != null ? seriesPath : onlySeries(source, file);
            Group series = group(source, file, where);
            String type = stringAttribute(series, "neurodata_type");
            if (!ELECTRICAL_SERIES.equals(type)) {
                throw new IngestException(source, series.getAddress(), where + " is a " + type + ", not an "
                        + ELECTRICAL_SERIES);
            }
            Dataset data = dataset(source, series, "data");
            requireShape(source, data);
            String unit = stringAttribute(data, "unit");
            if (unit != null && !unit.equals("volts")) {
                throw new IngestException(source, data.getAddress(), where + "/data has unit '" + unit
                        + "'; an ElectricalSeries is in volts");
            }
            double conversion = numberAttribute(source, data, "conversion", 1.0);
            double offset = numberAttribute(source, data, "offset", 0.0);
            int[] dims = data.getDimensions();
            int channels = dims.length == 1 ? 1 : dims[1];
            double[] scale = new double[channels];
            Arrays.fill(scale, conversion * 1e6);
            Node cc = series.getChild("channel_conversion");
            if (cc != null) {
                double[] perChannel = doubles(source, (Dataset) cc);
                if (perChannel.length != channels) {
                    throw new IngestException(source, cc.getAddress(), where + "/channel_conversion has "
                            + perChannel.length + " values for " + channels + " channels");
                }
                for (int c = 0; c < channels; c++) {
                    scale[c] *= perChannel[c];
                }
            }
            Node electrodesNode = series.getChild("electrodes");
            int[] electrodes = electrodesNode instanceof Dataset e ? ints(source, e) : new int[0];
            String key = options.sourceKeyOr(fileStem(path) + where.replace('/', '.'));
            Node start = series.getChild("starting_time");
            Node stamps = series.getChild("timestamps");
            if (start instanceof Dataset startingTime) {
                double startS = ((Number) scalar(source, startingTime)).doubleValue();
                double rate = numberAttribute(source, startingTime, "rate", Double.NaN);
                if (!(rate > 0) || Double.isInfinite(rate)) {
                    throw new IngestException(source, startingTime.getAddress(), where
                            + "/starting_time needs a rate attribute > 0 Hz, has " + rate);
                }
                return new Hdf5SampleReader(file, source, data, false, scale, offset * 1e6, rate,
                        Math.round(startS * 1e6), null, 0, electrodes, key, options);
            }
            if (stamps instanceof Dataset ts) {
                int samples = dims[0];
                if (ts.getDimensions().length != 1 || ts.getDimensions()[0] != samples) {
                    throw new IngestException(source, ts.getAddress(), where + "/timestamps has shape "
                            + Arrays.toString(ts.getDimensions()) + " for " + samples + " samples");
                }
                if (samples < 2) {
                    throw new IngestException(source, ts.getAddress(), where
                            + "/timestamps needs at least 2 samples to give a sample rate");
                }
                double[] first = slice(source, ts, 0, Math.min(samples, RATE_ESTIMATE_TIMESTAMPS + 1));
                double[] intervals = new double[first.length - 1];
                for (int i = 0; i < intervals.length; i++) {
                    intervals[i] = first[i + 1] - first[i];
                }
                Arrays.sort(intervals);
                double median = intervals[intervals.length / 2];
                if (!(median > 0)) {
                    throw new IngestException(source, ts.getAddress(), where
                            + "/timestamps do not increase: their median interval is " + median + " s");
                }
                return new Hdf5SampleReader(file, source, data, false, scale, offset * 1e6, 1 / median,
                        Math.round(first[0] * 1e6), ts, first[0], electrodes, key, options);
            }
            throw new IngestException(source, series.getAddress(), where
                    + " has neither starting_time (with rate) nor timestamps");
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Opens the array described by {@code array} in any HDF5 file, e.g. a MATLAB v7.3 {@code .mat} file. */
    public static Hdf5SampleReader openArray(Path path, Hdf5ArrayOptions array, ProbeOptions options)
            throws IOException {
        HdfFile file = openFile(path);
        try {
            String source = path.toString();
            Node node = node(source, file, array.datasetPath());
            if (!(node instanceof Dataset data)) {
                throw new IngestException(source, node.getAddress(), array.datasetPath() + " is a group, not a dataset");
            }
            requireShape(source, data);
            boolean channelsFirst = array.orientation() == Hdf5ArrayOptions.Orientation.CHANNELS_BY_SAMPLES;
            int[] dims = data.getDimensions();
            double[] scale = new double[dims.length == 1 ? 1 : channelsFirst ? dims[0] : dims[1]];
            Arrays.fill(scale, array.microvoltsPerUnit());
            String key = options.sourceKeyOr(fileStem(path) + array.datasetPath().replace('/', '.'));
            return new Hdf5SampleReader(file, source, data, channelsFirst, scale, 0, array.sampleRateHz(),
                    array.startTimeUs(), null, 0, new int[0], key, options);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The paths of the {@code ElectricalSeries} groups directly under {@code /acquisition}. */
    public static List<String> electricalSeries(Path path) throws IOException {
        try (HdfFile file = openFile(path)) {
            return seriesUnderAcquisition(file);
        }
    }

    private static List<String> seriesUnderAcquisition(HdfFile file) {
        List<String> out = new ArrayList<>();
        if (file.getChild("acquisition") instanceof Group acquisition) {
            for (Node child : acquisition) {
                if (child instanceof Group g && ELECTRICAL_SERIES.equals(stringAttribute(g, "neurodata_type"))) {
                    out.add("/acquisition/" + g.getName());
                }
            }
        }
        return out;
    }

    private static String onlySeries(String source, HdfFile file) throws IngestException {
        List<String> found = seriesUnderAcquisition(file);
        if (found.size() != 1) {
            throw new IngestException(source, 0, "expected one ElectricalSeries under /acquisition, found "
                    + found + "; name the series to read");
        }
        return found.get(0);
    }

    static HdfFile openFile(Path path) throws IOException {
        try {
            return new HdfFile(path);
        } catch (HdfException e) {
            throw new IngestException(path.toString(), 0, "not a readable HDF5 file: " + e.getMessage());
        }
    }

    static Node node(String source, Group root, String path) throws IngestException {
        try {
            return root.getHdfFile().getByPath(path);
        } catch (HdfException e) {
            throw new IngestException(source, root.getAddress(), "the file has no object " + path);
        }
    }

    private static Group group(String source, HdfFile file, String path) throws IngestException {
        Node node = node(source, file, path);
        if (!(node instanceof Group g)) {
            throw new IngestException(source, node.getAddress(), path + " is a dataset, not a group");
        }
        return g;
    }

    static Dataset dataset(String source, Group parent, String name) throws IngestException {
        Node node = parent.getChild(name);
        if (!(node instanceof Dataset d)) {
            throw new IngestException(source, parent.getAddress(), parent.getPath() + " has no dataset '" + name + "'");
        }
        return d;
    }

    private static void requireShape(String source, Dataset data) throws IngestException {
        int[] dims = data.getDimensions();
        if (dims.length < 1 || dims.length > 2 || !NUMERIC.contains(data.getJavaType())) {
            throw new IngestException(source, data.getAddress(), data.getPath() + " should be a 1- or 2-dimensional "
                    + "numeric array, is " + data.getJavaType() + " " + Arrays.toString(dims));
        }
        if (dims.length == 2 && (dims[0] == 0 || dims[1] == 0) || dims[0] == 0) {
            throw new IngestException(source, data.getAddress(), data.getPath() + " is empty: "
                    + Arrays.toString(dims));
        }
    }

    static String stringAttribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        return a == null ? null : String.valueOf(a.getData());
    }

    private static double numberAttribute(String source, Node node, String name, double absent)
            throws IngestException {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return absent;
        }
        Object value = a.getData();
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            value = Array.get(value, 0);
        }
        if (!(value instanceof Number n)) {
            throw new IngestException(source, node.getAddress(), node.getPath() + " attribute " + name
                    + " should be a number, is " + value);
        }
        return n.doubleValue();
    }

    private static Object scalar(String source, Dataset d) throws IngestException {
        Object value = d.getData();
        if (value != null && value.getClass().isArray() && Array.getLength(value) == 1) {
            value = Array.get(value, 0);
        }
        if (!(value instanceof Number)) {
            throw new IngestException(source, d.getAddress(), d.getPath() + " should be a number, is " + value);
        }
        return value;
    }

    /** A small one-dimensional numeric dataset, whole. */
    static double[] doubles(String source, Dataset d) throws IngestException {
        requireShape(source, d);
        return slice(source, d, 0, d.getDimensions()[0]);
    }

    static int[] ints(String source, Dataset d) throws IngestException {
        double[] v = doubles(source, d);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    /** Elements {@code [from, from + count)} of a one-dimensional numeric dataset. */
    static double[] slice(String source, Dataset d, long from, int count) throws IngestException {
        double[] out = new double[count];
        toDoubles(read(source, d, new long[] {from}, new int[] {count}), out);
        return out;
    }

    static Object read(String source, Dataset d, long[] offset, int[] shape) throws IngestException {
        try {
            return d.getData(offset, shape);
        } catch (HdfException e) {
            throw new IngestException(source, d.getAddress(), "cannot read " + d.getPath() + " at "
                    + Arrays.toString(offset) + " shape " + Arrays.toString(shape) + ": " + e.getMessage());
        }
    }

    /** Copies a one-dimensional primitive numeric array into {@code out}. */
    static void toDoubles(Object array, double[] out) {
        if (array instanceof double[] a) {
            System.arraycopy(a, 0, out, 0, a.length);
        } else if (array instanceof float[] a) {
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
        } else if (array instanceof short[] a) {
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
        } else if (array instanceof int[] a) {
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
        } else if (array instanceof long[] a) {
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
        } else if (array instanceof byte[] a) {
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
        } else if (array instanceof BigInteger[] a) {
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i].doubleValue();
            }
        } else {
            throw new IllegalStateException("not a numeric array: " + array.getClass());
        }
    }

    private static String fileStem(Path path) {
        String name = path.getFileName().toString();
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    public int channelCount() {
        return channelCount;
    }

    /** Time points in the dataset. */
    public long sampleCount() {
        return sampleCount;
    }

    /** Rows of the NWB electrodes table behind each channel; empty when the source does not say. */
    public int[] electrodes() {
        return electrodes.clone();
    }

    /** The discontinuities found since the last call, in stream order. */
    public List<SampleGap> pollGaps() {
        return frames.pollGaps();
    }

    @Override
    public SampleFrame read() throws IOException {
        while (!frames.hasFrame() && position < sampleCount) {
            try {
                readBlock();
            } catch (IngestException e) {
                frames.fail(e);
                position = sampleCount;
            }
        }
        if (!frames.hasFrame()) {
            frames.flush();
        }
        return frames.poll();
    }

    private void readBlock() throws IngestException {
        int n = (int) Math.min(samplesPerFrame, sampleCount - position);
        int channels = channelCount;
        if (data.getDimensions().length == 1) {
            toDoubles(read(source, data, new long[] {position}, new int[] {n}), values);
            for (int s = 0; s < n; s++) {
                block[s] = (float) (values[s] * scale[0] + offsetUv);
            }
        } else if (channelsFirst) {
            Object[] rows = (Object[]) read(source, data, new long[] {0, position}, new int[] {channels, n});
            for (int c = 0; c < channels; c++) {
                toDoubles(rows[c], values);
                for (int s = 0; s < n; s++) {
                    block[s * channels + c] = (float) (values[s] * scale[c] + offsetUv);
                }
            }
        } else {
            Object[] rows = (Object[]) read(source, data, new long[] {position, 0}, new int[] {n, channels});
            for (int s = 0; s < n; s++) {
                toDoubles(rows[s], values);
                for (int c = 0; c < channels; c++) {
                    block[s * channels + c] = (float) (values[c] * scale[c] + offsetUv);
                }
            }
        }
        if (timestamps == null) {
            frames.append(position, block, 0, n);
        } else {
            appendByTimestamps(n);
        }
        position += n;
    }

    /** Appends the block in runs of consecutive grid indices; each break between runs is a gap. */
    private void appendByTimestamps(int n) throws IngestException {
        toDoubles(read(source, timestamps, new long[] {position}, new int[] {n}), times);
        int runStart = 0;
        long runIndex = 0;
        for (int s = 0; s < n; s++) {
            long index = Math.round((times[s] - firstTimestampS) * sampleRateHz);
            if (lastIndex != Long.MIN_VALUE && index <= lastIndex) {
                if (s > runStart) {
                    frames.append(runIndex, block, runStart, s - runStart);
                }
                throw new IngestException(source, timestamps.getAddress(), timestamps.getPath() + " does not "
                        + "increase at sample " + (position + s) + " (" + times[s] + " s)");
            }
            if (s == 0) {
                runIndex = index;
            } else if (index != lastIndex + 1) {
                frames.append(runIndex, block, runStart, s - runStart);
                runStart = s;
                runIndex = index;
            }
            lastIndex = index;
        }
        frames.append(runIndex, block, runStart, n - runStart);
    }

    @Override
    public void close() {
        file.close();
    }
}
