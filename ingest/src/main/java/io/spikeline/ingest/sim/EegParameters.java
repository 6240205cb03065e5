package io.spikeline.ingest.sim;

/**
 * Parameters of the simulated scalp EEG. Channel 0 is the most frontal and the last channel the most
 * occipital: alpha grows from front to back, eye blinks from back to front.
 *
 * <p>Model, per channel, in µV: {@code x = aperiodic + w_α · alpha + line + w_blink · blinks + muscle}.
 * <ul>
 *   <li>aperiodic: Gaussian noise whose power spectral density falls as {@code 1/f^β} (β = {@code aperiodicExponent},
 *       0 ≤ β < 2) within 1.5 % from 1 Hz to a fifth of the sampling rate, flattening below 0.5 Hz, with RMS
 *       {@code aperiodicUv}: a sum of first-order processes with corners an octave apart and a two-tap smoothing
 *       (see {@link EegBackground} for the construction); the same on every channel, independent between channels;</li>
 *   <li>alpha: a narrow-band oscillation at {@code alphaHz} in waxing and waning bursts (envelope time constant
 *       0.3 s), of RMS {@code alphaOpenUv} with eyes open and {@code alphaClosedUv} with eyes closed; states
 *       alternate every {@code stateSeconds}, starting eyes open;</li>
 *   <li>line: {@code lineUv · sin(2π lineHz t)};</li>
 *   <li>blinks: Poisson-timed (rate {@code blinksPerMinute}, in either eyes state) positive half-sine deflections
 *       of 300 ms and {@code blinkUv} at the most frontal channel. Their power lies below about 7 Hz (the half-sine's
 *       spectrum has its first zero at 5 Hz and falls as {@code f^−4} beyond), where at the default 100 µV it exceeds
 *       the background's several times on the frontal channels: they steepen those channels' spectrum;</li>
 *   <li>muscle: Poisson-timed bursts (rate {@code muscleBurstsPerMinute}, 200 ms) of white noise of
 *       {@code muscleUv} on a random channel.</li>
 * </ul>
 */
public record EegParameters(long seed, int channels, double sampleRateHz, int samplesPerFrame,
                            double aperiodicExponent, double aperiodicUv, double alphaHz, double alphaOpenUv,
                            double alphaClosedUv, double stateSeconds, double lineHz, double lineUv,
                            double blinksPerMinute, double blinkUv, double muscleBurstsPerMinute, double muscleUv) {

    /** The label classes carried by the feedback stream. */
    public static final int EYES_OPEN = 0;
    public static final int EYES_CLOSED = 1;

    public EegParameters {
        if (channels < 1 || channels > 1024) {
            throw new IllegalArgumentException("channels must lie in 1..1024, was " + channels);
        }
        if (!(sampleRateHz >= 32) || sampleRateHz > 100_000) {
            throw new IllegalArgumentException("sample rate must lie in 32..100000 Hz, was " + sampleRateHz);
        }
        if (samplesPerFrame < 1) {
            throw new IllegalArgumentException("samples per frame must be >= 1, was " + samplesPerFrame);
        }
        if (!(aperiodicExponent >= 0 && aperiodicExponent < 2)) {
            throw new IllegalArgumentException("aperiodic exponent must lie in [0, 2), was " + aperiodicExponent);
        }
        if (!(alphaHz > 0 && alphaHz < sampleRateHz / 2) || !(lineHz > 0 && lineHz < sampleRateHz / 2)) {
            throw new IllegalArgumentException("alpha (" + alphaHz + " Hz) and line (" + lineHz
                    + " Hz) frequencies must lie below the Nyquist frequency " + sampleRateHz / 2 + " Hz");
        }
        if (!(stateSeconds > 0)) {
            throw new IllegalArgumentException("state duration must be > 0 s, was " + stateSeconds);
        }
        double[] nonNegative = {aperiodicUv, alphaOpenUv, alphaClosedUv, lineUv, blinksPerMinute, blinkUv,
            muscleBurstsPerMinute, muscleUv};
        for (double v : nonNegative) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("amplitudes and rates must be finite and >= 0, found " + v);
            }
        }
    }

    /** 19 channels at 250 Hz in 250 ms frames, 1/f background, 10 Hz alpha 3× stronger with eyes closed, 50 Hz line. */
    public static EegParameters defaults(long seed) {
        return new EegParameters(seed, 19, 250, 64, 1.0, 10, 10, 5, 20, 10, 50, 5, 12, 100, 2, 20);
    }

    /** The same recording without line noise and artefacts: background and alpha only. */
    public EegParameters clean() {
        return new EegParameters(seed, channels, sampleRateHz, samplesPerFrame, aperiodicExponent, aperiodicUv, alphaHz,
                alphaOpenUv, alphaClosedUv, stateSeconds, lineHz, 0, 0, 0, 0, 0);
    }

    public EegParameters withAperiodicExponent(double beta) {
        return new EegParameters(seed, channels, sampleRateHz, samplesPerFrame, beta, aperiodicUv, alphaHz,
                alphaOpenUv, alphaClosedUv, stateSeconds, lineHz, lineUv, blinksPerMinute, blinkUv,
                muscleBurstsPerMinute, muscleUv);
    }

    public EegParameters withAlpha(double openUv, double closedUv) {
        return new EegParameters(seed, channels, sampleRateHz, samplesPerFrame, aperiodicExponent, aperiodicUv, alphaHz,
                openUv, closedUv, stateSeconds, lineHz, lineUv, blinksPerMinute, blinkUv, muscleBurstsPerMinute,
                muscleUv);
    }
}
