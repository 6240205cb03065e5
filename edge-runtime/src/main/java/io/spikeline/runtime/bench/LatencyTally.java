package io.spikeline.runtime.bench;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The accounting of one trial's decodings, in the order they arrive: every decoding is counted; those after the
 * first {@code warmupDecodings} are measured: their latency (emit − due, µs) goes into an HdrHistogram, the mean
 * latency per {@code bucketUs} of due time into the series whose {@link Trend} says whether lag grows, and their
 * emit times give the sustained rate. Not thread-safe.
 */
public final class LatencyTally {
    /** Latencies above an hour saturate the histogram. */
    private static final long MAX_TRACKED_US = 3_600_000_000L;

    private final long warmupDecodings;
    private final long bucketUs;
    private final Histogram latencyUs = new Histogram(MAX_TRACKED_US, 3);
    private long count;
    private long firstEmitUs;
    private long lastEmitUs;
    private double[] bucketSeconds = new double[64];
    private double[] bucketMeanMs = new double[64];
    private int buckets;
    private long bucketStartUs = Long.MIN_VALUE;
    private double bucketSumUs;
    private long bucketCount;

    /**
     * @param warmupDecodings decodings counted but not measured, >= 0
     * @param bucketUs due time per point of the latency series, > 0
     */
    public LatencyTally(long warmupDecodings, long bucketUs) {
        if (warmupDecodings < 0) {
            throw new IllegalArgumentException("warm-up decodings must be >= 0, was " + warmupDecodings);
        }
        if (bucketUs < 1) {
            throw new IllegalArgumentException("latency series bucket must be >= 1 us, was " + bucketUs);
        }
        this.warmupDecodings = warmupDecodings;
        this.bucketUs = bucketUs;
    }

    /**
     * Counts a decoding whose input was complete at the sensor at {@code dueUs} and which left the decoder at
     * {@code emitUs} (wall clock, µs); a latency below 0 (clocks read a microsecond apart) counts as 0.
     */
    public void add(long dueUs, long emitUs) {
        count++;
        if (count <= warmupDecodings) {
            return;
        }
        long latency = Math.max(0, emitUs - dueUs);
        latencyUs.recordValue(Math.min(latency, MAX_TRACKED_US));
        if (measured() == 1) {
            firstEmitUs = emitUs;
        }
        lastEmitUs = emitUs;
        long bucket = Math.floorDiv(dueUs, bucketUs) * bucketUs;
        if (bucket != bucketStartUs) {
            closeBucket();
            bucketStartUs = bucket;
        }
        bucketSumUs += latency;
        bucketCount++;
    }

    /** Decodings counted. */
    public long count() {
        return count;
    }

    /** Decodings measured (after the warm-up). */
    public long measured() {
        return Math.max(0, count - warmupDecodings);
    }

    /** Latency at {@code percentile} (0–100) of the measured decodings, ms; 0 when none. */
    public double latencyMs(double percentile) {
        return latencyUs.getTotalCount() == 0 ? 0 : latencyUs.getValueAtPercentile(percentile) / 1e3;
    }

    /** Highest measured latency, ms. */
    public double maxLatencyMs() {
        return latencyUs.getTotalCount() == 0 ? 0 : latencyUs.getMaxValue() / 1e3;
    }

    /**
     * Measured decodings per second of wall time: the {@code n − 1} intervals between the first and last measured
     * emit over their span; 0 with fewer than two or no span.
     */
    public double decodingsPerSecond() {
        long span = lastEmitUs - firstEmitUs;
        return measured() < 2 || span <= 0 ? 0 : (measured() - 1) / (span / 1e6);
    }

    /** Wall-clock time of the first measured emit, µs; 0 before it. */
    public long firstEmitUs() {
        return firstEmitUs;
    }

    /** Wall-clock time of the latest measured emit, µs; 0 before the first. */
    public long lastEmitUs() {
        return lastEmitUs;
    }

    /** Wall seconds between the first and the last measured emit. */
    public double measuredSeconds() {
        return measured() < 2 ? 0 : (lastEmitUs - firstEmitUs) / 1e6;
    }

    /** The line through the mean latency (ms) per bucket against due time (s). */
    public Trend latencyTrend() {
        closeBucket();
        bucketStartUs = Long.MIN_VALUE;
        return Trend.fit(bucketSeconds, bucketMeanMs, buckets);
    }

    private void closeBucket() {
        if (bucketCount == 0) {
            return;
        }
        if (buckets == bucketSeconds.length) {
            bucketSeconds = Arrays.copyOf(bucketSeconds, 2 * buckets);
            bucketMeanMs = Arrays.copyOf(bucketMeanMs, 2 * buckets);
        }
        bucketSeconds[buckets] = bucketStartUs / 1e6;
        bucketMeanMs[buckets] = bucketSumUs / bucketCount / 1e3;
        buckets++;
        bucketSumUs = 0;
        bucketCount = 0;
    }
}
