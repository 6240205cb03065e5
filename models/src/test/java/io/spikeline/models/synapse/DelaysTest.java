package io.spikeline.models.synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DelaysTest {
    private static final int STEPS = 120;

    /** Random spike lists: each of {@code neurons} spikes with probability {@code rate} per step. */
    private static int[][] randomSpikes(int neurons, double rate, long seed) {
        SeededRandom random = new SeededRandom(seed);
        int[][] spikes = new int[STEPS][];
        for (int t = 0; t < STEPS; t++) {
            int[] list = new int[neurons];
            int n = 0;
            for (int i = 0; i < neurons; i++) {
                if (random.nextDouble() < rate) {
                    list[n++] = i;
                }
            }
            spikes[t] = Arrays.copyOf(list, n);
        }
        return spikes;
    }

    private static int[] randomDelays(int count, int maxDelay, long seed) {
        SeededRandom random = new SeededRandom(seed);
        int[] delays = new int[count];
        for (int s = 0; s < count; s++) {
            delays[s] = 1 + random.nextInt(maxDelay);
        }
        return delays;
    }

    /** Per step: deliver into a fresh input, record it, then propagate that step's spikes. */
    private static float[][] run(DelayedCsrSynapses synapses, int[][] spikes, int from, int to, long[] ops) {
        float[][] received = new float[to - from][];
        for (int t = from; t < to; t++) {
            float[] input = new float[synapses.weights().postCount()];
            synapses.deliver(input);
            received[t - from] = input;
            ops[0] += synapses.propagateSpikes(spikes[t], spikes[t].length);
        }
        return received;
    }

    @Test
    void aSpikeArrivesExactlyAfterItsDelay() {
        CsrWeights w = new CsrWeights(1, 3, new int[] {0, 3}, new int[] {0, 1, 2}, new float[] {0.5f, 0.25f, 2f});
        DelayedCsrSynapses synapses = new DelayedCsrSynapses(w, new int[] {1, 3, 5});
        int[][] spikes = new int[10][0];
        spikes[2] = new int[] {0};
        float[][] received = run(synapses, spikes, 0, 10, new long[1]);
        for (int t = 0; t < 10; t++) {
            assertThat(received[t]).as("input at step %d", t).containsExactly(
                    t == 3 ? 0.5f : 0f, t == 5 ? 0.25f : 0f, t == 7 ? 2f : 0f);
        }
        assertThat(synapses.maxDelay()).isEqualTo(5);

        // delivery adds to what the input already holds (other synapse groups may share it)
        synapses.propagateSpikes(new int[] {0}, 1);
        float[] shared = {1f, 1f, 1f};
        synapses.deliver(shared);
        assertThat(shared).containsExactly(1.5f, 1f, 1f);
    }

    /** The reference: every (spike, synapse) pair summed directly into the step it reaches. */
    @Test
    void heterogeneousDelaysDeliverEverySynapticEventAtItsStepAndCountOperations() {
        CsrWeights w = CsrWeights.random(40, 30, 0.2, -1f, 1f, new SeededRandom(1));
        int[] delays = randomDelays(w.synapseCount(), 9, 2);
        int[][] spikes = randomSpikes(40, 0.1, 3);
        long[] ops = new long[1];
        float[][] received = run(new DelayedCsrSynapses(w, delays), spikes, 0, STEPS, ops);

        double[][] expected = new double[STEPS][30];
        long expectedOps = 0;
        for (int t = 0; t < STEPS; t++) {
            for (int i : spikes[t]) {
                for (int s = w.rowOffsets()[i]; s < w.rowOffsets()[i + 1]; s++) {
                    if (t + delays[s] < STEPS) {
                        expected[t + delays[s]][w.postIndex()[s]] += w.weights()[s];
                    }
                    expectedOps++;
                }
            }
        }
        for (int t = 0; t < STEPS; t++) {
            for (int j = 0; j < 30; j++) {
                assertThat((double) received[t][j]).as("input of %d at step %d", j, t)
                        .isCloseTo(expected[t][j], within(1e-5));
            }
        }
        assertThat(ops[0]).isEqualTo(expectedOps).isGreaterThan(1000);
    }

    @Test
    void unitDelaysEqualUndelayedPropagationShiftedByOneStep() {
        CsrWeights w = CsrWeights.random(25, 20, 0.3, -1f, 1f, new SeededRandom(4));
        int[][] spikes = randomSpikes(25, 0.15, 5);
        float[][] received = run(DelayedCsrSynapses.uniform(w, 1), spikes, 0, STEPS, new long[1]);
        assertThat(received[0]).containsOnly(0f);
        for (int t = 1; t < STEPS; t++) {
            float[] direct = new float[20];
            w.propagateSpikes(spikes[t - 1], spikes[t - 1].length, direct);
            assertThat(received[t]).as("step %d", t).containsExactly(direct);
        }
    }

    @Test
    void snapshotThenRestoreThenContinueEqualsAnUninterruptedRun() throws Exception {
        CsrWeights w = CsrWeights.random(30, 20, 0.25, 0f, 1f, new SeededRandom(6));
        int[] delays = randomDelays(w.synapseCount(), 7, 7);
        int[][] spikes = randomSpikes(30, 0.1, 8);
        DelayedCsrSynapses uninterrupted = new DelayedCsrSynapses(w, delays);
        float[][] expected = run(uninterrupted, spikes, 0, STEPS, new long[1]);

        DelayedCsrSynapses first = new DelayedCsrSynapses(w, delays);
        float[][] head = run(first, spikes, 0, 53, new long[1]);
        DelayedCsrSynapses restored = new DelayedCsrSynapses(w, delays);
        Snapshots.restore(restored, Snapshots.toBytes(first));
        float[][] tail = run(restored, spikes, 53, STEPS, new long[1]);
        for (int t = 0; t < STEPS; t++) {
            assertThat(t < 53 ? head[t] : tail[t - 53]).containsExactly(expected[t]);
        }
        assertThat(Snapshots.toBytes(restored)).isEqualTo(Snapshots.toBytes(uninterrupted));

        DelayedCsrSynapses shorter = DelayedCsrSynapses.uniform(w, 2);
        assertThatThrownBy(() -> Snapshots.restore(shorter, Snapshots.toBytes(first)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("maximum delay");
    }

    @Test
    void axonalDelayLineReleasesEachSpikeAfterItsNeuronsDelay() {
        int[] delays = {1, 4, 2, 7, 3};
        SpikeDelayLine line = new SpikeDelayLine(delays);
        int[][] spikes = randomSpikes(5, 0.3, 9);
        int[] out = new int[5];
        boolean[][] arrived = new boolean[STEPS][5];
        for (int t = 0; t < STEPS; t++) {
            int n = line.step(spikes[t], spikes[t].length, out);
            for (int k = 0; k < n; k++) {
                assertThat(arrived[t][out[k]]).isFalse();
                arrived[t][out[k]] = true;
            }
        }
        int checked = 0;
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < 5; i++) {
                int neuron = i;
                boolean emitted = t - delays[i] >= 0
                        && Arrays.stream(spikes[t - delays[i]]).anyMatch(x -> x == neuron);
                assertThat(arrived[t][i]).as("neuron %d at step %d", i, t).isEqualTo(emitted);
                checked += emitted ? 1 : 0;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void axonalDelaysThroughWeightsEqualSynapticDelaysOfThePresynapticNeuron() {
        CsrWeights w = CsrWeights.random(20, 15, 0.3, -1f, 1f, new SeededRandom(10));
        int[] axonal = randomDelays(20, 6, 11);
        int[] perSynapse = new int[w.synapseCount()];
        for (int i = 0; i < 20; i++) {
            for (int s = w.rowOffsets()[i]; s < w.rowOffsets()[i + 1]; s++) {
                perSynapse[s] = axonal[i];
            }
        }
        int[][] spikes = randomSpikes(20, 0.2, 12);
        float[][] synaptic = run(new DelayedCsrSynapses(w, perSynapse), spikes, 0, STEPS, new long[1]);
        SpikeDelayLine line = new SpikeDelayLine(axonal);
        int[] delayed = new int[20];
        for (int t = 0; t < STEPS; t++) {
            // the line releases at step t what arrives at t; through weights it is input of step t
            int n = line.step(spikes[t], spikes[t].length, delayed);
            float[] input = new float[15];
            w.propagateSpikes(delayed, n, input);
            for (int j = 0; j < 15; j++) {
                assertThat(input[j]).as("input of %d at step %d", j, t).isCloseTo(synaptic[t][j], within(1e-5f));
            }
        }
    }

    @Test
    void delayLineSnapshotContinuesExactlyAndRejectsAnotherShape() throws Exception {
        int[] delays = {3, 1, 5, 2};
        int[][] spikes = randomSpikes(4, 0.4, 13);
        SpikeDelayLine uninterrupted = new SpikeDelayLine(delays);
        SpikeDelayLine first = new SpikeDelayLine(delays);
        int[] a = new int[4];
        int[] b = new int[4];
        for (int t = 0; t < 40; t++) {
            uninterrupted.step(spikes[t], spikes[t].length, a);
            first.step(spikes[t], spikes[t].length, b);
        }
        SpikeDelayLine restored = new SpikeDelayLine(delays);
        Snapshots.restore(restored, Snapshots.toBytes(first));
        for (int t = 40; t < STEPS; t++) {
            int n = uninterrupted.step(spikes[t], spikes[t].length, a);
            assertThat(Arrays.copyOf(b, restored.step(spikes[t], spikes[t].length, b))).containsExactly(
                    Arrays.copyOf(a, n));
        }
        assertThatThrownBy(() -> Snapshots.restore(new SpikeDelayLine(new int[] {1, 1, 1}), Snapshots.toBytes(first)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("neuron count = 4");
    }

    @Test
    void invalidDelaysAndDuplicateSpikesAreRejected() {
        CsrWeights w = new CsrWeights(1, 2, new int[] {0, 2}, new int[] {0, 1}, new float[] {1f, 1f});
        assertThatThrownBy(() -> new DelayedCsrSynapses(w, new int[] {1, 0}))
                .hasMessage("delaySteps[1] must be at least 1, was 0");
        assertThatThrownBy(() -> new DelayedCsrSynapses(w, new int[] {1}))
                .hasMessage("1 delays for 2 synapses");
        assertThatThrownBy(() -> new SpikeDelayLine(new int[] {2, -1}))
                .hasMessage("delaySteps[1] must be at least 1, was -1");
        SpikeDelayLine line = new SpikeDelayLine(new int[] {1});
        assertThatThrownBy(() -> line.step(new int[] {0, 0}, 2, new int[1])).hasMessageContaining("twice");
    }
}
