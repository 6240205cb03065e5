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
 * @param feedbackToleranceUs how far a feedback's event time may lie from the start of the decode window it is
 *     matched to, µs, for feedback stamped by another clock; {@link #CONTAINING_WINDOW} (the default) for feedback
 *     on the sensor clock, matched to the window containing it
 * @param liveNetworks keys per operator instance whose live network is kept between records (least recently used
 *     forgotten first; {@link LiveNetworks}), so that a backend of serialised state (RocksDB) rebuilds a network
 *     only when its key comes back after that many others; 0 for none. Each costs the memory of one network. The
 *     heap backend already holds live networks and ignores it.
 * @param keyMetricGroups keys per operator instance that get a Flink metric group of their own (the first seen),
 *     with every {@link SnnCounter} and the sparsity gauges per key; 0 (the default) for none. Each costs about 25
 *     metrics in every reporter, so it is meant for a few keys under watch, not for every device of a large job.
 */
public record SnnOptions(int maxPendingFeedback, StaleInputPolicy staleInput, long maxLagUs, long exportIntervalUs,
                         long feedbackToleranceUs, int liveNetworks, int keyMetricGroups) implements Serializable {

    /**
     * The {@code feedbackToleranceUs} of feedback on the sensor clock: a feedback learns from the decode window that
     * contains its event time, and no drift is measured.
     */
    public static final long CONTAINING_WINDOW = -1;

    /** The default {@code liveNetworks}. */
    public static final int DEFAULT_LIVE_NETWORKS = 256;

    /** Options with feedback on the sensor clock ({@link #CONTAINING_WINDOW}). */
    public SnnOptions(int maxPendingFeedback, StaleInputPolicy staleInput, long maxLagUs, long exportIntervalUs) {
        this(maxPendingFeedback, staleInput, maxLagUs, exportIntervalUs, CONTAINING_WINDOW);
    }

    /** Options with {@link #DEFAULT_LIVE_NETWORKS} and no per-key metric groups. */
    public SnnOptions(int maxPendingFeedback, StaleInputPolicy staleInput, long maxLagUs, long exportIntervalUs,
                      long feedbackToleranceUs) {
        this(maxPendingFeedback, staleInput, maxLagUs, exportIntervalUs, feedbackToleranceUs, DEFAULT_LIVE_NETWORKS,
                0);
    }

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
        if (feedbackToleranceUs < CONTAINING_WINDOW) {
            throw new IllegalArgumentException("feedbackToleranceUs must be >= 0 (or CONTAINING_WINDOW), was "
                    + feedbackToleranceUs);
        }
        if (liveNetworks < 0) {
            throw new IllegalArgumentException("liveNetworks must be >= 0, was " + liveNetworks);
        }
        if (keyMetricGroups < 0) {
            throw new IllegalArgumentException("keyMetricGroups must be >= 0, was " + keyMetricGroups);
        }
    }

    /**
     * 64 pending feedback records, every batch decoded, no periodic export, 256 live networks, no per-key metric
     * groups.
     */
    public static SnnOptions defaults() {
        return new SnnOptions(64, StaleInputPolicy.DECODE_ALL, Long.MAX_VALUE, 0);
    }

    public SnnOptions withStaleInputSkipped(long newMaxLagUs) {
        return new SnnOptions(maxPendingFeedback, StaleInputPolicy.SKIP, newMaxLagUs, exportIntervalUs,
                feedbackToleranceUs, liveNetworks,
                keyMetricGroups);
    }

    public SnnOptions withExportInterval(long newExportIntervalUs) {
        return new SnnOptions(maxPendingFeedback, staleInput, maxLagUs, newExportIntervalUs, feedbackToleranceUs,
                liveNetworks, keyMetricGroups);
    }

    public SnnOptions withMaxPendingFeedback(int newMaxPendingFeedback) {
        return new SnnOptions(newMaxPendingFeedback, staleInput, maxLagUs, exportIntervalUs, feedbackToleranceUs,
                liveNetworks, keyMetricGroups);
    }

    /**
     * Feedback on another clock: each feedback's event time is taken as the start of the decode window it answers,
     * within {@code toleranceUs} (below half a decode window); farther from every remembered start it has drifted
     * (counted, reported on {@link FeedbackDrift#OUTPUT}, not learned).
     */
    public SnnOptions withFeedbackTolerance(long toleranceUs) {
        if (toleranceUs < 0) {
            throw new IllegalArgumentException("feedback tolerance must be >= 0, was " + toleranceUs);
        }
        return new SnnOptions(maxPendingFeedback, staleInput, maxLagUs, exportIntervalUs, toleranceUs, liveNetworks,
                keyMetricGroups);
    }

    public SnnOptions withLiveNetworks(int newLiveNetworks) {
        return new SnnOptions(maxPendingFeedback, staleInput, maxLagUs, exportIntervalUs, feedbackToleranceUs,
                newLiveNetworks, keyMetricGroups);
    }

    public SnnOptions withKeyMetricGroups(int newKeyMetricGroups) {
        return new SnnOptions(maxPendingFeedback, staleInput, maxLagUs, exportIntervalUs, feedbackToleranceUs,
                liveNetworks, newKeyMetricGroups);
    }
}
