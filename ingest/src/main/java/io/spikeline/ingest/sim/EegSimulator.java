package io.spikeline.ingest.sim;

import io.spikeline.ingest.RecordReader;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;

/**
 * A seeded simulation of scalp EEG with an aperiodic 1/f^β background, state-dependent alpha, line noise,
 * eye blinks and muscle bursts; see {@link EegParameters} for the model. Never ends; equal parameters give
 * equal streams.
 */
public final class EegSimulator implements RecordReader<EegFrame> {
    private static final double BLINK_SECONDS = 0.3;
    private static final double MUSCLE_SECONDS = 0.2;
    private static final double ALPHA_ENVELOPE_SECONDS = 0.3;

    private final EegParameters p;
    private final String sourceKey;
    private final SeededRandom random;
    private final double dt;
    private final EegBackground background;
    /** Each channel's background processes, {@code [channel · processes + k]}, and the sum of its previous sample. */
    private final double[] state;
    private final double[] previousSum;
    private final double[] alphaWeight;
    private final double[] blinkWeight;
    private final double alphaRho;

    private long sequence;
    private long sampleIndex;
    private double alphaPhase;
    private final double[] alphaQuadrature = new double[4];
    private double blinkRemainingS;
    private double muscleRemainingS;
    private int muscleChannel;

    public EegSimulator(String sourceKey, EegParameters parameters) {
        this.p = parameters;
        this.sourceKey = sourceKey;
        this.random = new SeededRandom(parameters.seed());
        this.dt = 1 / parameters.sampleRateHz();
        this.background = new EegBackground(parameters.aperiodicExponent(), parameters.aperiodicUv(),
                parameters.sampleRateHz());
        int n = parameters.channels();
        int processes = background.processes();
        // Started from the stationary distribution, so that the slow processes need no time to settle.
        this.state = new double[n * processes];
        this.previousSum = new double[n];
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < processes; k++) {
                state[c * processes + k] = background.stationarySd(k) * random.nextGaussian();
                previousSum[c] += state[c * processes + k];
            }
        }
        this.alphaWeight = new double[n];
        this.blinkWeight = new double[n];
        for (int c = 0; c < n; c++) {
            double backness = n == 1 ? 1 : c / (n - 1.0);
            alphaWeight[c] = 0.2 + 0.8 * backness;
            blinkWeight[c] = Math.pow(1 - backness, 2);
        }
        this.alphaRho = Math.exp(-dt / ALPHA_ENVELOPE_SECONDS);
    }

    /** The eyes state at sample {@code index}: open during even state epochs, closed during odd ones. */
    public int stateAt(long index) {
        return (long) (index * dt / p.stateSeconds()) % 2 == 0 ? EegParameters.EYES_OPEN : EegParameters.EYES_CLOSED;
    }

    @Override
    public EegFrame read() {
        int n = p.channels();
        int samples = p.samplesPerFrame();
        float[] data = new float[samples * n];
        long firstIndex = sampleIndex;
        for (int s = 0; s < samples; s++) {
            double t = sampleIndex * dt;
            double alpha = alphaSample(stateAt(sampleIndex));
            double line = p.lineUv() * Math.sin(2 * Math.PI * p.lineHz() * t);
            double blink = blinkSample();
            double muscle = muscleSample();
            for (int c = 0; c < n; c++) {
                double value = backgroundSample(c) + alphaWeight[c] * alpha + line + blinkWeight[c] * blink;
                if (c == muscleChannel) {
                    value += muscle;
                }
                data[s * n + c] = (float) value;
            }
            sampleIndex++;
        }
        long startUs = Math.round(firstIndex * 1e6 / p.sampleRateHz());
        SampleFrame frame = new SampleFrame(sourceKey, sequence++, startUs, p.sampleRateHz(), n, samples, data);
        return new EegFrame(frame, Feedback.ofClass(sourceKey, startUs, stateAt(firstIndex)));
    }

    /** Channel c's next background sample: its processes stepped, their sum smoothed by {@link EegBackground}'s tap. */
    private double backgroundSample(int c) {
        int processes = background.processes();
        int base = c * processes;
        double sum = 0;
        for (int k = 0; k < processes; k++) {
            double x = background.rho(k) * state[base + k] + background.innovation(k) * random.nextGaussian();
            state[base + k] = x;
            sum += x;
        }
        double tap = background.smoothing();
        double value = (sum + tap * previousSum[c]) / (1 + tap);
        previousSum[c] = sum;
        return value;
    }

    /**
     * Alpha as a narrow-band Gaussian process: two quadrature components, each white noise smoothed by two
     * first-order low-pass stages (so its spectrum falls as 1/f⁴ away from the alpha peak and does not leak
     * into other bands), modulating a sine and a cosine at the alpha frequency. Unit variance per component,
     * so the result has the state's RMS amplitude.
     */
    private double alphaSample(int eyes) {
        double scale = (1 + alphaRho) / Math.sqrt(1 + alphaRho * alphaRho);
        double innovationScale = Math.sqrt(1 - alphaRho * alphaRho);
        for (int q = 0; q < 2; q++) {
            alphaQuadrature[2 * q] = alphaRho * alphaQuadrature[2 * q] + innovationScale * random.nextGaussian();
            alphaQuadrature[2 * q + 1] = alphaRho * alphaQuadrature[2 * q + 1] + (1 - alphaRho) * alphaQuadrature[2 * q];
        }
        alphaPhase += 2 * Math.PI * p.alphaHz() * dt;
        double amplitude = eyes == EegParameters.EYES_OPEN ? p.alphaOpenUv() : p.alphaClosedUv();
        return amplitude * scale * (alphaQuadrature[1] * Math.sin(alphaPhase) + alphaQuadrature[3] * Math.cos(alphaPhase));
    }

    private double blinkSample() {
        if (blinkRemainingS <= 0 && random.nextDouble() < p.blinksPerMinute() / 60 * dt) {
            blinkRemainingS = BLINK_SECONDS;
        }
        if (blinkRemainingS <= 0) {
            return 0;
        }
        double value = p.blinkUv() * Math.sin(Math.PI * (BLINK_SECONDS - blinkRemainingS) / BLINK_SECONDS);
        blinkRemainingS -= dt;
        return value;
    }

    private double muscleSample() {
        if (muscleRemainingS <= 0 && random.nextDouble() < p.muscleBurstsPerMinute() / 60 * dt) {
            muscleRemainingS = MUSCLE_SECONDS;
            muscleChannel = random.nextInt(p.channels());
        }
        if (muscleRemainingS <= 0) {
            return 0;
        }
        muscleRemainingS -= dt;
        return p.muscleUv() * random.nextGaussian();
    }

    @Override
    public void close() {
        // Nothing to release: the simulation holds no external resources.
    }
}
