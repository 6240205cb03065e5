package io.spikeline.ingest.probe;

import io.spikeline.ingest.IngestException;
import io.spikeline.ingest.RecordReader;
import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Streams a SpikeGLX binary file ({@code *.imecN.ap.bin}, {@code *.imecN.lf.bin}, {@code *.nidq.bin},
 * {@code *.obxN.obx.bin}) as {@link SampleFrame}s in microvolts, using the {@code .meta} file beside it.
 *
 * <p>The {@code .bin} file has no header: little-endian {@code int16} samples, {@code nSavedChans} per time
 * point, interleaved. The stream type is {@code typeThis}; its keys carry a prefix ({@code im}, {@code ni},
 * {@code ob}). The conversion, from the SpikeGLX metadata guide, is
 * <pre>
 *   µV = int16 × 10⁶ × AiRangeMax / MaxInt / gain
 * </pre>
 * with {@code AiRangeMax} in volts ({@code AiRangeMin} must be its negative) and {@code MaxInt} the largest
 * positive code ({@code imMaxInt}, 512 for Neuropixels 1.0 metadata that predates the key). Gains:
 * <ul>
 *   <li>imec: saved channel {@code j} was acquired as {@code k = snsSaveChanSubset[j]}; with
 *       {@code acqApLfSy = nAP,nLF,nSY}, {@code k < nAP} is AP and {@code k < nAP + nLF} is LF. Neuropixels
 *       1.0-style probes ({@code imDatPrb_type} absent or 0, 1020, 1030, 1100, 1120–1123, 1200, 1300) give each
 *       channel its own gains in {@code ~imroTbl=(type,n)(chan bank ref apGain lfGain hpFilter)...}; other
 *       probes give {@code imChan0apGain}/{@code imChan0lfGain}, or a fixed gain (80 for types 21 and 24,
 *       100 for 2013). SY channels are left out.</li>
 *   <li>nidq: {@code snsMnMaXaDw} counts the saved channels by kind: MN at gain {@code niMNGain}, MA at
 *       {@code niMAGain}, XA at 1; digital words are left out.</li>
 *   <li>obx: {@code snsXaDwSy}: XA at gain 1; digital words and SY are left out.</li>
 * </ul>
 * Event time: sample {@code n} of the file is sample {@code firstSample + n} of the stream's acquisition
 * clock, at {@code round((firstSample + n) × 10⁶ / SampRate)} µs.
 *
 * <p>Missing keys, and keys that contradict each other or the file ({@code nSavedChans} against the channel
 * counts, {@code fileSizeBytes} against the {@code .bin} size, too short an {@code imroTbl}), fail at
 * {@link #open} with an {@link IngestException} naming the key.
 */
public final class SpikeGlxReader implements RecordReader<SampleFrame> {
    private static final Set<Integer> NP1_IMRO_TYPES = Set.of(0, 1020, 1030, 1100, 1120, 1121, 1122, 1123, 1200, 1300);

    private final FileChannel channel;
    private final SpikeGlxMeta meta;
    private final String sourceKey;
    private final double sampleRateHz;
    private final long firstSample;
    private final int savedChannels;
    private final List<SpikeGlxChannel> channels;
    private final int[] savedIndex;
    private final double[] scale;
    private final int samplesPerFrame;
    private final ByteBuffer bytes;
    private final float[] block;
    private final FrameAssembler frames;

    private long samplesRead;
    private boolean ended;

    private SpikeGlxReader(Path bin, FileChannel channel, SpikeGlxMeta meta, ProbeOptions options) throws IOException {
        this.channel = channel;
        this.meta = meta;
        String name = bin.getFileName().toString();
        this.sourceKey = options.sourceKeyOr(name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name);
        String type = meta.text("typeThis");
        String prefix = switch (type) {
            case "imec" -> "im";
            case "nidq" -> "ni";
            case "obx" -> "ob";
            default -> throw meta.invalid("typeThis", "imec, nidq or obx");
        };
        this.sampleRateHz = meta.number(prefix + "SampRate");
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw meta.invalid(prefix + "SampRate", "a rate > 0 Hz");
        }
        long saved = meta.integer("nSavedChans");
        if (saved <= 0 || saved > 65_535) {
            throw meta.invalid("nSavedChans", "a channel count in 1..65535");
        }
        this.savedChannels = (int) saved;
        this.firstSample = meta.integer("firstSample");
        long fileSize = meta.integer("fileSizeBytes");
        if (fileSize != channel.size()) {
            throw new IngestException(meta.source(), 0, "fileSizeBytes=" + fileSize + " contradicts the size of "
                    + bin + " (" + channel.size() + " bytes): the metadata belongs to another file or the copy is "
                    + "incomplete");
        }
        if (fileSize % (2L * savedChannels) != 0) {
            throw meta.invalid("fileSizeBytes", "a whole number of time points of nSavedChans=" + savedChannels
                    + " int16 samples");
        }
        double rangeMax = meta.number(prefix + "AiRangeMax");
        double rangeMin = meta.number(prefix + "AiRangeMin");
        if (!(rangeMax > 0) || rangeMin != -rangeMax) {
            throw new IngestException(meta.source(), 0, prefix + "AiRangeMin=" + rangeMin + " and " + prefix
                    + "AiRangeMax=" + rangeMax + " should span a symmetric range -V..V with V > 0");
        }
        String maxIntKey = prefix + "MaxInt";
        double maxInt = type.equals("imec") && !meta.has(maxIntKey) && NP1_IMRO_TYPES.contains(probeType(meta))
                ? 512 : meta.integer(maxIntKey);
        if (maxInt <= 0) {
            throw meta.invalid(maxIntKey, "a positive integer");
        }
        double microvoltsPerCode = 1e6 * rangeMax / maxInt;
        this.channels = List.copyOf(switch (type) {
            case "imec" -> imecChannels(meta, savedChannels, microvoltsPerCode);
            case "nidq" -> nidqChannels(meta, savedChannels, microvoltsPerCode);
            default -> obxChannels(meta, savedChannels, microvoltsPerCode);
        });
        if (channels.isEmpty()) {
            throw new IngestException(meta.source(), 0, bin + " holds only digital words; no analog channel to read");
        }
        this.savedIndex = new int[channels.size()];
        this.scale = new double[channels.size()];
        for (int c = 0; c < channels.size(); c++) {
            savedIndex[c] = channels.get(c).savedIndex();
            scale[c] = channels.get(c).microvoltsPerBit();
        }
        this.samplesPerFrame = options.samplesPerFrame();
        this.bytes = ByteBuffer.allocate(samplesPerFrame * 2 * savedChannels).order(ByteOrder.LITTLE_ENDIAN);
        this.block = new float[samplesPerFrame * channels.size()];
        this.frames = new FrameAssembler(sourceKey, sampleRateHz, channels.size(), samplesPerFrame, 0);
    }

    /** Opens {@code bin} with the metadata of the {@code .meta} file of the same name beside it. */
    public static SpikeGlxReader open(Path bin, ProbeOptions options) throws IOException {
        String name = bin.getFileName().toString();
        Path metaFile = bin.resolveSibling((name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name)
                + ".meta");
        SpikeGlxMeta meta = SpikeGlxMeta.read(metaFile);
        FileChannel channel = FileChannel.open(bin, StandardOpenOption.READ);
        try {
            return new SpikeGlxReader(bin, channel, meta, options);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static int probeType(SpikeGlxMeta meta) throws IngestException {
        return meta.has("imDatPrb_type") ? (int) meta.integer("imDatPrb_type") : 0;
    }

    private static List<SpikeGlxChannel> imecChannels(SpikeGlxMeta meta, int saved,
            double microvoltsPerCode) throws IngestException {
        int[] savedCounts = meta.integers("snsApLfSy", 3);
        requireSum(meta, "snsApLfSy", savedCounts, saved);
        int[] acquired = meta.integers("acqApLfSy", 3);
        int nAp = acquired[0];
        int nLf = acquired[1];
        double[] apGain = new double[nAp];
        double[] lfGain = new double[nLf];
        int type = probeType(meta);
        String gainKey = NP1_IMRO_TYPES.contains(type) ? "imroTbl"
                : meta.has("imChan0apGain") ? "imChan0apGain" : "imDatPrb_type";
        if (NP1_IMRO_TYPES.contains(type)) {
            String[] entries = meta.text("imroTbl").split("\\)");
            if (entries.length < nAp + 1) {
                throw meta.invalid("imroTbl", "a header and " + nAp + " channel entries (acqApLfSy), found "
                        + (entries.length - 1));
            }
            for (int i = 0; i < nAp; i++) {
                String[] fields = entries[i + 1].replace("(", "").trim().split("\\s+");
                if (fields.length < 5) {
                    throw meta.invalid("imroTbl", "entries (chan bank ref apGain lfGain hpFilter); entry " + i
                            + " has " + fields.length + " fields");
                }
                try {
                    apGain[i] = Double.parseDouble(fields[3]);
                    if (i < nLf) {
                        lfGain[i] = Double.parseDouble(fields[4]);
                    }
                } catch (NumberFormatException e) {
                    throw meta.invalid("imroTbl", "numeric gains; entry " + i + " reads '" + entries[i + 1] + "'");
                }
            }
        } else if (meta.has("imChan0apGain")) {
            Arrays.fill(apGain, meta.number("imChan0apGain"));
            if (nLf > 0) {
                Arrays.fill(lfGain, meta.number("imChan0lfGain"));
            }
        } else if (type == 21 || type == 24) {
            Arrays.fill(apGain, 80);
        } else if (type == 2013) {
            Arrays.fill(apGain, 100);
        } else {
            throw new IngestException(meta.source(), 0, "the metadata has no value for imChan0apGain, which probe "
                    + "type imDatPrb_type=" + type + " needs for its gain");
        }
        int[] acquiredIndex = savedToAcquired(meta, saved);
        int[] kinds = new int[3];
        for (int k : acquiredIndex) {
            kinds[k < nAp ? 0 : k < nAp + nLf ? 1 : 2]++;
        }
        if (!Arrays.equals(kinds, savedCounts)) {
            String subset = meta.entries().getOrDefault("snsSaveChanSubset", "all");
            throw new IngestException(meta.source(), 0, "snsSaveChanSubset=" + subset
                    + " saves " + kinds[0] + " AP, " + kinds[1] + " LF and " + kinds[2] + " SY channels of acqApLfSy="
                    + meta.text("acqApLfSy") + ", but snsApLfSy=" + meta.text("snsApLfSy"));
        }
        List<SpikeGlxChannel> out = new ArrayList<>();
        for (int j = 0; j < saved; j++) {
            int k = acquiredIndex[j];
            if (k < nAp) {
                out.add(channel(meta, j, k, SpikeGlxChannel.Kind.AP, apGain[k], gainKey,
                        microvoltsPerCode));
            } else if (k < nAp + nLf) {
                out.add(channel(meta, j, k, SpikeGlxChannel.Kind.LF, lfGain[k - nAp], gainKey,
                        microvoltsPerCode));
            }
        }
        return out;
    }

    private static List<SpikeGlxChannel> nidqChannels(SpikeGlxMeta meta, int saved,
            double microvoltsPerCode) throws IngestException {
        int[] counts = meta.integers("snsMnMaXaDw", 4);
        requireSum(meta, "snsMnMaXaDw", counts, saved);
        int[] acquiredIndex = savedToAcquired(meta, saved);
        List<SpikeGlxChannel> out = new ArrayList<>();
        SpikeGlxChannel.Kind mn = SpikeGlxChannel.Kind.MN;
        SpikeGlxChannel.Kind ma = SpikeGlxChannel.Kind.MA;
        for (int j = 0; j < counts[0] + counts[1] + counts[2]; j++) {
            if (j < counts[0]) {
                out.add(channel(meta, j, acquiredIndex[j], mn, meta.number("niMNGain"), "niMNGain",
                        microvoltsPerCode));
            } else if (j < counts[0] + counts[1]) {
                out.add(channel(meta, j, acquiredIndex[j], ma, meta.number("niMAGain"), "niMAGain",
                        microvoltsPerCode));
            } else {
                out.add(channel(meta, j, acquiredIndex[j], SpikeGlxChannel.Kind.XA, 1, "snsMnMaXaDw",
                        microvoltsPerCode));
            }
        }
        return out;
    }

    private static List<SpikeGlxChannel> obxChannels(SpikeGlxMeta meta, int saved,
            double microvoltsPerCode) throws IngestException {
        int[] counts = meta.integers("snsXaDwSy", 3);
        requireSum(meta, "snsXaDwSy", counts, saved);
        int[] acquiredIndex = savedToAcquired(meta, saved);
        List<SpikeGlxChannel> out = new ArrayList<>();
        for (int j = 0; j < counts[0]; j++) {
            out.add(channel(meta, j, acquiredIndex[j], SpikeGlxChannel.Kind.XA, 1, "snsXaDwSy",
                        microvoltsPerCode));
        }
        return out;
    }

    private static SpikeGlxChannel channel(SpikeGlxMeta meta, int saved, int acquired, SpikeGlxChannel.Kind kind,
                                           double gain, String gainKey, double microvoltsPerCode)
            throws IngestException {
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw meta.invalid(gainKey, "positive gains; channel " + acquired + " (" + kind + ") has gain " + gain);
        }
        return new SpikeGlxChannel(saved, acquired, kind, gain, microvoltsPerCode / gain);
    }

    private static void requireSum(SpikeGlxMeta meta, String key, int[] counts, int saved) throws IngestException {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        if (sum != saved) {
            throw new IngestException(meta.source(), 0, key + "=" + meta.text(key) + " counts " + sum
                    + " saved channels but nSavedChans=" + saved);
        }
    }

    /** {@code snsSaveChanSubset}: {@code all}, or comma-separated channels and inclusive ranges {@code a:b}. */
    private static int[] savedToAcquired(SpikeGlxMeta meta, int saved) throws IngestException {
        String subset = meta.has("snsSaveChanSubset") ? meta.text("snsSaveChanSubset") : "all";
        int[] out = new int[saved];
        if (subset.equals("all")) {
            for (int j = 0; j < saved; j++) {
                out[j] = j;
            }
            return out;
        }
        int n = 0;
        try {
            for (String part : subset.split(",")) {
                String[] range = part.split(":");
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                for (int k = from; k <= to; k++) {
                    if (n == saved) {
                        throw meta.invalid("snsSaveChanSubset", "exactly nSavedChans=" + saved + " channels");
                    }
                    out[n++] = k;
                }
            }
        } catch (NumberFormatException e) {
            throw meta.invalid("snsSaveChanSubset", "'all' or channels and ranges like 0:383,768");
        }
        if (n != saved) {
            throw meta.invalid("snsSaveChanSubset", "exactly nSavedChans=" + saved + " channels, lists " + n);
        }
        return out;
    }

    public SpikeGlxMeta meta() {
        return meta;
    }

    /** The frame channels in order, with their conversion to microvolts. */
    public List<SpikeGlxChannel> channels() {
        return channels;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public double sampleRateHz() {
        return sampleRateHz;
    }

    /** Index of the file's first sample on the acquisition clock ({@code firstSample}). */
    public long firstSample() {
        return firstSample;
    }

    @Override
    public SampleFrame read() throws IOException {
        if (!frames.hasFrame() && !ended) {
            bytes.clear();
            int n = 0;
            while (bytes.hasRemaining() && n >= 0) {
                n = channel.read(bytes);
            }
            int count = bytes.position() / (2 * savedChannels);
            int stride = channels.size();
            for (int s = 0; s < count; s++) {
                int base = s * 2 * savedChannels;
                for (int c = 0; c < stride; c++) {
                    block[s * stride + c] = (float) (bytes.getShort(base + 2 * savedIndex[c]) * scale[c]);
                }
            }
            if (count > 0) {
                frames.append(firstSample + samplesRead, block, 0, count);
                samplesRead += count;
            }
            if (count < samplesPerFrame) {
                frames.flush();
                ended = true;
            }
        }
        return frames.poll();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
