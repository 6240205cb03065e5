package io.spikeline.operators.snn;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The metrics of one SNN operator instance (names in the package documentation): a Flink counter per
 * {@link SnnCounter}; Flink histograms of the input lag (wall clock at arrival − event time of the batch's end) and
 * of the decode latency (emit − ingest), µs, over HdrHistograms ({@link HdrHistogramMetric}), also exported as
 * p50/p99 gauges; the same for the feedback deviation; and the gauges {@code inputSparsity} and
 * {@code networkSparsity} ({@link #sparsity}). With {@code keyGroups > 0}, the first that many keys the instance
 * sees also get their own group {@code sourceKey=<key>} with every counter and both sparsity gauges. Readable
 * directly for tests and reports. Each counter is also a job accumulator, {@link #accumulatorName}, summed over the
 * job's SNN operator instances, which the job's result carries to whoever ran it (a run's report).
 */
public final class SnnMetrics {
    private static final long MAX_TRACKED_US = 3_600_000_000L;

    private final MetricGroup group;
    private final Counter[] counters;
    private final LongCounter[] totals;
    private final Histogram lagUs = new ConcurrentHistogram(MAX_TRACKED_US, 2);
    private final Histogram latencyUs = new ConcurrentHistogram(MAX_TRACKED_US, 2);
    private final Histogram feedbackDeviationUs = new ConcurrentHistogram(MAX_TRACKED_US, 2);
    private final HdrHistogramMetric lag;
    private final HdrHistogramMetric latency;
    private final HdrHistogramMetric feedbackDeviation;
    private final int keyGroups;
    private final Map<String, Counter[]> keyCounters = new HashMap<>();
    /** The counters of the key being processed, if it has a group of its own; else {@code null}. */
    private Counter[] current;

    /** @param keyGroups how many keys get a metric group of their own, the first seen; 0 for none */
    SnnMetrics(RuntimeContext context, int keyGroups) {
        this.group = context.getMetricGroup();
        this.keyGroups = keyGroups;
        this.counters = register(group);
        this.totals = new LongCounter[counters.length];
        for (SnnCounter c : SnnCounter.values()) {
            totals[c.ordinal()] = accumulator(context, accumulatorName(c));
        }
        lag = group.histogram("lagUs", new HdrHistogramMetric(lagUs, MAX_TRACKED_US));
        latency = group.histogram("decodeLatencyUs", new HdrHistogramMetric(latencyUs, MAX_TRACKED_US));
        feedbackDeviation = group.histogram("feedbackDeviationUs",
                new HdrHistogramMetric(feedbackDeviationUs, MAX_TRACKED_US));
        group.gauge("lagP50Us", (Gauge<Long>) () -> lagUs.getValueAtPercentile(50));
        group.gauge("lagP99Us", (Gauge<Long>) () -> lagUs.getValueAtPercentile(99));
        group.gauge("decodeLatencyP50Us", (Gauge<Long>) () -> latencyUs.getValueAtPercentile(50));
        group.gauge("decodeLatencyP99Us", (Gauge<Long>) () -> latencyUs.getValueAtPercentile(99));
        group.gauge("feedbackDeviationP50Us", (Gauge<Long>) () -> feedbackDeviationUs.getValueAtPercentile(50));
        group.gauge("feedbackDeviationP99Us", (Gauge<Long>) () -> feedbackDeviationUs.getValueAtPercentile(99));
    }

    /** The name of the job accumulator of {@code counter}, for example {@code snn.feedbackLateDropped}. */
    public static String accumulatorName(SnnCounter counter) {
        return "snn." + counter.metricName();
    }

    /** The task's accumulator {@code name}, added if no operator of the task has yet. */
    private static LongCounter accumulator(RuntimeContext context, String name) {
        Accumulator<Long, Long> existing = context.getAccumulator(name);
        if (existing instanceof LongCounter counter) {
            return counter;
        }
        LongCounter counter = new LongCounter();
        context.addAccumulator(name, counter);
        return counter;
    }

    /** A counter per {@link SnnCounter} in {@code metrics}, by ordinal, and the sparsity gauges over them. */
    private static Counter[] register(MetricGroup metrics) {
        Counter[] registered = new Counter[SnnCounter.values().length];
        for (SnnCounter c : SnnCounter.values()) {
            registered[c.ordinal()] = metrics.counter(c.metricName());
        }
        metrics.gauge("inputSparsity", (Gauge<Double>) () -> sparsity(registered, SnnCounter.INPUT_SPIKES,
                SnnCounter.INPUT_CHANNEL_BINS));
        metrics.gauge("networkSparsity", (Gauge<Double>) () -> sparsity(registered, SnnCounter.NETWORK_SPIKES,
                SnnCounter.NEURON_UPDATES));
        return registered;
    }

    /**
     * Makes {@code key} the key whose own counters (if it has a group) also receive the counts that follow, giving
     * it a group if fewer than {@code keyGroups} keys have one.
     */
    void select(String key) {
        if (keyGroups == 0) {
            return;
        }
        Counter[] own = keyCounters.get(key);
        if (own == null && keyCounters.size() < keyGroups) {
            own = register(group.addGroup("sourceKey", key));
            keyCounters.put(key, own);
        }
        current = own;
    }

    /** {@code 1 − spikes / slots}: the fraction of silent channel-bins or neuron-steps; NaN before any. */
    public double sparsity(SnnCounter spikes, SnnCounter slots) {
        return sparsity(counters, spikes, slots);
    }

    private static double sparsity(Counter[] counts, SnnCounter spikes, SnnCounter slots) {
        long total = counts[slots.ordinal()].getCount();
        return total == 0 ? Double.NaN : 1.0 - (double) counts[spikes.ordinal()].getCount() / total;
    }

    void increment(SnnCounter counter) {
        add(counter, 1);
    }

    void add(SnnCounter counter, long count) {
        counters[counter.ordinal()].inc(count);
        totals[counter.ordinal()].add(count);
        if (current != null) {
            current[counter.ordinal()].inc(count);
        }
    }

    void recordLag(long lagUs) {
        lag.update(lagUs);
    }

    void recordLatency(long latencyUs) {
        latency.update(latencyUs);
    }

    void recordFeedbackDeviation(long deviationUs) {
        feedbackDeviation.update(Math.abs(deviationUs));
    }

    public long count(SnnCounter counter) {
        return counters[counter.ordinal()].getCount();
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
