package io.spikeline.runtime.gesture;

import io.spikeline.ingest.sim.Gesture;
import io.spikeline.ingest.sim.GestureParameters;
import io.spikeline.models.encode.PolarityChannels;
import io.spikeline.operators.signal.EventBinningSpec;
import java.io.Serializable;
import java.util.Locale;

/**
 * What an embedded {@code gesture} run classifies: {@code seconds} of a simulated event camera
 * ({@link GestureParameters#defaults}: 128×128 pixels, a hand performing the 12 {@link Gesture}s in shuffled rounds,
 * 1.2–1.8 s each with 0.5 s pauses, background noise and hot pixels) drawn from {@code seed}.
 *
 * @param seconds signal time to process, s
 * @param seed every draw of the simulated recording follows from it
 * @param realTime whether the source is paced at the camera's own rate instead of as fast as the job runs
 * @param confidenceThreshold the softmax confidence at which the classifier decides a gesture and stops integrating
 *     it (Dynamic Confidence); 1 decides only at the end of each sample
 * @param labelWaitSeconds event time, and as long of processing time, for which the next gesture's events wait, at
 *     most, for the label of the gesture before, so that the network has learned from it as it would on the device
 *     whichever of events and labels arrives first ({@link #LABEL_WAIT_SECONDS} by default); 0 never waits
 */
public record GestureSettings(double seconds, long seed, boolean realTime, double confidenceThreshold,
                              double labelWaitSeconds)
        implements Serializable {

    /** The source key of the simulated camera. */
    public static final String SOURCE_KEY = "sim-dvs";
    /** The gesture classes, by id. */
    public static final String[] CLASSES = classNames();
    /**
     * Events binned every 1 ms into 2×2-pixel cells, ON and OFF apart: fine enough in time and space that a hand
     * entering the view (a hundred cells turning ON within a bin) stands far above the noise (a few cells per bin).
     */
    public static final EventBinningSpec BINNING = new EventBinningSpec(1000, 2, PolarityChannels.SEPARATE, false);
    /** The default confidence threshold of the early decision. */
    public static final double CONFIDENCE = 0.95;
    /**
     * The default label wait: long enough for a label topic that a broker serves a little behind the events topic,
     * short enough that a gesture left unlabelled delays the next one's decision by no more than that.
     */
    public static final double LABEL_WAIT_SECONDS = 5;

    public GestureSettings {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("seconds must lie in (0, 86400], was " + seconds);
        }
        if (!(confidenceThreshold > 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("confidence threshold must lie in (0, 1], was " + confidenceThreshold);
        }
        if (!(labelWaitSeconds >= 0) || labelWaitSeconds > 3600) {
            throw new IllegalArgumentException("label wait must lie in [0, 3600] s, was " + labelWaitSeconds);
        }
    }

    /**
     * 600 s, seed 1, as fast as the job runs, confidence threshold {@link #CONFIDENCE}, label wait
     * {@link #LABEL_WAIT_SECONDS}.
     */
    public static GestureSettings defaults() {
        return new GestureSettings(600, 1, false, CONFIDENCE, LABEL_WAIT_SECONDS);
    }

    public GestureSettings withSeconds(double s) {
        return new GestureSettings(s, seed, realTime, confidenceThreshold, labelWaitSeconds);
    }

    public GestureSettings withSeed(long s) {
        return new GestureSettings(seconds, s, realTime, confidenceThreshold, labelWaitSeconds);
    }

    public GestureSettings withRealTime(boolean on) {
        return new GestureSettings(seconds, seed, on, confidenceThreshold, labelWaitSeconds);
    }

    public GestureSettings withConfidenceThreshold(double threshold) {
        return new GestureSettings(seconds, seed, realTime, threshold, labelWaitSeconds);
    }

    public GestureSettings withLabelWaitSeconds(double s) {
        return new GestureSettings(seconds, seed, realTime, confidenceThreshold, s);
    }

    /** {@link #labelWaitSeconds} in µs. */
    public long labelWaitUs() {
        return Math.round(labelWaitSeconds * 1e6);
    }

    /** The simulated recording. */
    public GestureParameters recording() {
        return GestureParameters.defaults(seed);
    }

    /**
     * How the binned events are cut into gesture samples: onsets where at least 25 more cells turn ON than OFF in
     * one 1 ms bin after 100 bins each below a contrast of 12 (the simulated background's contrast is about 1 ± 3 per bin; a
     * hand's appearance gives 30 to over 400); samples of 1 s (200 bins of 5 ms over 8×8-pixel cells, 512 channels),
     * shorter than the shortest gesture so that a sample never reaches into the next one; decodes every 100 ms; labels
     * up to 2.5 s after their onset.
     */
    public SamplerParams sampler() {
        GestureParameters p = recording();
        return new SamplerParams(p.width(), p.height(), BINNING.binWidthUs(), BINNING.poolingFactor(), 5, 4, 25, 100,
                12, 200, 20, 2_500_000);
    }

    /** Simulator batches in the run: whole batches covering {@code seconds}, at least one. */
    public long batches() {
        return Math.max(1, Math.round(seconds / batchSeconds()));
    }

    /** Seconds of events in one simulator batch. */
    public double batchSeconds() {
        return recording().batchUs() / 1e6;
    }

    private static String[] classNames() {
        Gesture[] gestures = Gesture.values();
        String[] names = new String[gestures.length];
        for (int g = 0; g < gestures.length; g++) {
            names[g] = gestures[g].name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return names;
    }
}
