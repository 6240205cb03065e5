package io.spikeline.benchmarks;

import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.LifPopulation;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.neuron.ResetMode;
import io.spikeline.models.random.SeededRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One step of a 100 000-neuron LIF population ({@code v <- 0.95 v + 0.04 + input}, subtractive reset at 1):
 * 1 % of the neurons receive a synaptic input per step, written sparsely into the input array inside the
 * measured step as spike propagation would, and cleared again after it. The score is in neuron updates per
 * second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifBenchmark {
    private static final int NEURONS = 100_000;
    private static final int TARGETS_PER_STEP = NEURONS / 100;
    private static final int INPUT_PATTERNS = 256;
    private static final float SYNAPTIC_WEIGHT = 0.3f;

    private LifPopulation population;
    private float[] input;
    private int[] spikes;
    private int[] targets;
    private int pattern;

    @Setup
    public void setUp() {
        population = new LifPopulation(NEURONS, LifParameters.defaults().withBeta(PerNeuron.of(0.95))
                .withBias(PerNeuron.of(0.04)).withThreshold(PerNeuron.of(1)).withReset(ResetMode.SUBTRACT));
        input = new float[NEURONS];
        spikes = new int[NEURONS];
        SeededRandom random = new SeededRandom(42);
        targets = new int[INPUT_PATTERNS * TARGETS_PER_STEP];
        for (int k = 0; k < targets.length; k++) {
            targets[k] = random.nextInt(NEURONS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(NEURONS)
    public int step() {
        int first = pattern * TARGETS_PER_STEP;
        pattern = (pattern + 1) % INPUT_PATTERNS;
        for (int k = first; k < first + TARGETS_PER_STEP; k++) {
            input[targets[k]] += SYNAPTIC_WEIGHT;
        }
        int spikeCount = population.step(input, spikes);
        for (int k = first; k < first + TARGETS_PER_STEP; k++) {
            input[targets[k]] = 0f;
        }
        return spikeCount;
    }
}
