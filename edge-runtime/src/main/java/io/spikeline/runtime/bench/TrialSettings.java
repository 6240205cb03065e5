package io.spikeline.runtime.bench;

import java.util.Objects;

/**
 * How every trial runs and is judged.
 *
 * @param seconds sensor time a trial sends, s
 * @param warmupSeconds sensor time at the start of a trial whose decodings are counted but not measured, s (below
 *     {@code seconds})
 * @param p99BoundMs a load is sustained when the measured latency p99 stays at or below this, ms
 * @param parallelism parallelism of the pipeline's operators (the sensor is one source task)
 * @param via how records reach the pipeline
 */
public record TrialSettings(double seconds, double warmupSeconds, double p99BoundMs, int parallelism, Via via) {
    /**
     * A sustained load's latency may rise over the measured part of a trial by at most this share of the p99 bound
     * (the line fitted to the latency per 100 ms): a latency that keeps rising means a pipeline losing ground.
     */
    public static final double MAX_GROWTH_SHARE_OF_BOUND = 0.25;
    /** A trial stops early, as not sustained, once a measured latency passes this many times the p99 bound. */
    public static final double ABORT_FACTOR = 20;

    public TrialSettings {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("trial seconds must lie in (0, 86400], was " + seconds);
        }
        if (!(warmupSeconds >= 0) || warmupSeconds >= seconds) {
            throw new IllegalArgumentException("warm-up seconds must lie in [0, " + seconds + "), was " + warmupSeconds);
        }
        if (!(p99BoundMs > 0) || Double.isInfinite(p99BoundMs)) {
            throw new IllegalArgumentException("p99 bound must be finite and > 0 ms, was " + p99BoundMs);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        Objects.requireNonNull(via, "via");
    }

    public TrialSettings withSeconds(double s, double warmup) {
        return new TrialSettings(s, warmup, p99BoundMs, parallelism, via);
    }

    public TrialSettings withVia(Via v) {
        return new TrialSettings(seconds, warmupSeconds, p99BoundMs, parallelism, v);
    }

    /** The latency past which a trial stops as not sustained, µs. */
    public long abortLatencyUs() {
        return Math.round(ABORT_FACTOR * p99BoundMs * 1e3);
    }
}
