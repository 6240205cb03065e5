package io.spikeline.operators.snn;

import java.io.Serializable;
import java.util.Objects;

/**
 * Options of the SNN operator.
 *
 * @param maxPendingFeedback feedback records held per key while their decode has not been made yet; when more
 *     arrive, the oldest is dropped (counted)
 * @param staleInput whether input lagging more than {@code maxLagUs} is skipped
 * @param maxLagUs the lag (wall clock at arrival − event time of the batch's end) above which a batch is stale, µs
 * @param exportIntervalUs event time between two periodic model snapshots of a key, µs; 0 for none
 */
public record SnnOptions(int maxPendingFeedback, StaleInputPolicy staleInput, long maxLagUs, long exportIntervalUs)
        implements Serializable {

    public SnnOptions {
        if (maxPendingFeedback < 0) {
            throw new IllegalArgumentException("maxPendingFeedback must be >= 0, was " + maxPendingFeedback);
        }
        Objects.requireNonNull(staleInput, "staleInput");
        if (maxLagUs < 0) {
            throw new IllegalArgumentException("maxLagUs must be >= 0, was " + maxLagUs);
        }
        if (exportIntervalUs < 0) {
            throw new IllegalArgumentException("exportIntervalUs must be >= 0, was " + exportIntervalUs);
        }
    }

    /** 64 pending feedback records, every batch decoded, no periodic export. */
    public static SnnOptions defaults() {
        return new SnnOptions(64, StaleInputPolicy.DECODE_ALL, Long.MAX_VALUE, 0);
    }

    public SnnOptions withStaleInputSkipped(long newMaxLagUs) {
        return new SnnOptions(maxPendingFeedback, StaleInputPolicy.SKIP, newMaxLagUs, exportIntervalUs);
    }

    public SnnOptions withExportInterval(long newExportIntervalUs) {
        return new SnnOptions(maxPendingFeedback, staleInput, maxLagUs, newExportIntervalUs);
    }

    public SnnOptions withMaxPendingFeedback(int newMaxPendingFeedback) {
        return new SnnOptions(newMaxPendingFeedback, staleInput, maxLagUs, exportIntervalUs);
    }
}
