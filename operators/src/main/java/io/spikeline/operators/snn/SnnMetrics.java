package io.spikeline.operators.snn;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The metrics of one SNN operator instance: the {@link SnnCounter}s, and HdrHistograms of the input lag
 * (wall clock at arrival − event time of the batch's end) and of the decode latency (emit − ingest), exported as
 * p50/p99 gauges in µs, and the gauges {@code inputSparsity} and {@code networkSparsity} ({@link #sparsity}). Readable
 * directly for tests and reports.
 */
public final class SnnMetrics {
    private static final long MAX_TRACKED_US = 3_600_000_000L;

    private final Map<SnnCounter, Counter> counters = new EnumMap<>(SnnCounter.class);
    private final Histogram lagUs = new Histogram(MAX_TRACKED_US, 2);
    private final Histogram latencyUs = new Histogram(MAX_TRACKED_US, 2);
    private final Histogram feedbackDeviationUs = new Histogram(MAX_TRACKED_US, 2);

    SnnMetrics(MetricGroup group) {
        for (SnnCounter c : SnnCounter.values()) {
            counters.put(c, group.counter(c.metricName()));
        }
        group.gauge("lagP50Us", (Gauge<Long>) () -> lagUs.getValueAtPercentile(50));
        group.gauge("lagP99Us", (Gauge<Long>) () -> lagUs.getValueAtPercentile(99));
        group.gauge("decodeLatencyP50Us", (Gauge<Long>) () -> latencyUs.getValueAtPercentile(50));
        group.gauge("decodeLatencyP99Us", (Gauge<Long>) () -> latencyUs.getValueAtPercentile(99));
        group.gauge("inputSparsity", (Gauge<Double>) () -> sparsity(SnnCounter.INPUT_SPIKES,
                SnnCounter.INPUT_CHANNEL_BINS));
        group.gauge("networkSparsity", (Gauge<Double>) () -> sparsity(SnnCounter.NETWORK_SPIKES,
                SnnCounter.NEURON_UPDATES));
        group.gauge("feedbackDeviationP50Us", (Gauge<Long>) () -> feedbackDeviationUs.getValueAtPercentile(50));
        group.gauge("feedbackDeviationP99Us", (Gauge<Long>) () -> feedbackDeviationUs.getValueAtPercentile(99));
    }

    /** {@code 1 − spikes / slots}: the fraction of silent channel-bins or neuron-steps; NaN before any. */
    public double sparsity(SnnCounter spikes, SnnCounter slots) {
        long total = count(slots);
        return total == 0 ? Double.NaN : 1.0 - (double) count(spikes) / total;
    }

    void increment(SnnCounter counter) {
        counters.get(counter).inc();
    }

    void add(SnnCounter counter, long count) {
        counters.get(counter).inc(count);
    }

    void recordLag(long lag) {
        lagUs.recordValue(clamp(lag));
    }

    void recordLatency(long latency) {
        latencyUs.recordValue(clamp(latency));
    }

    void recordFeedbackDeviation(long deviation) {
        feedbackDeviationUs.recordValue(clamp(Math.abs(deviation)));
    }

    private static long clamp(long us) {
        return Math.max(0, Math.min(MAX_TRACKED_US, us));
    }

    public long count(SnnCounter counter) {
        return counters.get(counter).getCount();
    }

    /** Lag distribution so far (negative lags, input stamped in the future, count as 0); read-only by contract. */
    public Histogram lagUs() {
        return lagUs;
    }

    /**
     * Distribution of |feedback time − nearest remembered window start| of the feedback matched with a tolerance
     * (learned, drifted, frozen or rejected); empty when matching by containment. Read-only by contract.
     */
    public Histogram feedbackDeviationUs() {
        return feedbackDeviationUs;
    }

    /** Decode latency distribution so far; read-only by contract. */
    public Histogram decodeLatencyUs() {
        return latencyUs;
    }
}
