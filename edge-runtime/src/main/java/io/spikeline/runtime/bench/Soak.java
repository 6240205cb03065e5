package io.spikeline.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;

/**
 * A bounded run of the probes pipeline at a nominal load that checks that it stays flat: every interval it samples
 * the heap after a full garbage collection, the size of the latest completed checkpoint (heap state backend,
 * checkpoints to a temporary folder), and the latency p99 of the interval's decodings; at the end, a straight line
 * fitted to each series ({@link Trend#robust}, Theil–Sen: an interval disturbed by other work on the machine does not
 * decide it) must not rise by more than a tolerance of its median (nor by more than a floor that is noise for that
 * measure). The first interval (start-up, compilation, state being created) is not judged.
 *
 * <p>The heap is that of this JVM, which hosts the MiniCluster; the forced collection pauses the pipeline once per
 * interval, the same in every interval, so it adds to each interval's p99 alike and does not bias the trend.
 */
public final class Soak {
    /** Below these rises over a run, a series is flat whatever its relative rise: heap, bytes. */
    static final double HEAP_FLOOR_BYTES = 16 << 20;
    /** Checkpointed state, bytes. */
    static final double STATE_FLOOR_BYTES = 16 << 10;
    /** Latency p99, ms. */
    static final double P99_FLOOR_MS = 5;

    private static final int CHECKPOINT_READ_ATTEMPTS = 5;

    private Soak() {}

    /**
     * @param probes probes sent at the sensor rate, the nominal load
     * @param minutes length of the run, min
     * @param intervalSeconds wall seconds per sample
     * @param checkpointSeconds checkpoint interval, s
     * @param tolerance rise of a series over the run, as a fraction of its mean, above which it is growing
     */
    public record Settings(int probes, double minutes, double intervalSeconds, double checkpointSeconds,
                           double tolerance) {
        public Settings {
            if (probes < 1) {
                throw new IllegalArgumentException("soak probes must be >= 1, was " + probes);
            }
            if (!(minutes > 0) || minutes > 24 * 60) {
                throw new IllegalArgumentException("soak minutes must lie in (0, 1440], was " + minutes);
            }
            if (!(intervalSeconds >= 1)) {
                throw new IllegalArgumentException("soak interval must be >= 1 s, was " + intervalSeconds);
            }
            if (minutes * 60 < 4 * intervalSeconds) {
                throw new IllegalArgumentException("a soak of " + minutes + " min needs intervals of at most "
                        + minutes * 15 + " s (four samples), was " + intervalSeconds + " s");
            }
            if (!(checkpointSeconds > 0)) {
                throw new IllegalArgumentException("checkpoint interval must be > 0 s, was " + checkpointSeconds);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("soak tolerance must be >= 0, was " + tolerance);
            }
        }
    }

    /**
     * One interval's sample.
     *
     * @param atSeconds wall seconds since the first decoding, at the end of the interval
     * @param heapBytes heap in use after a full collection
     * @param stateBytes size of the latest completed checkpoint (0 before the first)
     * @param p99Ms latency p99 of the interval's decodings
     * @param decodings decodings in the interval
     */
    public record Sample(double atSeconds, long heapBytes, long stateBytes, double p99Ms, long decodings) {}

    /** The trend of each series over the judged samples, and whether each is growing. */
    public record Verdict(Trend heap, Trend state, Trend p99, boolean heapGrowing, boolean stateGrowing,
                          boolean p99Growing) {
        public boolean growing() {
            return heapGrowing || stateGrowing || p99Growing;
        }
    }

    /**
     * Judges {@code samples} (all but the first) with {@code tolerance}: a series grows when its Theil–Sen line
     * ({@link Trend#robust}) rises by more than {@code tolerance} of its median and more than its floor ({@link #HEAP_FLOOR_BYTES},
     * {@link #STATE_FLOOR_BYTES}, {@link #P99_FLOOR_MS}). Needs at least three samples.
     */
    public static Verdict judge(List<Sample> samples, double tolerance) {
        if (samples.size() < 3) {
            throw new IllegalArgumentException("a soak verdict needs at least 3 samples, had " + samples.size());
        }
        int n = samples.size() - 1;
        double[] t = new double[n];
        double[] heap = new double[n];
        double[] state = new double[n];
        double[] p99 = new double[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i + 1);
            t[i] = s.atSeconds();
            heap[i] = s.heapBytes();
            state[i] = s.stateBytes();
            p99[i] = s.p99Ms();
        }
        Trend heapTrend = Trend.robust(t, heap, n);
        Trend stateTrend = Trend.robust(t, state, n);
        Trend p99Trend = Trend.robust(t, p99, n);
        return new Verdict(heapTrend, stateTrend, p99Trend, heapTrend.growing(tolerance, HEAP_FLOOR_BYTES),
                stateTrend.growing(tolerance, STATE_FLOOR_BYTES), p99Trend.growing(tolerance, P99_FLOOR_MS));
    }

    /**
     * Runs {@code scenario} at {@code settings.probes()} for {@code settings.minutes()}, handing each interval's
     * sample to {@code each}; returns every sample. {@code trial} gives parallelism and the way in.
     */
    public static List<Sample> run(ProbesScenario scenario, Settings settings, TrialSettings trial,
                                   Consumer<Sample> each) throws Exception {
        Objects.requireNonNull(scenario, "scenario");
        double seconds = settings.minutes() * 60;
        TrialSettings soak = trial.withSeconds(seconds, 0);
        long load = settings.probes();
        long records = scenario.records(load, seconds);
        long expected = scenario.decodings(load, records);
        Path checkpoints = Files.createTempDirectory("spikeline-soak-checkpoints");
        List<Sample> samples = new ArrayList<>();
        try {
            Histogram interval = new Histogram(3_600_000_000L, 3);
            long intervalUs = Math.round(settings.intervalSeconds() * 1e6);
            long[] clock = new long[2];
            BenchJob.run(scenario, load, records, expected, soak, env -> {
                Configuration config = new Configuration();
                config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
                config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
                config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
                env.configure(config);
                env.enableCheckpointing(Math.round(settings.checkpointSeconds() * 1000));
            }, d -> {
                long now = d.emitWallTimeUs();
                if (clock[0] == 0) {
                    clock[0] = now;
                    clock[1] = now + intervalUs;
                }
                interval.recordValue(Math.max(0, Math.min(now - scenario.dueUs(d), interval.getHighestTrackableValue())));
                if (now >= clock[1]) {
                    long stateBytes;
                    try {
                        stateBytes = latestCheckpointBytes(checkpoints);
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading the checkpoints in " + checkpoints, e);
                    }
                    Sample sample = new Sample((now - clock[0]) / 1e6, heapAfterGc(), stateBytes,
                            interval.getValueAtPercentile(99) / 1e3, interval.getTotalCount());
                    samples.add(sample);
                    each.accept(sample);
                    interval.reset();
                    clock[1] += intervalUs;
                }
                return true;
            });
        } finally {
            deleteTree(checkpoints);
        }
        return samples;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Total size of the newest {@code chk-N} folder holding its {@code _metadata} (a completed checkpoint); 0 before
     * the first. A checkpoint can be subsumed (deleted) while it is read: then the walk is repeated.
     */
    static long latestCheckpointBytes(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(root)) {
                Path latest = files.filter(p -> p.getFileName().toString().equals("_metadata"))
                        .map(Path::getParent)
                        .filter(p -> p.getFileName().toString().startsWith("chk-"))
                        .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))))
                        .orElse(null);
                return latest == null ? 0 : size(latest);
            } catch (IOException | UncheckedIOException e) {
                if (attempt == CHECKPOINT_READ_ATTEMPTS) {
                    throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                }
            }
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
