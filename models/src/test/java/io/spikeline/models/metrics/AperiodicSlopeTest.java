package io.spikeline.models.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class AperiodicSlopeTest {
    private static final double FS = 250;

    /**
     * {@code n} samples of Gaussian noise with power spectral density {@code ∝ f^−β}, by spectral shaping: a sum over
     * every DFT frequency {@code f_k = k fs / n} of a cosine and a sine with independent Gaussian amplitudes of standard
     * deviation {@code f_k^(−β/2)}, so that the expected power at {@code f_k} is exactly {@code f_k^−β}.
     */
    private static double[] powerLawNoise(double beta, int n, long seed) {
        return shapedNoise(f -> Math.pow(f, -beta), n, new SeededRandom(seed));
    }

    /** {@code n} samples of Gaussian noise whose expected power at each DFT frequency f_k is {@code psd(f_k)}. */
    private static double[] shapedNoise(DoubleUnaryOperator psd, int n, SeededRandom random) {
        double[] x = new double[n];
        for (int k = 1; k < n / 2; k++) {
            double amplitude = Math.sqrt(psd.applyAsDouble(k * FS / n));
            double a = amplitude * random.nextGaussian();
            double b = amplitude * random.nextGaussian();
            // Rotate the phasor sample by sample instead of calling cos and sin n times per frequency.
            double stepCos = Math.cos(2 * Math.PI * k / n);
            double stepSin = Math.sin(2 * Math.PI * k / n);
            double c = 1;
            double s = 0;
            for (int i = 0; i < n; i++) {
                x[i] += a * c + b * s;
                double next = c * stepCos - s * stepSin;
                s = s * stepCos + c * stepSin;
                c = next;
            }
        }
        return x;
    }

    @Test
    void recoversTheExponentOfSynthesisedPowerLawNoise() {
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        for (double beta : new double[] {0.0, 0.5, 1.0, 1.5, 2.0}) {
            double[] x = powerLawNoise(beta, 64 * (int) FS, 11 + (long) (10 * beta));
            assertThat(-estimator.slope(x, 0, 1, x.length)).as("beta %s", beta).isCloseTo(beta, within(0.12));
        }
    }

    /** Samples in a window of the eeg job: 16 frames of 64 samples, about 4.1 s at 250 Hz, three segments of 2 s. */
    private static final int JOB_WINDOW = 1024;
    /** Independent windows averaged: a window's exponent varies by about 0.18, so their mean by about 0.01. */
    private static final int WINDOWS = 300;

    @Test
    void windowsOfTheJobsLengthAverageToTheExponentOfExactPowerLaws() {
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        for (double beta : new double[] {0.5, 1.0, 2.0}) {
            SeededRandom random = new SeededRandom(40 + (long) (10 * beta));
            double sum = 0;
            for (int w = 0; w < WINDOWS; w++) {
                sum += -estimator.slope(shapedNoise(f -> Math.pow(f, -beta), JOB_WINDOW, random), 0, 1, JOB_WINDOW);
            }
            assertThat(sum / WINDOWS).as("beta %s", beta).isCloseTo(beta, within(0.035));
        }
    }

    /**
     * An eyes-closed alpha rhythm as the EEG simulator makes it at the back of the head: a 10 Hz oscillation whose
     * amplitude waxes and wanes with a time constant of 0.3 s, so that its spectrum is a squared Lorentzian of corner
     * {@code 1 / (2π · 0.3 s)} either side of 10 Hz (falling as {@code Δf^−4}), with four times the variance of a 1/f
     * background (20 against 10 µV RMS). Its tails reach the fit frequencies nearest the excluded band (6.5 and
     * 14.1 Hz) at about a tenth of the background, but on either side of the centre of the log range (9 Hz), where they
     * move the intercept and not the slope.
     */
    @Test
    void anEyesClosedAlphaRhythmFourTimesTheBackgroundsPowerLeavesTheExponentAlone() {
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        double cornerHz = 1 / (2 * Math.PI * 0.3);
        DoubleUnaryOperator background = f -> 1 / f;
        DoubleUnaryOperator alphaShape = f -> 1 / Math.pow(1 + Math.pow((f - 10) / cornerHz, 2), 2);
        double backgroundVariance = 0;
        double alphaVariance = 0;
        for (int k = 1; k < JOB_WINDOW / 2; k++) {
            backgroundVariance += background.applyAsDouble(k * FS / JOB_WINDOW);
            alphaVariance += alphaShape.applyAsDouble(k * FS / JOB_WINDOW);
        }
        double scale = 4 * backgroundVariance / alphaVariance;
        SeededRandom backgroundRandom = new SeededRandom(21);
        SeededRandom alphaRandom = new SeededRandom(22);
        double withAlpha = 0;
        double difference = 0;
        for (int w = 0; w < WINDOWS; w++) {
            double[] x = shapedNoise(background, JOB_WINDOW, backgroundRandom);
            double[] alpha = shapedNoise(f -> scale * alphaShape.applyAsDouble(f), JOB_WINDOW, alphaRandom);
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] += alpha[i];
            }
            double betaWith = -estimator.slope(y, 0, 1, JOB_WINDOW);
            withAlpha += betaWith;
            difference += betaWith - -estimator.slope(x, 0, 1, JOB_WINDOW);
        }
        assertThat(withAlpha / WINDOWS).isCloseTo(1.0, within(0.035));
        // Window by window against the same background without alpha: a pair differs by about 0.02 either way, their
        // mean by about a thousandth.
        assertThat(difference / WINDOWS).isCloseTo(0, within(0.005));
    }

    /** {@code x} plus a sinusoid of five times its RMS at {@code hz}. */
    private static double[] withOscillation(double[] x, double hz) {
        double rms = 0;
        for (double v : x) {
            rms += v * v / x.length;
        }
        rms = Math.sqrt(rms);
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            y[i] += 5 * rms * Math.sin(2 * Math.PI * hz * i / FS);
        }
        return y;
    }

    @Test
    void anAlphaRhythmInsideTheExcludedBandDoesNotBiasTheFit() {
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        double[] x = powerLawNoise(1.0, 64 * (int) FS, 5);
        double[] withAlpha = withOscillation(x, 10);
        assertThat(estimator.slope(withAlpha, 0, 1, x.length)).isCloseTo(estimator.slope(x, 0, 1, x.length), within(0.02));
    }

    @Test
    void theExclusionIsWhatProtectsTheFit() {
        // An oscillation far from the centre of the log range (where it would move only the intercept), on the
        // frequency of the full grid nearest 25 Hz, so that it weighs fully when not excluded.
        AperiodicSlope unprotected = new AperiodicSlope(new AperiodicSlope.Parameters(FS, 500, 2, 40, 0, 0, 24));
        AperiodicSlope protectedFit = new AperiodicSlope(new AperiodicSlope.Parameters(FS, 500, 2, 40, 20, 30, 24));
        double hz = 0;
        for (double f : unprotected.frequenciesHz()) {
            if (Math.abs(f - 25) < Math.abs(hz - 25)) {
                hz = f;
            }
        }
        double[] x = powerLawNoise(1.0, 64 * (int) FS, 5);
        double[] y = withOscillation(x, hz);
        assertThat(protectedFit.slope(y, 0, 1, x.length)).isCloseTo(protectedFit.slope(x, 0, 1, x.length), within(0.02));
        assertThat(unprotected.slope(y, 0, 1, x.length) - unprotected.slope(x, 0, 1, x.length)).isGreaterThan(0.1);
    }

    @Test
    void readsOneChannelOfInterleavedSamplesAndIgnoresTheScale() {
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        double[] a = powerLawNoise(0.5, 20 * (int) FS, 1);
        double[] b = powerLawNoise(1.5, 20 * (int) FS, 2);
        double[] interleaved = new double[2 * a.length];
        for (int i = 0; i < a.length; i++) {
            interleaved[2 * i] = 1000 * a[i] + 50;
            interleaved[2 * i + 1] = b[i];
        }
        assertThat(estimator.slope(interleaved, 0, 2, a.length)).isCloseTo(estimator.slope(a, 0, 1, a.length), within(1e-9));
        assertThat(estimator.slope(interleaved, 1, 2, b.length)).isEqualTo(estimator.slope(b, 0, 1, b.length));
    }

    @Test
    void invalidParametersAndWindowsAreNamed() {
        assertThatThrownBy(() -> new AperiodicSlope.Parameters(0, 500, 2, 40, 7, 14, 24))
                .hasMessageContaining("sampleRateHz");
        assertThatThrownBy(() -> new AperiodicSlope.Parameters(FS, 100, 2, 40, 7, 14, 24))
                .hasMessageContaining("fitLowHz");
        assertThatThrownBy(() -> new AperiodicSlope.Parameters(FS, 500, 2, 125, 7, 14, 24))
                .hasMessageContaining("fitHighHz");
        assertThatThrownBy(() -> new AperiodicSlope.Parameters(FS, 500, 2, 40, 2, 40, 24))
                .hasMessageContaining("frequencyCount");
        AperiodicSlope estimator = new AperiodicSlope(AperiodicSlope.Parameters.defaults(FS));
        assertThatThrownBy(() -> estimator.slope(new double[400], 0, 1, 400)).hasMessageContaining("shorter");
        assertThatThrownBy(() -> estimator.slope(new double[600], 0, 2, 500)).hasMessageContaining("exceeds");
    }
}
