package io.spikeline.benchmarks;

import io.spikeline.models.filter.BlockBidirectionalFilter;
import io.spikeline.models.filter.SosCoefficients;
import io.spikeline.models.filter.design.BesselDesign;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.filter.SosFilter;
import io.spikeline.models.random.SeededRandom;
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
 * Bessel band-pass filtering of a 384-channel probe at 30 kHz, one 1 ms frame (30 samples × 384 channels,
 * float) per invocation. Scores are channel-samples per second (one op per channel-sample). Targets on one
 * core: causal at least 400 M/s, block-bidirectional (B = 32) at least 150 M/s.
 *
 * <p>Run: {@code java -jar tests/benchmarks/target/benchmarks.jar SosFilter -f 1 -wi 3 -i 5 -w 2 -r 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SosFilterBenchmark {
    private static final int CHANNELS = 384;
    private static final int FRAME_SAMPLES = 30;
    private static final int CHANNEL_SAMPLES_PER_FRAME = CHANNELS * FRAME_SAMPLES;
    private static final int BLOCK_SIZE = 32;

    /** The order-4 Bessel band-pass 300–3000 Hz at 30 kHz, {@code norm='phase'}: four sections. */
    static SosCoefficients bandpass300to3000Hz() {
        return BesselDesign.bandpass(4, 300, 3000, 30_000, BesselNorm.PHASE).sos();
    }

    /** One 1 ms frame of noise-like probe samples, filtered again and again (the state keeps evolving). */
    static float[] frame() {
        SeededRandom random = new SeededRandom(30_000);
        float[] frame = new float[CHANNEL_SAMPLES_PER_FRAME];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) (50 * random.nextGaussian());
        }
        return frame;
    }

    @State(Scope.Thread)
    public static class Causal {
        float[] frame;
        float[] output;
        SosFilter filter;

        @Setup
        public void setUp() {
            frame = frame();
            output = new float[frame.length];
            filter = new SosFilter(bandpass300to3000Hz(), CHANNELS);
        }
    }

    @State(Scope.Thread)
    public static class BlockBidirectional {
        @Param({"FILTFILT_PADLEN0", "ZERO_STATE", "FORWARD_CARRIED_BACKWARD_ZERO"})
        public BlockBidirectionalFilter.Variant variant;

        float[] frame;
        float[] output;
        BlockBidirectionalFilter filter;

        @Setup
        public void setUp() {
            frame = frame();
            filter = new BlockBidirectionalFilter(bandpass300to3000Hz(), CHANNELS, BLOCK_SIZE, variant);
            output = new float[filter.outputSamplesFor(FRAME_SAMPLES + BLOCK_SIZE) * CHANNELS];
        }
    }

    @Benchmark
    @OperationsPerInvocation(CHANNEL_SAMPLES_PER_FRAME)
    public float[] causal(Causal state) {
        state.filter.filter(state.frame, state.output);
        return state.output;
    }

    @Benchmark
    @OperationsPerInvocation(CHANNEL_SAMPLES_PER_FRAME)
    public int blockBidirectional(BlockBidirectional state) {
        return state.filter.process(state.frame, state.output);
    }
}
