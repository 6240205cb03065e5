package io.spikeline.benchmarks;

import io.spikeline.models.learning.PairStdp;
import io.spikeline.models.learning.PairStdpParameters;
import io.spikeline.models.learning.PlasticWeights;
import io.spikeline.models.learning.WeightBounds;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.synapse.CsrWeights;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One step of all-to-all pair STDP with hard bounds on a 1000 × 1000 sparse matrix ({@link CsrWeights},
 * 10 % connectivity, about 100 000 synapses), with 5 % of the presynaptic and 5 % of the postsynaptic
 * neurons spiking per step (independent Bernoulli draws, 1024 precomputed steps replayed in a cycle). The
 * {@code synapseUpdates} counter reports synapse updates per second; the primary score is steps per second.
 * The weight bounds default to hard [0, 1]; {@code -p bounds=NONE,SOFT} compares the other variants.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StdpBenchmark {
    private static final int NEURONS = 1000;
    private static final double CONNECTIVITY = 0.10;
    private static final double ACTIVITY = 0.05;
    private static final int STEPS = 1024;

    @Param({"HARD"})
    public WeightBounds.Kind bounds;

    private PairStdp rule;
    private PlasticWeights weights;
    private int[][] preSpikes;
    private int[] preCounts;
    private int[][] postSpikes;
    private int[] postCounts;
    private int step;

    /** Synapse updates performed, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Updates {
        public long synapseUpdates;

        @Setup(Level.Iteration)
        public void reset() {
            synapseUpdates = 0;
        }
    }

    @Setup
    public void setUp() {
        SeededRandom random = new SeededRandom(2024);
        CsrWeights matrix = CsrWeights.random(NEURONS, NEURONS, CONNECTIVITY, 0f, 1f, random);
        weights = PlasticWeights.of(matrix);
        rule = new PairStdp(new PairStdpParameters(0.005, 0.00525, 20, 20, 1,
                PairStdpParameters.Pairing.ALL_TO_ALL, PairStdpParameters.Window.CAUSAL, new WeightBounds(bounds, 0, 1)),
                NEURONS, NEURONS);
        preSpikes = new int[STEPS][NEURONS];
        preCounts = new int[STEPS];
        postSpikes = new int[STEPS][NEURONS];
        postCounts = new int[STEPS];
        for (int t = 0; t < STEPS; t++) {
            preCounts[t] = draw(random, preSpikes[t]);
            postCounts[t] = draw(random, postSpikes[t]);
        }
    }

    private static int draw(SeededRandom random, int[] spikes) {
        int count = 0;
        for (int n = 0; n < NEURONS; n++) {
            if (random.nextDouble() < ACTIVITY) {
                spikes[count++] = n;
            }
        }
        return count;
    }

    @Benchmark
    public long pairStdpStep(Updates updates) {
        int t = step;
        step = (t + 1) & (STEPS - 1);
        long touched = rule.step(preSpikes[t], preCounts[t], postSpikes[t], postCounts[t], weights);
        updates.synapseUpdates += touched;
        return touched;
    }
}
