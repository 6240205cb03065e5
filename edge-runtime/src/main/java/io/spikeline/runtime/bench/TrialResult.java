package io.spikeline.runtime.bench;

import java.util.Locale;

/**
 * What one trial measured.
 *
 * @param load the load the sensor sent
 * @param records records the sensor sent (all of them, unless the trial stopped early)
 * @param expectedDecodings decodings those records yield
 * @param decodings decodings that came out
 * @param stoppedEarly whether the trial stopped because a latency passed {@link TrialSettings#abortLatencyUs}
 * @param throughput measured decodings per wall second times what each stands for, in the scenario's unit
 * @param p50Ms measured latency median, ms
 * @param p99Ms measured latency 99th percentile, ms
 * @param p999Ms measured latency 99.9th percentile, ms
 * @param maxMs highest measured latency, ms
 * @param growthMs rise of the line fitted to the measured latency over the trial, ms
 * @param measuredSeconds wall seconds between the first and last measured decodings
 * @param coresBusy CPU time of this JVM (the MiniCluster, the sensor and the harness) per wall second over the measured
 *     decodings: the processors the pipeline kept busy at this load
 */
public record TrialResult(long load, long records, long expectedDecodings, long decodings, boolean stoppedEarly,
                          double throughput, double p50Ms, double p99Ms, double p999Ms, double maxMs, double growthMs,
                          double measuredSeconds, double coresBusy) {

    /** Whether every expected decoding came out. */
    public boolean complete() {
        return !stoppedEarly && decodings == expectedDecodings;
    }

    /**
     * Whether the pipeline kept up with the sensor: the trial completed, latency p99 stayed within the bound and the
     * latency did not rise by more than {@link TrialSettings#MAX_GROWTH_SHARE_OF_BOUND} of the bound.
     */
    public boolean sustained(double p99BoundMs) {
        return complete() && p99Ms <= p99BoundMs && growthMs <= TrialSettings.MAX_GROWTH_SHARE_OF_BOUND * p99BoundMs;
    }

    /** Latency percentiles as the reports print them. */
    public String latencyText() {
        return String.format(Locale.ROOT, "latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", p50Ms, p99Ms, p999Ms);
    }
}
