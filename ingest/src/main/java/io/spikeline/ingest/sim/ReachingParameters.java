package io.spikeline.ingest.sim;

/**
 * Parameters of the simulated reaching task and the implanted array that records it.
 *
 * <p>Kinematics: the hand moves between targets along minimum-jerk paths (Flash and Hogan 1985),
 * {@code p(τ) = p₀ + (p₁ − p₀)(10τ³ − 15τ⁴ + 6τ⁵)}, τ = t / reach duration, so speed has the bell shape
 * of real reaches; each reach is followed by a hold. {@link Task#CENTER_OUT} alternates reaches from the
 * centre to one of {@code targetCount} targets on a circle and back; {@link Task#RANDOM_TARGET} reaches to
 * uniformly drawn points in the square workspace.
 *
 * <p>Units: each channel records one unit with cosine tuning to hand velocity (Georgopoulos 1982),
 * {@code λ(t) = max(0, b + m · (v(t) · d) / maxSpeed)} spikes/s, with baseline b, depth m and preferred
 * direction d drawn per unit; its preferred direction drifts as a random walk of {@code driftRadPerSqrtS}
 * rad/√s. Spikes are Bernoulli per bin with probability λ·Δt, and none within {@code refractoryMs} of the
 * unit's last spike.
 *
 * @param seed every draw (tuning, targets, spikes, noise) follows from it
 * @param channels units on the array (96–384 for Utah and Neuropixels-like arrays; 1–4096 accepted)
 * @param binWidthUs width of a spike bin, also the kinematics step (µs)
 * @param binsPerBatch bins in each emitted batch
 * @param task reach pattern
 * @param targetCount targets on the circle for {@link Task#CENTER_OUT}
 * @param reachDistanceMm distance from centre to target (mm)
 * @param reachDurationMs duration of each reach (ms)
 * @param holdDurationMs pause at each target (ms)
 * @param baselineRateHz range of baseline rates [min, max] (spikes/s)
 * @param modulationDepthHz range of modulation depths [min, max] (spikes/s at full speed)
 * @param refractoryMs absolute refractory period (ms)
 * @param driftRadPerSqrtS random-walk scale of the preferred directions (0 = stable tuning)
 * @param broadband whether to also emit a 30 kHz voltage trace per channel with spike waveforms in noise
 * @param noiseUv standard deviation of the broadband noise (µV)
 * @param spikeAmplitudeUv range of spike trough amplitudes [min, max] (µV, positive numbers; troughs are negative)
 */
public record ReachingParameters(long seed, int channels, long binWidthUs, int binsPerBatch, Task task,
                                 int targetCount, double reachDistanceMm, double reachDurationMs,
                                 double holdDurationMs, double[] baselineRateHz, double[] modulationDepthHz,
                                 double refractoryMs, double driftRadPerSqrtS, boolean broadband, double noiseUv,
                                 double[] spikeAmplitudeUv) {

    /** The reach pattern. */
    public enum Task { CENTER_OUT, RANDOM_TARGET }

    /** Broadband output is sampled at this rate. */
    public static final double BROADBAND_RATE_HZ = 30_000;

    public ReachingParameters {
        if (channels < 1 || channels > 4096) {
            throw new IllegalArgumentException("channels must lie in 1..4096, was " + channels);
        }
        if (binWidthUs < 100 || binWidthUs > 100_000) {
            throw new IllegalArgumentException("bin width must lie in 100..100000 us, was " + binWidthUs);
        }
        if (broadband && (binWidthUs * 30) % 1000 != 0) {
            throw new IllegalArgumentException("with broadband output the bin width must hold whole 30 kHz samples, was "
                    + binWidthUs + " us");
        }
        if (binsPerBatch < 1) {
            throw new IllegalArgumentException("bins per batch must be >= 1, was " + binsPerBatch);
        }
        if (targetCount < 2) {
            throw new IllegalArgumentException("target count must be >= 2, was " + targetCount);
        }
        requirePositive("reach distance (mm)", reachDistanceMm);
        requirePositive("reach duration (ms)", reachDurationMs);
        if (!(holdDurationMs >= 0)) {
            throw new IllegalArgumentException("hold duration must be >= 0 ms, was " + holdDurationMs);
        }
        baselineRateHz = range("baseline rate (Hz)", baselineRateHz);
        modulationDepthHz = range("modulation depth (Hz)", modulationDepthHz);
        spikeAmplitudeUv = range("spike amplitude (uV)", spikeAmplitudeUv);
        if (!(refractoryMs >= 0) || !(driftRadPerSqrtS >= 0) || !(noiseUv >= 0)) {
            throw new IllegalArgumentException("refractory period, drift and noise must be >= 0, were " + refractoryMs
                    + ", " + driftRadPerSqrtS + ", " + noiseUv);
        }
    }

    /** 96 channels, 1 ms bins in batches of 20, centre-out to 8 targets 80 mm away, stable tuning, no broadband. */
    public static ReachingParameters defaults(long seed) {
        return new ReachingParameters(seed, 96, 1000, 20, Task.CENTER_OUT, 8, 80, 600, 300, new double[] {5, 20},
                new double[] {10, 40}, 2, 0, false, 10, new double[] {60, 150});
    }

    public ReachingParameters withChannels(int n) {
        return new ReachingParameters(seed, n, binWidthUs, binsPerBatch, task, targetCount, reachDistanceMm,
                reachDurationMs, holdDurationMs, baselineRateHz, modulationDepthHz, refractoryMs, driftRadPerSqrtS,
                broadband, noiseUv, spikeAmplitudeUv);
    }

    public ReachingParameters withTask(Task t) {
        return new ReachingParameters(seed, channels, binWidthUs, binsPerBatch, t, targetCount, reachDistanceMm,
                reachDurationMs, holdDurationMs, baselineRateHz, modulationDepthHz, refractoryMs, driftRadPerSqrtS,
                broadband, noiseUv, spikeAmplitudeUv);
    }

    public ReachingParameters withDrift(double radPerSqrtS) {
        return new ReachingParameters(seed, channels, binWidthUs, binsPerBatch, task, targetCount, reachDistanceMm,
                reachDurationMs, holdDurationMs, baselineRateHz, modulationDepthHz, refractoryMs, radPerSqrtS,
                broadband, noiseUv, spikeAmplitudeUv);
    }

    public ReachingParameters withBroadband(boolean on) {
        return new ReachingParameters(seed, channels, binWidthUs, binsPerBatch, task, targetCount, reachDistanceMm,
                reachDurationMs, holdDurationMs, baselineRateHz, modulationDepthHz, refractoryMs, driftRadPerSqrtS,
                on, noiseUv, spikeAmplitudeUv);
    }

    /** Peak speed of a minimum-jerk reach: 1.875 × distance / duration (mm/s). */
    public double maxSpeedMmPerS() {
        return 1.875 * reachDistanceMm / (reachDurationMs / 1000);
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, was " + v);
        }
    }

    private static double[] range(String what, double[] r) {
        if (r == null || r.length != 2 || !(r[0] >= 0) || !(r[1] >= r[0]) || Double.isInfinite(r[1])) {
            throw new IllegalArgumentException(what + " must be a range [min, max] with 0 <= min <= max");
        }
        return r.clone();
    }
}
