package io.spikeline.benchmarks;

import io.spikeline.models.encode.ThresholdCrossingEncoder;
import io.spikeline.models.encode.ThresholdCrossingParams;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Threshold-crossing spike detection on a 384-channel probe at 30 kHz, one 1 ms frame (30 samples × 384
 * channels, float) per invocation, with a 1 s noise window (30 000 samples). The input is 100 ms of
 * band-passed-like Gaussian noise (σ = 10 µV) with an extracellular spike of about -8 σ on each channel
 * roughly every 100 ms, cycled frame by frame, for noise strides of 1 (every sample feeds the median) to 16.
 * Scores are channel-samples per second (one op per channel-sample); one probe in real time needs 11.52 M/s.
 *
 * <p>Run: {@code java -jar tests/benchmarks/target/benchmarks.jar Encoder -f 1 -wi 3 -i 5 -w 2 -r 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EncoderBenchmark {
    private static final int CHANNELS = 384;
    private static final int FRAME_SAMPLES = 30;
    private static final int CHANNEL_SAMPLES_PER_FRAME = CHANNELS * FRAME_SAMPLES;
    private static final double RATE_HZ = 30_000;
    private static final int FRAMES = 100;
    private static final int NOISE_WINDOW_SAMPLES = 30_000;
    private static final float NOISE_SIGMA_UV = 10;
    /** A spike's trough-centred waveform in units of σ, one value per sample. */
    private static final double[] SPIKE_WAVEFORM = {-1.5, -5, -8, -6, -2.5, 0.5, 2, 1.5, 0.5};

    /** {@link #FRAMES} consecutive 1 ms frames of noise with one spike per channel at a random time. */
    static SampleFrame[] frames() {
        SeededRandom random = new SeededRandom(30_000);
        int samples = FRAMES * FRAME_SAMPLES;
        float[] signal = new float[samples * CHANNELS];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (float) (NOISE_SIGMA_UV * random.nextGaussian());
        }
        for (int c = 0; c < CHANNELS; c++) {
            int start = random.nextInt(samples - SPIKE_WAVEFORM.length);
            for (int k = 0; k < SPIKE_WAVEFORM.length; k++) {
                signal[(start + k) * CHANNELS + c] += (float) (NOISE_SIGMA_UV * SPIKE_WAVEFORM[k]);
            }
        }
        SampleFrame[] frames = new SampleFrame[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            float[] data = new float[CHANNEL_SAMPLES_PER_FRAME];
            System.arraycopy(signal, f * CHANNEL_SAMPLES_PER_FRAME, data, 0, data.length);
            frames[f] = new SampleFrame("probe", f, f * 1000L, RATE_HZ, CHANNELS, FRAME_SAMPLES, data);
        }
        return frames;
    }

    @State(Scope.Thread)
    public static class ThresholdCrossing {
        /** The noise estimate observes every k-th sample; 1 observes all of them. */
        @Param({"1", "4", "8", "16"})
        public int noiseStrideSamples;

        SampleFrame[] frames;
        ThresholdCrossingEncoder encoder;
        int next;

        @Setup
        public void setUp() {
            frames = frames();
            encoder = new ThresholdCrossingEncoder(new ThresholdCrossingParams(
                    ThresholdCrossingParams.TYPICAL_MULTIPLE, NOISE_WINDOW_SAMPLES, 30)
                    .withNoiseStride(noiseStrideSamples), CHANNELS);
        }

        SampleFrame nextFrame() {
            SampleFrame frame = frames[next];
            next = next + 1 == FRAMES ? 0 : next + 1;
            return frame;
        }
    }

    @Benchmark
    @OperationsPerInvocation(CHANNEL_SAMPLES_PER_FRAME)
    public SpikeBatch thresholdCrossing(ThresholdCrossing state) {
        return state.encoder.encode(state.nextFrame());
    }
}
