package io.spikeline.runtime.bmi;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.decode.KalmanDecoder;
import io.spikeline.models.decode.WienerDecoder;
import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.filter.SosFilter;
import io.spikeline.models.metrics.R2Accumulator;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.util.Arrays;

/**
 * The classical decoders of BMI practice on the session a simulated {@code bmi} run decodes, as its baselines: a
 * Wiener filter ({@link WienerDecoder}, {@link #LAGS} bins, ridge {@link #RIDGE}) and a velocity Kalman filter
 * ({@link KalmanDecoder}, observation ridge {@link #OBSERVATION_RIDGE}), fitted offline on the run's first batches and
 * decoding the rest, scored like the online decoder (R², uniform average over vx and vy) raw and after the same causal
 * smoothing ({@link BmiJob#SMOOTHING} over the sequence of decodes, primed at the first held-out decode).
 *
 * <p>A bin is one decode batch (20 ms by default): its spike count per channel, labelled with the batch's hand
 * velocity, as the online decoder's decode {@code i} is. The counts are the ones the job decodes: the simulator's 1 ms
 * spike bins for {@link BmiSettings.Input#SPIKE_COUNTS}; for {@link BmiSettings.Input#BROADBAND}, the spikes detected
 * in process by the job's own models (band-pass {@link BmiSettings#bandPass()}, primed at the first frame, threshold
 * crossing {@link BmiSettings#detection()}, merged into 1 ms bins by {@link SpikeRebinFunction}).
 */
public final class BmiBaselines {
    /** Wiener filter history: 10 decode batches (200 ms at 20 ms). */
    public static final int LAGS = 10;
    /** Ridge penalty of the Wiener fit, on counts per bin. */
    public static final double RIDGE = 10;
    /** Added to the Kalman observation noise's diagonal, so that silent channels keep it invertible. */
    public static final double OBSERVATION_RIDGE = 1e-3;

    /** Batches a fit needs: a full Wiener window plus two, the fewest the Kalman fit takes. */
    public static final int MINIMUM_TRAIN_BATCHES = LAGS + 2;

    /** R² of a decoder over the held-out batches: raw, and smoothed. */
    public record Scores(double heldOutR2, double smoothedR2) {}

    /** Each batch's spike count per channel ({@code counts[batch][channel]}) and hand velocity. */
    record Session(float[][] counts, float[][] velocity) {}

    private final int trainBatches;
    private final int heldOutBatches;
    private final Scores wiener;
    private final Scores kalman;
    private final double wallSeconds;

    private BmiBaselines(int trainBatches, int heldOutBatches, Scores wiener, Scores kalman, double wallSeconds) {
        this.trainBatches = trainBatches;
        this.heldOutBatches = heldOutBatches;
        this.wiener = wiener;
        this.kalman = kalman;
        this.wallSeconds = wallSeconds;
    }

    /**
     * Generates {@code settings}' session, fits both decoders on all its batches but the last {@code heldOutBatches},
     * and scores them on those.
     */
    public static BmiBaselines compute(BmiSettings settings, int heldOutBatches) {
        long start = System.nanoTime();
        int batches = Math.toIntExact(settings.batches());
        if (heldOutBatches < 1 || heldOutBatches > batches - MINIMUM_TRAIN_BATCHES) {
            throw new IllegalArgumentException("held-out batches must lie in [1, " + (batches - MINIMUM_TRAIN_BATCHES)
                    + "] (" + MINIMUM_TRAIN_BATCHES + " of the " + batches + " batches to train on), was "
                    + heldOutBatches);
        }
        Session session = session(settings);
        int train = batches - heldOutBatches;
        int channels = settings.channels();
        WienerDecoder w = new WienerDecoder(channels, 2, LAGS);
        KalmanDecoder k = new KalmanDecoder(channels, 2);
        for (int b = 0; b < train; b++) {
            w.addTrainingSample(session.counts()[b], session.velocity()[b]);
            k.addTrainingSample(session.counts()[b], session.velocity()[b]);
        }
        w.fit(RIDGE);
        k.fit(OBSERVATION_RIDGE);
        Scores wiener = score(settings, session, train, w::decode);
        Scores kalman = score(settings, session, train, k::decode);
        return new BmiBaselines(train, heldOutBatches, wiener, kalman, (System.nanoTime() - start) / 1e9);
    }

    private interface Decoder {
        void decode(float[] counts, float[] out);
    }

    private static Scores score(BmiSettings settings, Session session, int from, Decoder decoder) {
        SosFilter smoothing = new SosFilter(BmiJob.SMOOTHING.design(1 / settings.batchSeconds()).sos(), 2);
        R2Accumulator raw = new R2Accumulator(2);
        R2Accumulator smoothed = new R2Accumulator(2);
        float[] out = new float[2];
        float[] smooth = new float[2];
        for (int b = from; b < session.counts().length; b++) {
            decoder.decode(session.counts()[b], out);
            if (b == from) {
                smoothing.prime(out);
            }
            smoothing.filter(out, smooth);
            raw.add(session.velocity()[b], out);
            smoothed.add(session.velocity()[b], smooth);
        }
        return new Scores(raw.uniformAverage(), smoothed.uniformAverage());
    }

    /** The session's counts per batch as the job decodes them, and the hand velocity of each batch. */
    static Session session(BmiSettings settings) {
        int batches = Math.toIntExact(settings.batches());
        int channels = settings.channels();
        float[][] counts = new float[batches][channels];
        float[][] velocity = new float[batches][];
        Detection detection = settings.input() == BmiSettings.Input.BROADBAND ? new Detection(settings) : null;
        try (ReachingSimulator simulator = new ReachingSimulator(BmiSettings.SOURCE_KEY, settings.session())) {
            for (int b = 0; b < batches; b++) {
                ReachingBatch batch = simulator.read();
                SpikeBatch spikes = detection == null ? batch.spikes() : detection.detect(batch.broadband());
                for (int channel : spikes.channelIndices()) {
                    counts[b][channel]++;
                }
                velocity[b] = batch.velocity().target();
            }
        }
        return new Session(counts, velocity);
    }

    /** The broadband path of {@link BmiJob} on one stream, in process: band-pass, threshold crossing, 1 ms bins. */
    private static final class Detection {
        private final SosFilter bandPass;
        private final SampleEncoder encoder;
        private final SpikeRebinFunction rebin;
        private float[] filtered = new float[0];
        private boolean primed;

        Detection(BmiSettings settings) {
            ReachingParameters session = settings.session();
            bandPass = new SosFilter(settings.bandPass().design(ReachingParameters.BROADBAND_RATE_HZ).sos(),
                    settings.channels());
            encoder = settings.detection().create(settings.channels(), BmiSettings.SOURCE_KEY);
            rebin = new SpikeRebinFunction(Math.toIntExact(Math.round(
                    session.binWidthUs() * ReachingParameters.BROADBAND_RATE_HZ / 1e6)), session.binWidthUs());
        }

        SpikeBatch detect(SampleFrame frame) {
            float[] data = frame.data();
            if (!primed) {
                bandPass.prime(Arrays.copyOf(data, frame.channelCount()));
                primed = true;
            }
            if (filtered.length != data.length) {
                filtered = new float[data.length];
            }
            bandPass.filter(data, filtered);
            return rebin.map(encoder.encode(new SampleFrame(frame.sourceKey(), frame.sequence(),
                    frame.firstSampleTimeUs(), frame.sampleRateHz(), frame.channelCount(), frame.sampleCount(),
                    filtered)));
        }
    }

    /** Batches the decoders were fitted on: the run's first. */
    public int trainBatches() {
        return trainBatches;
    }

    /** Batches decoded and scored: the run's last. */
    public int heldOutBatches() {
        return heldOutBatches;
    }

    public Scores wiener() {
        return wiener;
    }

    public Scores kalman() {
        return kalman;
    }

    /** Wall time to generate the session, detect its spikes (broadband), fit and decode, s. */
    public double wallSeconds() {
        return wallSeconds;
    }
}
