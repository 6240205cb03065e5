package io.spikeline.ingest.sim;

import io.spikeline.ingest.RecordReader;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.util.Arrays;

/**
 * A seeded simulation of a monkey reaching while an implanted array records cosine-tuned units; see
 * {@link ReachingParameters} for the model. The session never ends: callers bound it by time or batch count.
 * Two simulators with equal parameters produce identical streams.
 */
public final class ReachingSimulator implements RecordReader<ReachingBatch> {
    /** Spike template length at 30 kHz: 1.6 ms, trough at 0.33 ms then a slower positive phase. */
    private static final int TEMPLATE_SAMPLES = 48;
    private static final float[] TEMPLATE = template();

    private final ReachingParameters p;
    private final String sourceKey;
    private final SeededRandom random;
    private final double[] baselineHz;
    private final double[] depthHz;
    private final double[] preferredRad;
    private final double[] preferredCos;
    private final double[] preferredSin;
    private final float[] amplitudeUv;
    private final long[] lastSpikeUs;
    private final double dtS;
    private final int samplesPerBin;
    private final float[] waveform;

    private long sequence;
    private long timeUs;
    private double[] from = {0, 0};
    private double[] to = {0, 0};
    private double movementElapsedMs;
    private boolean holding = true;
    private boolean outward = true;

    public ReachingSimulator(String sourceKey, ReachingParameters parameters) {
        this.p = parameters;
        this.sourceKey = sourceKey;
        this.random = new SeededRandom(parameters.seed());
        int n = parameters.channels();
        this.baselineHz = new double[n];
        this.depthHz = new double[n];
        this.preferredRad = new double[n];
        this.preferredCos = new double[n];
        this.preferredSin = new double[n];
        this.amplitudeUv = new float[n];
        this.lastSpikeUs = new long[n];
        Arrays.fill(lastSpikeUs, Long.MIN_VALUE / 2);
        for (int i = 0; i < n; i++) {
            baselineHz[i] = draw(parameters.baselineRateHz());
            depthHz[i] = draw(parameters.modulationDepthHz());
            preferredRad[i] = 2 * Math.PI * random.nextDouble();
            amplitudeUv[i] = (float) draw(parameters.spikeAmplitudeUv());
        }
        updateDirectionCosines();
        this.dtS = parameters.binWidthUs() / 1e6;
        this.samplesPerBin = (int) (parameters.binWidthUs() * 30 / 1000);
        this.waveform = new float[n * (samplesPerBin * parameters.binsPerBatch() + TEMPLATE_SAMPLES)];
        this.movementElapsedMs = parameters.holdDurationMs();
    }

    private void updateDirectionCosines() {
        for (int i = 0; i < preferredRad.length; i++) {
            preferredCos[i] = Math.cos(preferredRad[i]);
            preferredSin[i] = Math.sin(preferredRad[i]);
        }
    }

    private double draw(double[] range) {
        return range[0] + (range[1] - range[0]) * random.nextDouble();
    }

    private static float[] template() {
        float[] t = new float[TEMPLATE_SAMPLES];
        for (int k = 0; k < TEMPLATE_SAMPLES; k++) {
            double trough = Math.exp(-Math.pow((k - 10) / 3.0, 2));
            double rebound = 0.35 * Math.exp(-Math.pow((k - 22) / 7.0, 2));
            t[k] = (float) (-trough + rebound);
        }
        return t;
    }

    /** Preferred direction of each unit now (radians, counter-clockwise from +x). */
    public double[] preferredDirectionsRad() {
        return preferredRad.clone();
    }

    public double[] baselineRatesHz() {
        return baselineHz.clone();
    }

    public double[] modulationDepthsHz() {
        return depthHz.clone();
    }

    @Override
    public ReachingBatch read() {
        int n = p.channels();
        int bins = p.binsPerBatch();
        long batchStartUs = timeUs;
        int[] offsets = new int[bins + 1];
        int[] indices = new int[Math.max(16, n)];
        int spikes = 0;
        double sumVx = 0;
        double sumVy = 0;
        double[] velocity = new double[2];
        double maxSpeed = p.maxSpeedMmPerS();
        float[] broadband = p.broadband() ? new float[samplesPerBin * bins * n] : null;
        for (int b = 0; b < bins; b++) {
            advanceKinematics(velocity);
            sumVx += velocity[0];
            sumVy += velocity[1];
            for (int i = 0; i < n; i++) {
                double drive = (velocity[0] * preferredCos[i] + velocity[1] * preferredSin[i]) / maxSpeed;
                double rate = Math.max(0, baselineHz[i] + depthHz[i] * drive);
                boolean refractory = timeUs - lastSpikeUs[i] < p.refractoryMs() * 1000;
                if (random.nextDouble() < rate * dtS && !refractory) {
                    if (spikes == indices.length) {
                        indices = Arrays.copyOf(indices, indices.length * 2);
                    }
                    indices[spikes++] = i;
                    lastSpikeUs[i] = timeUs;
                    if (broadband != null) {
                        addWaveform(i, b * samplesPerBin + random.nextInt(samplesPerBin));
                    }
                }
            }
            offsets[b + 1] = spikes;
            timeUs += p.binWidthUs();
        }
        if (p.driftRadPerSqrtS() > 0) {
            double scale = p.driftRadPerSqrtS() * Math.sqrt(bins * dtS);
            for (int i = 0; i < n; i++) {
                preferredRad[i] += scale * random.nextGaussian();
            }
            updateDirectionCosines();
        }
        SpikeBatch batch = new SpikeBatch(sourceKey, sequence, batchStartUs, p.binWidthUs(), n, bins, offsets,
                Arrays.copyOf(indices, spikes));
        Feedback truth = Feedback.ofVector(sourceKey, batchStartUs,
                new float[] {(float) (sumVx / bins), (float) (sumVy / bins)});
        SampleFrame frame = broadband == null ? null : broadbandFrame(broadband, batchStartUs);
        sequence++;
        return new ReachingBatch(batch, truth, frame);
    }

    /** Adds a spike waveform of unit {@code unit} starting at sample {@code at} of this batch. */
    private void addWaveform(int unit, int at) {
        int stride = waveform.length / p.channels();
        int base = unit * stride + at;
        float a = amplitudeUv[unit];
        for (int k = 0; k < TEMPLATE_SAMPLES; k++) {
            waveform[base + k] += a * TEMPLATE[k];
        }
    }

    private SampleFrame broadbandFrame(float[] data, long startUs) {
        int n = p.channels();
        int samples = samplesPerBin * p.binsPerBatch();
        int stride = waveform.length / n;
        for (int c = 0; c < n; c++) {
            int row = c * stride;
            for (int s = 0; s < samples; s++) {
                data[s * n + c] = (float) (p.noiseUv() * random.nextGaussian()) + waveform[row + s];
            }
            // Waveforms that run past the batch end carry into the next batch.
            System.arraycopy(waveform, row + samples, waveform, row, TEMPLATE_SAMPLES);
            Arrays.fill(waveform, row + TEMPLATE_SAMPLES, row + stride, 0f);
        }
        return new SampleFrame(sourceKey, sequence, startUs, ReachingParameters.BROADBAND_RATE_HZ, n, samples, data);
    }

    /** Moves the hand by one bin along the current minimum-jerk reach or hold; writes the bin's velocity. */
    private void advanceKinematics(double[] velocity) {
        double stepMs = p.binWidthUs() / 1000.0;
        if (holding && movementElapsedMs >= p.holdDurationMs()) {
            startReach();
        } else if (!holding && movementElapsedMs >= p.reachDurationMs()) {
            holding = true;
            movementElapsedMs = 0;
            from = to;
        }
        double midMs = movementElapsedMs + stepMs / 2;
        if (holding) {
            velocity[0] = 0;
            velocity[1] = 0;
        } else {
            double duration = p.reachDurationMs() / 1000;
            double tau = Math.min(1, midMs / p.reachDurationMs());
            double speedShape = (30 * tau * tau - 60 * tau * tau * tau + 30 * tau * tau * tau * tau) / duration;
            velocity[0] = (to[0] - from[0]) * speedShape;
            velocity[1] = (to[1] - from[1]) * speedShape;
        }
        movementElapsedMs += stepMs;
    }

    private void startReach() {
        holding = false;
        movementElapsedMs = 0;
        double r = p.reachDistanceMm();
        if (p.task() == ReachingParameters.Task.CENTER_OUT) {
            if (outward) {
                double angle = 2 * Math.PI * random.nextInt(p.targetCount()) / p.targetCount();
                to = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
            } else {
                to = new double[] {0, 0};
            }
            outward = !outward;
        } else {
            to = new double[] {r * (2 * random.nextDouble() - 1), r * (2 * random.nextDouble() - 1)};
        }
    }

    /** The hand position at the current time (mm). */
    public double[] handPositionMm() {
        if (holding) {
            return from.clone();
        }
        double tau = Math.min(1, movementElapsedMs / p.reachDurationMs());
        double shape = 10 * Math.pow(tau, 3) - 15 * Math.pow(tau, 4) + 6 * Math.pow(tau, 5);
        return new double[] {from[0] + (to[0] - from[0]) * shape, from[1] + (to[1] - from[1]) * shape};
    }

    @Override
    public void close() {
        // Nothing to release: the simulation holds no external resources.
    }
}
