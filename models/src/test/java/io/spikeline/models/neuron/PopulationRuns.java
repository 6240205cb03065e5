package io.spikeline.models.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Drives populations through input sequences and checks the snapshot contract. */
final class PopulationRuns {
    private PopulationRuns() {}

    /** Uniform random input in [low, high) for {@code steps} steps of {@code size} neurons. */
    static float[][] randomInput(int steps, int size, float low, float high, long seed) {
        SeededRandom random = new SeededRandom(seed);
        float[][] input = new float[steps][size];
        for (float[] row : input) {
            for (int i = 0; i < size; i++) {
                row[i] = low + (high - low) * random.nextFloat();
            }
        }
        return input;
    }

    /** The same input for every step. */
    static float[][] constantInput(int steps, float[] perNeuron) {
        float[][] input = new float[steps][];
        Arrays.fill(input, perNeuron);
        return input;
    }

    /** The spike lists of steps {@code from .. to-1}. */
    static List<int[]> run(SpikingPopulation population, float[][] input, int from, int to) {
        int[] spikes = new int[population.size()];
        List<int[]> out = new ArrayList<>();
        for (int t = from; t < to; t++) {
            int n = population.step(input[t], spikes);
            out.add(Arrays.copyOf(spikes, n));
        }
        return out;
    }

    /** For each neuron, the steps at which it spiked. */
    static List<List<Integer>> spikeTimes(List<int[]> spikeLists, int size) {
        List<List<Integer>> times = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            times.add(new ArrayList<>());
        }
        for (int t = 0; t < spikeLists.size(); t++) {
            for (int i : spikeLists.get(t)) {
                times.get(i).add(t);
            }
        }
        return times;
    }

    /**
     * Runs N steps, snapshots, restores into a fresh population from {@code factory} and continues; the spikes and
     * the final state must equal an uninterrupted run bit for bit. Returns the total spike count so that callers
     * can check the run was not trivially silent.
     */
    static int assertSnapshotContinuationEqualsUninterrupted(Supplier<? extends SpikingPopulation> factory,
                                                             float[][] input, int split) throws IOException {
        SpikingPopulation uninterrupted = factory.get();
        List<int[]> expected = run(uninterrupted, input, 0, input.length);

        SpikingPopulation first = factory.get();
        List<int[]> actual = new ArrayList<>(run(first, input, 0, split));
        byte[] snapshot = Snapshots.toBytes(first);
        SpikingPopulation restored = factory.get();
        Snapshots.restore(restored, snapshot);
        actual.addAll(run(restored, input, split, input.length));

        assertThat(actual).hasSameSizeAs(expected);
        int total = 0;
        for (int t = 0; t < expected.size(); t++) {
            assertThat(actual.get(t)).as("spikes at step %d", t).containsExactly(expected.get(t));
            total += expected.get(t).length;
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(uninterrupted));
        return total;
    }
}
