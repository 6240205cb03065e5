package io.spikeline.runtime.eeg;

import io.spikeline.ingest.sim.EegParameters;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.runtime.endpoint.SimEndpoint;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * What an embedded {@code eeg} run classifies: {@code seconds} of simulated scalp EEG
 * ({@link EegParameters#defaults}: 19 channels at 250 Hz, eyes open and closed alternating every 10 s) drawn from
 * {@code seed}.
 *
 * @param seconds signal time to process, s
 * @param seed every draw of the simulated recording follows from it
 * @param realTime whether the source is paced at the recording's own rate instead of as fast as the job runs
 * @param bandPass the Bessel band-pass before encoding (designed here for the recording's rate, so an impossible
 *     design fails before the job starts)
 * @param notch the Bessel band-stop around the line frequency, applied after the band-pass
 * @param encoder the sample encoder, {@link EncoderSpec.Delta} or {@link EncoderSpec.SigmaDelta}
 */
public record EegSettings(double seconds, long seed, boolean realTime, FilterSpec bandPass, FilterSpec notch,
                          EncoderSpec encoder) implements Serializable {

    /** The alpha band: order-2 Bessel band-pass 7–14 Hz, causal. */
    public static final FilterSpec BAND_PASS =
            FilterSpec.causal(BandType.BANDPASS, 2, new double[] {7, 14}, BesselNorm.PHASE);
    /** Line noise: order-2 Bessel band-stop 45–55 Hz, causal. */
    public static final FilterSpec NOTCH =
            FilterSpec.causal(BandType.BANDSTOP, 2, new double[] {45, 55}, BesselNorm.PHASE);
    /**
     * Send-on-delta with steps of 8 µV: occipital alpha with eyes closed (20 µV RMS) drives its ON and OFF channels
     * near one spike per sample, with eyes open (5 µV) a third of that, while the in-band background stays mostly
     * below a step.
     */
    public static final EncoderSpec.Delta DELTA = new EncoderSpec.Delta(8);

    /** The source key of the simulated recording. */
    public static final String SOURCE_KEY = "sim-eeg";

    public EegSettings {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalArgumentException("seconds must lie in (0, 86400], was " + seconds);
        }
        double rate = EegParameters.defaults(seed).sampleRateHz();
        Objects.requireNonNull(bandPass, "bandPass").design(rate);
        Objects.requireNonNull(notch, "notch").design(rate);
        Objects.requireNonNull(encoder, "encoder");
        if (!(encoder instanceof EncoderSpec.Delta || encoder instanceof EncoderSpec.SigmaDelta)) {
            throw new IllegalArgumentException("encoder must be Delta or SigmaDelta, was " + encoder);
        }
    }

    /** 120 s, seed 1, as fast as the job runs, {@link #BAND_PASS}, {@link #NOTCH} and {@link #DELTA}. */
    public static EegSettings defaults() {
        return new EegSettings(120, 1, false, BAND_PASS, NOTCH, DELTA);
    }

    public EegSettings withSeconds(double s) {
        return new EegSettings(s, seed, realTime, bandPass, notch, encoder);
    }

    public EegSettings withSeed(long s) {
        return new EegSettings(seconds, s, realTime, bandPass, notch, encoder);
    }

    public EegSettings withRealTime(boolean on) {
        return new EegSettings(seconds, seed, on, bandPass, notch, encoder);
    }

    public EegSettings withEncoder(EncoderSpec e) {
        return new EegSettings(seconds, seed, realTime, bandPass, notch, e);
    }

    /** These settings with the options of a {@code sim:eeg} URL: {@code seed}; anything else fails naming the URL. */
    public EegSettings withSimulator(SimEndpoint sim) {
        sim.require(SimEndpoint.Simulator.EEG).allowOnly(Set.of("seed"));
        return withSeed(sim.integer("seed", seed));
    }

    /** The simulated recording. */
    public EegParameters recording() {
        return EegParameters.defaults(seed);
    }

    /** Spike channels out of the encoder: ON and OFF per EEG channel for delta, one for sigma-delta. */
    public int spikeChannels() {
        return recording().channels() * (encoder instanceof EncoderSpec.Delta ? 2 : 1);
    }

    /** Simulator frames in the run: whole frames covering {@code seconds}, at least one. */
    public long frames() {
        return Math.max(1, Math.round(seconds / frameSeconds()));
    }

    /** Seconds of signal in one frame. */
    public double frameSeconds() {
        EegParameters p = recording();
        return p.samplesPerFrame() / p.sampleRateHz();
    }

    /** One sample period, µs: the spike bin width. */
    public long binUs() {
        return Math.round(1e6 / recording().sampleRateHz());
    }
}
