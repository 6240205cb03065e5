package io.spikeline.ingest.sim;

/**
 * The coefficients of the simulated EEG's aperiodic background, a sampled process whose one-sided power spectral
 * density is {@code P(f) ∝ f^−β}: a sum of first-order autoregressive processes, smoothed by a two-tap filter. One
 * immutable coefficient set serves every channel; the simulator keeps each channel's state.
 *
 * <p>Why first-order processes add up to a power law: with the warped frequency {@code φ(f) = sin(π f / fs)} (0 at DC,
 * 1 at Nyquist), the process {@code x_t = ρ x_{t−1} + σ ε_t} (ε unit white noise) has the exact spectrum
 * <pre>
 *   P_x(f) = 2σ² / (fs |1 − ρ e^{−2πi f/fs}|²) = A / (1 + (φ / φ_c)²),
 *   φ_c = (1 − ρ) / (2√ρ),   A = 2σ² / (fs (1 − ρ)²)
 * </pre>
 * a Lorentzian in φ. Weighting Lorentzians at corners spaced by a factor r in φ by {@code A_k = φ_k^−β} gives
 * {@code Σ_k φ_k^−β / (1 + (φ/φ_k)²) = φ^−β π / (2 ln r sin(πβ/2))} for the infinite series (0 < β < 2), with a
 * ripple of relative size about {@code e^{−π²/ln r}}: below 10⁻⁴ at the octave spacing used here.
 *
 * <p>The series is kept from the corner of {@link #LOWEST_CORNER_HZ} to Nyquist ({@code φ = 1}), at most an octave
 * apart, and each of its two infinite tails is replaced by one more process that matches the tail's first two terms:
 * <ul>
 *   <li>below, {@code Σ_{m≥1} A_{−m} / (1 + (φ/φ_{−m})²) = S₂/φ² − S₄/φ⁴ + …} with
 *       {@code S_p = Σ_{m≥1} A_{−m} φ_{−m}^p = φ₀^{p−β} / (r^{p−β} − 1)}: one process with {@code φ_c² = S₄/S₂},
 *       {@code A = S₂²/S₄}, leaving an error of order {@code (φ₀/φ)^{6−β}};</li>
 *   <li>above, {@code Σ_{m≥1} A_{K−1+m} / (1 + (φ/φ_{K−1+m})²) = T₀ − T₂ φ² + …} with {@code T₀ = 1 / (r^β − 1)},
 *       {@code T₂ = 1 / (r^{β+2} − 1)} (as {@code φ_{K−1} = 1}): one process with {@code A = T₀},
 *       {@code φ_c² = T₀/T₂}.</li>
 * </ul>
 * Every A is scaled by {@code r^β − 1}, which leaves the shape alone and keeps β = 0 finite: there the series weighs
 * nothing and the upper tail's process, of infinite corner (ρ = 0), is white noise.
 *
 * <p>The sum {@code y} follows {@code φ^−β}, and {@code φ^−β = (π f/fs)^−β (1 + β u²/6 + O(u⁴))} with
 * {@code u = π f / fs}. The output {@code z_t = (y_t + c y_{t−1}) / (1 + c)}, whose power gain is
 * {@code 1 − γ φ²} with {@code γ = 4c / (1 + c)²}, cancels that term for {@code γ = β/6}, i.e.
 * {@code c = (1 − √(1 − γ)) / (1 + √(1 − γ))}: {@code P(f) ∝ f^−β (1 + O(u⁴))}. Over {@code [2 f_lowest, fs/5]}
 * (1–50 Hz at 250 Hz) P stays within 1.5 % of {@code f^−β} for 0 ≤ β < 2; below the lowest corner it flattens.
 *
 * <p>The scale makes the variance of z {@code rmsUv²}: with {@code v_k = σ_k² / (1 − ρ_k²)} the processes' variances,
 * {@code var y = Σ v_k}, {@code cov(y_t, y_{t−1}) = Σ ρ_k v_k} and
 * {@code var z = ((1 + c²) var y + 2c cov(y_t, y_{t−1})) / (1 + c)²}.
 */
final class EegBackground {
    /** The lowest corner of the series: the spectrum follows the power law from about twice this up. */
    static final double LOWEST_CORNER_HZ = 0.5;

    private final double sampleRateHz;
    private final double[] rho;
    private final double[] innovation;
    private final double[] stationarySd;
    private final double smoothing;

    /**
     * @param beta the exponent, in [0, 2)
     * @param rmsUv the background's RMS, µV
     * @param sampleRateHz the sampling rate, above four times {@link #LOWEST_CORNER_HZ}
     */
    EegBackground(double beta, double rmsUv, double sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        double lowest = Math.sin(Math.PI * LOWEST_CORNER_HZ / sampleRateHz);
        int series = 1 + (int) Math.ceil(Math.log(1 / lowest) / Math.log(2));
        double r = Math.pow(1 / lowest, 1.0 / (series - 1));
        double scale = Math.pow(r, beta) - 1;
        // Each process as {1 / φ_c, A}: the inverse corner keeps the white upper tail of β = 0 finite.
        double[] inverseCorner = new double[series + 2];
        double[] weight = new double[series + 2];
        for (int k = 0; k < series; k++) {
            double corner = lowest * Math.pow(r, k);
            inverseCorner[k] = 1 / corner;
            weight[k] = Math.pow(corner, -beta) * scale;
        }
        double s2 = Math.pow(lowest, 2 - beta) / (Math.pow(r, 2 - beta) - 1) * scale;
        double cornerBelowSquared = lowest * lowest * (Math.pow(r, 2 - beta) - 1) / (Math.pow(r, 4 - beta) - 1);
        inverseCorner[series] = 1 / Math.sqrt(cornerBelowSquared);
        weight[series] = s2 / cornerBelowSquared;
        inverseCorner[series + 1] = Math.sqrt(scale / (Math.pow(r, beta + 2) - 1));
        weight[series + 1] = 1;
        double gamma = beta / 6;
        double root = Math.sqrt(1 - gamma);
        this.smoothing = (1 - root) / (1 + root);
        int n = series + 2;
        this.rho = new double[n];
        this.innovation = new double[n];
        this.stationarySd = new double[n];
        double varianceY = 0;
        double lagOneY = 0;
        for (int k = 0; k < n; k++) {
            // φ_c = (1 − ρ) / (2√ρ) solved for √ρ, in terms of q = 1/φ_c.
            double q = inverseCorner[k];
            double sqrtRho = q / (1 + Math.sqrt(1 + q * q));
            rho[k] = sqrtRho * sqrtRho;
            // A = 2σ² / (fs (1 − ρ)²), up to the common scale set below.
            double sigmaSquared = weight[k] * (1 - rho[k]) * (1 - rho[k]);
            double v = sigmaSquared / (1 - rho[k] * rho[k]);
            innovation[k] = Math.sqrt(sigmaSquared);
            stationarySd[k] = Math.sqrt(v);
            varianceY += v;
            lagOneY += rho[k] * v;
        }
        double c = smoothing;
        double varianceZ = ((1 + c * c) * varianceY + 2 * c * lagOneY) / ((1 + c) * (1 + c));
        double gain = rmsUv / Math.sqrt(varianceZ);
        for (int k = 0; k < n; k++) {
            innovation[k] *= gain;
            stationarySd[k] *= gain;
        }
    }

    /** The number of first-order processes per channel. */
    int processes() {
        return rho.length;
    }

    /** Process k's pole. */
    double rho(int k) {
        return rho[k];
    }

    /** Process k's innovation scale σ_k, µV. */
    double innovation(int k) {
        return innovation[k];
    }

    /** Process k's stationary standard deviation, µV: the simulator starts each process there. */
    double stationarySd(int k) {
        return stationarySd[k];
    }

    /** The output tap c: {@code z_t = (y_t + c y_{t−1}) / (1 + c)}. */
    double smoothing() {
        return smoothing;
    }

    /** The exact one-sided power spectral density of the background at {@code hz}, µV²/Hz. */
    double powerSpectralDensity(double hz) {
        double omega = 2 * Math.PI * hz / sampleRateHz;
        double cos = Math.cos(omega);
        double sum = 0;
        for (int k = 0; k < rho.length; k++) {
            sum += innovation[k] * innovation[k] / (1 - 2 * rho[k] * cos + rho[k] * rho[k]);
        }
        double c = smoothing;
        return 2 / sampleRateHz * sum * (1 + c * c + 2 * c * cos) / ((1 + c) * (1 + c));
    }
}
