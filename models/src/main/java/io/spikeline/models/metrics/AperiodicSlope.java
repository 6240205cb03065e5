package io.spikeline.models.metrics;

import java.util.Arrays;

/**
 * The aperiodic (1/f) slope of one channel's raw samples over a window: the exponent β of a background whose power
 * spectral density falls as {@code P(f) ∝ f^−β}, read as the slope {@code −β} of a least-squares line of
 * {@code log10 P} against {@code log10 f}.
 *
 * <p>The spectrum is Welch's: the window is cut into Hann-tapered segments of {@link Parameters#segmentSamples}
 * overlapping by half, each segment's mean removed, and the periodograms averaged. It is evaluated only at
 * {@link Parameters#frequencyCount} log-spaced frequencies over {@code [fitLowHz, fitHighHz]}, by a direct DFT
 * {@code X(f) = Σ_n w_n x_n e^{−2πi f n / fs}} against tables built once, so that the low and the high decade weigh
 * alike in the fit; frequencies inside {@code [excludeLowHz, excludeHighHz]} (the alpha band by default) are left
 * out, so an oscillation there does not bias the background. With {@code u_j = log10 f_j} centred on their mean and
 * {@code v_j = log10 P(f_j)}: {@code slope = Σ (u_j − ū) v_j / Σ (u_j − ū)²} (the scale of P drops out).
 *
 * <p>The taper smooths the spectrum it measures: the expected periodogram is {@code ∫ S(ν) K(f − ν) dν} with
 * {@code K ∝ |W|²} the taper's spectral window, which for a smooth S is {@code S(f) + S''(f) σ_K² / 2} to second order,
 * {@code σ_K² = (fs / 2π)² Σ_i (w_i − w_{i−1})² / Σ_i w_i²} being K's variance ({@code 1 / (3T²)} for a Hann segment of
 * T seconds). On a power law {@code S ∝ f^−β}, {@code S''/S = β(β + 1) / f²}: the lowest frequencies read high and the
 * plain fit is too steep, by 0.005 at β = 1 and 0.017 at β = 2 with the defaults. So the fit is made twice: the first
 * slope {@code −β₀} gives the correction {@code v_j − log10(1 + β₀(β₀ + 1) σ_K² / (2 f_j²))}, and the second fit of the
 * corrected values is the slope returned; on exact power laws its error is below 0.001 for 0 ≤ β ≤ 1.5 and 0.003 at
 * β = 2 (a steeper spectrum leaks through the taper's side lobes as well).
 *
 * <p>An estimator holds only scratch buffers (nothing carries over from one window to the next, so there is no
 * state to snapshot) and allocates nothing after construction; one instance serves one thread.
 */
public final class AperiodicSlope {
    /**
     * What to fit.
     *
     * @param sampleRateHz the channel's sampling rate
     * @param segmentSamples samples per Welch segment: its resolution {@code fs / segmentSamples} sets how low the fit
     *     can start, as the Hann main lobe spans two bins either side
     * @param fitLowHz lowest frequency of the fit, at least two bins ({@code 2 fs / segmentSamples})
     * @param fitHighHz highest frequency of the fit, below Nyquist
     * @param excludeLowHz start of the band left out of the fit
     * @param excludeHighHz end of the band left out of the fit (equal to its start to leave nothing out)
     * @param frequencyCount log-spaced frequencies over the fit range before the exclusion; at least two must remain
     */
    public record Parameters(double sampleRateHz, int segmentSamples, double fitLowHz, double fitHighHz,
                             double excludeLowHz, double excludeHighHz, int frequencyCount) {
        public Parameters {
            if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
                throw new IllegalArgumentException("aperiodic slope sampleRateHz must be > 0, was " + sampleRateHz);
            }
            if (segmentSamples < 8) {
                throw new IllegalArgumentException("aperiodic slope segmentSamples must be >= 8, was " + segmentSamples);
            }
            double lowest = 2 * sampleRateHz / segmentSamples;
            if (!(fitLowHz >= lowest)) {
                throw new IllegalArgumentException("aperiodic slope fitLowHz must be >= two bins (" + lowest
                        + " Hz), was " + fitLowHz);
            }
            if (!(fitHighHz > fitLowHz && fitHighHz < sampleRateHz / 2)) {
                throw new IllegalArgumentException("aperiodic slope fitHighHz must lie between fitLowHz (" + fitLowHz
                        + ") and Nyquist (" + sampleRateHz / 2 + "), was " + fitHighHz);
            }
            if (!(excludeHighHz >= excludeLowHz)) {
                throw new IllegalArgumentException("aperiodic slope excludeHighHz must be >= excludeLowHz ("
                        + excludeLowHz + "), was " + excludeHighHz);
            }
            if (kept(fitLowHz, fitHighHz, excludeLowHz, excludeHighHz, frequencyCount) < 2) {
                throw new IllegalArgumentException("aperiodic slope frequencyCount " + frequencyCount
                        + " leaves fewer than two frequencies outside " + excludeLowHz + ".." + excludeHighHz + " Hz");
            }
        }

        /** Two-second segments, a fit over 2–40 Hz without the alpha band 7–14 Hz, at 24 frequencies. */
        public static Parameters defaults(double sampleRateHz) {
            return new Parameters(sampleRateHz, (int) Math.round(2 * sampleRateHz), 2, 40, 7, 14, 24);
        }

        /** Samples in the shortest window: one segment. */
        public int minimumWindowSamples() {
            return segmentSamples;
        }

        private static double frequency(double low, double high, int count, int j) {
            return low * Math.pow(high / low, j / (double) (count - 1));
        }

        private static int kept(double low, double high, double excludeLow, double excludeHigh, int count) {
            int kept = 0;
            for (int j = 0; j < count; j++) {
                double f = frequency(low, high, count, j);
                if (!(f >= excludeLow && f <= excludeHigh)) {
                    kept++;
                }
            }
            return kept;
        }
    }

    private final Parameters parameters;
    private final double[] frequenciesHz;
    /** Hann taper times cos / sin of each kept frequency, {@code [frequency][sample]}. */
    private final double[][] cosTable;
    private final double[][] sinTable;
    /** {@code log10 f_j − mean} and the sum of their squares. */
    private final double[] centredLogFrequency;
    private final double sumSquares;
    /** {@code σ_K² / (2 f_j²)}: the taper's smoothing of a power law at f_j, per unit of {@code β(β + 1)}. */
    private final double[] smoothing;
    private final double[] segment;
    /** The averaged periodogram, then its log10. */
    private final double[] power;

    public AperiodicSlope(Parameters parameters) {
        this.parameters = parameters;
        int count = Parameters.kept(parameters.fitLowHz(), parameters.fitHighHz(), parameters.excludeLowHz(),
                parameters.excludeHighHz(), parameters.frequencyCount());
        int n = parameters.segmentSamples();
        frequenciesHz = new double[count];
        cosTable = new double[count][n];
        sinTable = new double[count][n];
        centredLogFrequency = new double[count];
        int k = 0;
        for (int j = 0; j < parameters.frequencyCount(); j++) {
            double f = Parameters.frequency(parameters.fitLowHz(), parameters.fitHighHz(), parameters.frequencyCount(), j);
            if (!(f >= parameters.excludeLowHz() && f <= parameters.excludeHighHz())) {
                frequenciesHz[k++] = f;
            }
        }
        double[] hann = new double[n];
        double differences = 0;
        double squaresOfTaper = 0;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            differences += (hann[i] - previous) * (hann[i] - previous);
            squaresOfTaper += hann[i] * hann[i];
            previous = hann[i];
        }
        // The taper is zero on either side of the segment.
        differences += previous * previous;
        double kernelVariance = Math.pow(parameters.sampleRateHz() / (2 * Math.PI), 2) * differences / squaresOfTaper;
        smoothing = new double[count];
        double mean = 0;
        for (int j = 0; j < count; j++) {
            double omega = 2 * Math.PI * frequenciesHz[j] / parameters.sampleRateHz();
            for (int i = 0; i < n; i++) {
                cosTable[j][i] = hann[i] * Math.cos(omega * i);
                sinTable[j][i] = hann[i] * Math.sin(omega * i);
            }
            smoothing[j] = kernelVariance / (2 * frequenciesHz[j] * frequenciesHz[j]);
            centredLogFrequency[j] = Math.log10(frequenciesHz[j]);
            mean += centredLogFrequency[j] / count;
        }
        double squares = 0;
        for (int j = 0; j < count; j++) {
            centredLogFrequency[j] -= mean;
            squares += centredLogFrequency[j] * centredLogFrequency[j];
        }
        sumSquares = squares;
        segment = new double[n];
        power = new double[count];
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The frequencies of the fit, in Hz, increasing (a copy). */
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    /**
     * The fitted slope {@code −β} of the {@code count} samples {@code x[offset + i · stride]}, {@code i < count}
     * (a stride of the channel count reads one channel of sample-major interleaved data). {@code count} must be at
     * least one segment; samples past the last whole half-overlapping segment are not used. A window of constant
     * samples has no spectrum to fit and gives NaN. The slope is corrected for the taper's smoothing (see above).
     */
    public double slope(double[] x, int offset, int stride, int count) {
        int n = parameters.segmentSamples();
        if (count < n) {
            throw new IllegalArgumentException("aperiodic slope window of " + count + " samples is shorter than a segment ("
                    + n + ")");
        }
        if (stride <= 0 || offset < 0 || offset + (long) (count - 1) * stride >= x.length) {
            throw new IllegalArgumentException("aperiodic slope window offset " + offset + ", stride " + stride + ", count "
                    + count + " exceeds the " + x.length + " samples given");
        }
        int hop = n / 2;
        int segments = 1 + (count - n) / hop;
        Arrays.fill(power, 0);
        for (int s = 0; s < segments; s++) {
            int start = offset + s * hop * stride;
            double mean = 0;
            for (int i = 0; i < n; i++) {
                segment[i] = x[start + i * stride];
                mean += segment[i];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                segment[i] -= mean;
            }
            for (int j = 0; j < power.length; j++) {
                double[] c = cosTable[j];
                double[] si = sinTable[j];
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    re += segment[i] * c[i];
                    im += segment[i] * si[i];
                }
                power[j] += re * re + im * im;
            }
        }
        double sum = 0;
        for (int j = 0; j < power.length; j++) {
            power[j] = Math.log10(power[j]);
            sum += centredLogFrequency[j] * power[j];
        }
        double beta = -sum / sumSquares;
        double corrected = 0;
        for (int j = 0; j < power.length; j++) {
            corrected += centredLogFrequency[j] * (power[j] - Math.log10(1 + beta * (beta + 1) * smoothing[j]));
        }
        return corrected / sumSquares;
    }
}
