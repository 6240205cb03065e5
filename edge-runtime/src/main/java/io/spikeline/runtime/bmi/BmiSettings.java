package io.spikeline.runtime.bmi;

import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.models.encode.ThresholdCrossingParams;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.runtime.endpoint.SimEndpoint;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * What an embedded {@code bmi} run decodes: a simulated reaching session of {@code seconds} of signal from an array
 * of {@code channels} units, drawn from {@code seed}, entering the pipeline as {@code input}.
 *
 * @param input which probe stream the simulated implant sends
 * @param seconds signal time to process, s
 * @param seed every draw of the simulated session follows from it
 * @param channels units on the simulated array
 * @param realTime whether the source is paced at the sensor's own rate instead of as fast as the job runs
 * @param learnSeconds signal time after which learning stops (the decoder then runs frozen), s; infinite to learn
 *     throughout
 * @param bandPass the Bessel filter of the broadband path (designed here for 30 kHz, so an impossible design fails
 *     before the job starts)
 * @param detection the threshold-crossing encoder of the broadband path
 * @param feedbackWaitSeconds processing time for which the spikes wait, at most, for velocity feedback that has a
 *     source of its own and lags them by more than a decode window, so that the decoder learns as on the device
 *     ({@link #FEEDBACK_WAIT_SECONDS} by default); 0 never waits
 */
public record BmiSettings(Input input, double seconds, long seed, int channels, boolean realTime,
                          double learnSeconds, FilterSpec bandPass, EncoderSpec.ThresholdCrossing detection,
                          double feedbackWaitSeconds)
        implements Serializable {

    /** The default {@link #feedbackWaitSeconds}. */
    public static final double FEEDBACK_WAIT_SECONDS = 5;

    /** Spike band of extracellular recordings: order-2 Bessel band-pass 300–3000 Hz, causal. */
    public static final FilterSpec BAND_PASS =
            FilterSpec.causal(BandType.BANDPASS, 2, new double[] {300, 3000}, BesselNorm.PHASE);
    /**
     * Negative crossings of 4.5 σ, at most one per channel per millisecond; σ re-estimated every 200 ms from every
     * 4th sample (1,500 observations: a standard error of about 3 % on white noise, at a third of the cost of
     * observing every sample).
     */
    public static final EncoderSpec.ThresholdCrossing DETECTION =
            new EncoderSpec.ThresholdCrossing(ThresholdCrossingParams.TYPICAL_MULTIPLE, 6000, 30, 4);

    /** The probe stream. */
    public enum Input {
        /** 30 kHz voltage per channel, band-passed and threshold-crossed in the job. */
        BROADBAND,
        /** Spike counts per channel in 1 ms bins, as an implant with on-chip detection sends them. */
        SPIKE_COUNTS
    }

    /** The source key of the simulated implant. */
    public static final String SOURCE_KEY = "sim-reach";

    public BmiSettings {
        Objects.requireNonNull(input, "input");
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("seconds must lie in (0, 86400], was " + seconds);
        }
        if (!(learnSeconds > 0)) {
            throw new IllegalArgumentException("learn seconds must be > 0, was " + learnSeconds);
        }
        session(input, seed, channels);
        Objects.requireNonNull(bandPass, "bandPass").design(ReachingParameters.BROADBAND_RATE_HZ);
        Objects.requireNonNull(detection, "detection");
        if (!(feedbackWaitSeconds >= 0) || feedbackWaitSeconds > 3600) {
            throw new IllegalArgumentException("feedback wait must lie in [0, 3600] s, was " + feedbackWaitSeconds);
        }
    }

    /**
     * 60 s of broadband from 96 channels, seed 1, as fast as the job runs, learning throughout, filtered with
     * {@link #BAND_PASS} and detected with {@link #DETECTION}.
     */
    public static BmiSettings defaults() {
        return new BmiSettings(Input.BROADBAND, 60, 1, 96, false, Double.POSITIVE_INFINITY, BAND_PASS, DETECTION,
                FEEDBACK_WAIT_SECONDS);
    }

    public BmiSettings withInput(Input i) {
        return new BmiSettings(i, seconds, seed, channels, realTime, learnSeconds,
                bandPass, detection, feedbackWaitSeconds);
    }

    public BmiSettings withSeconds(double s) {
        return new BmiSettings(input, s, seed, channels, realTime, learnSeconds,
                bandPass, detection, feedbackWaitSeconds);
    }

    public BmiSettings withSeed(long s) {
        return new BmiSettings(input, seconds, s, channels, realTime, learnSeconds,
                bandPass, detection, feedbackWaitSeconds);
    }

    public BmiSettings withChannels(int n) {
        return new BmiSettings(input, seconds, seed, n, realTime, learnSeconds,
                bandPass, detection, feedbackWaitSeconds);
    }

    public BmiSettings withRealTime(boolean on) {
        return new BmiSettings(input, seconds, seed, channels, on, learnSeconds,
                bandPass, detection, feedbackWaitSeconds);
    }

    public BmiSettings withLearnSeconds(double s) {
        return new BmiSettings(input, seconds, seed, channels, realTime, s,
                bandPass, detection, feedbackWaitSeconds);
    }

    public BmiSettings withBandPass(FilterSpec f) {
        return new BmiSettings(input, seconds, seed, channels, realTime, learnSeconds,
                f, detection, feedbackWaitSeconds);
    }

    public BmiSettings withDetection(EncoderSpec.ThresholdCrossing d) {
        return new BmiSettings(input, seconds, seed, channels, realTime, learnSeconds,
                bandPass, d, feedbackWaitSeconds);
    }

    public BmiSettings withFeedbackWaitSeconds(double w) {
        return new BmiSettings(input, seconds, seed, channels, realTime, learnSeconds, bandPass, detection, w);
    }

    /** {@link #feedbackWaitSeconds} in ms. */
    public long feedbackWaitMs() {
        return Math.round(feedbackWaitSeconds * 1e3);
    }

    /**
     * These settings with the options of a {@code sim:reaching} URL: {@code channels} and {@code seed}; any other
     * option, or another simulator, fails naming the URL.
     */
    public BmiSettings withSimulator(SimEndpoint sim) {
        sim.require(SimEndpoint.Simulator.REACHING).allowOnly(Set.of("channels", "seed"));
        return withChannels(Math.toIntExact(sim.integer("channels", channels))).withSeed(sim.integer("seed", seed));
    }

    /** The simulated session: {@link ReachingParameters#defaults} (1 ms bins, batches of 20) with these channels. */
    public ReachingParameters session() {
        return session(input, seed, channels);
    }

    private static ReachingParameters session(Input input, long seed, int channels) {
        return ReachingParameters.defaults(seed).withChannels(channels).withBroadband(input == Input.BROADBAND);
    }

    /** Simulator batches in the run: whole batches covering {@code seconds}, at least one. */
    public long batches() {
        return Math.max(1, Math.round(seconds / batchSeconds()));
    }

    /** Seconds of signal in one simulator batch. */
    public double batchSeconds() {
        ReachingParameters p = session();
        return p.binWidthUs() * p.binsPerBatch() / 1e6;
    }
}
