package io.spikeline.models.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.spikeline.models.neuron.IzhikevichClass;
import io.spikeline.models.neuron.IzhikevichIntegration;
import io.spikeline.models.neuron.IzhikevichParameters;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.ResetMode;
import io.spikeline.models.neuron.TwoCompartmentParameters;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The network's timing, traces and counts against hand-computed values, and snapshots of every variant. */
class NetworkDynamicsTest {
    private static final long BIN_US = 1000;

    /** One input driving one LIF neuron through a single synapse of weight 2 (threshold 1), optionally delayed. */
    private static NetworkSpec relay(DelaySpec delays, double traceTauMs) {
        ConnectionSpec synapse = new ConnectionSpec(new Connectivity.Dense(), 2, 2, 1, delays);
        return NetworkSpec.of(1, BIN_US, List.of(LayerSpec.of(new NeuronModel.Lif(LifParameters.defaults()
                .withReset(ResetMode.ZERO)), 1, synapse)), traceTauMs,
                new ReadoutSpec.Lms(1, new StepSize.Constant(0.1)), 5, 4);
    }

    /** The bins in which the relay neuron fires when the input spikes in bin 2 only. */
    private static List<Integer> firingBins(SpikingNetwork network, int bins) {
        List<Integer> firing = new ArrayList<>();
        for (int t = 0; t < bins; t++) {
            int[] input = t == 2 ? new int[] {0} : new int[0];
            network.step(t * BIN_US, input, input.length);
            if (network.layerSpikeCount(0) > 0) {
                assertThat(network.layerSpikes(0)[0]).isZero();
                firing.add(t);
            }
        }
        return firing;
    }

    @Test
    void anUndelayedSpikeCrossesTheLayerInItsBinAndADelayedOneDBinsLater() {
        assertThat(firingBins(new SpikingNetwork(relay(null, 10)), 10)).containsExactly(2);
        assertThat(firingBins(new SpikingNetwork(relay(new DelaySpec(3, 3), 10)), 10)).containsExactly(5);
    }

    @Test
    void featuresAreTheExponentialTraceOfTheLastLayerAndSynOpsCountWeightsAdded() {
        double tauMs = 4;
        SpikingNetwork network = new SpikingNetwork(relay(null, tauMs));
        for (int t = 0; t < 5; t++) {
            int[] input = t == 2 ? new int[] {0} : new int[0];
            boolean decoded = network.step(t * BIN_US, input, input.length);
            assertThat(decoded).isEqualTo(t == 4);
        }
        // Spike in bin 2, decode after bin 4: x = exp(-2 dt / tau).
        assertThat((double) network.features()[0]).isCloseTo(Math.exp(-2.0 / tauMs), offset(1e-6));
        assertThat(network.windowStartUs()).isZero();
        assertThat(network.windowEndUs()).isEqualTo(5 * BIN_US);
        assertThat(network.operations().synOps()).isEqualTo(1);
        assertThat(network.operations().neuronUpdates()).isEqualTo(5);
        assertThat(network.operations().macs()).isEqualTo(2);
    }

    @Test
    void aDecidedSampleRepeatsItsDecisionUntilTheSampleEnds() {
        NetworkSpec spec = NetworkSpec.of(8, BIN_US, List.of(LayerSpec.of(new NeuronModel.Lif(
                        LifParameters.defaults()), 8, ConnectionSpec.of(new Connectivity.Dense(), 0, 0.6, 3))), 20,
                new ReadoutSpec.Classifier(2, ClassifierRule.DELTA, new StepSize.Normalised(0.5, 1e-3)), 10, 4)
                .withEarlyDecision(new EarlyDecision(0.6, 50));
        SpikingNetwork network = new SpikingNetwork(spec);
        SeededRandom random = new SeededRandom(8);
        boolean sawDecision = false;
        for (int t = 0; t < 5000; t++) {
            int label = (t / 50) % 2;
            int[] input = new int[8];
            int count = 0;
            for (int c = 0; c < 8; c++) {
                if (random.nextDouble() < (c % 2 == label ? 0.3 : 0.02)) {
                    input[count++] = c;
                }
            }
            boolean wasDecided = network.isDecided();
            float[] before = network.output().clone();
            long synOps = network.operations().synOps();
            if (network.step(t * BIN_US, input, count)) {
                if (wasDecided) {
                    sawDecision = true;
                    assertThat(network.output()).containsExactly(before);
                    assertThat(network.operations().synOps()).isEqualTo(synOps);
                }
                network.learn(Feedback.ofClass("k", network.windowStartUs(), label));
            }
            if ((t + 1) % 50 == 0) {
                assertThat(network.isDecided()).as("a new sample starts undecided").isFalse();
            }
        }
        assertThat(sawDecision).isTrue();
    }

    static Stream<Arguments> variants() {
        ConnectionSpec sparse = new ConnectionSpec(new Connectivity.Sparse(0.5), 0, 6, 5, new DelaySpec(1, 3));
        return Stream.of(
                Arguments.of("Izhikevich, RLS", NetworkSpec.of(6, BIN_US, List.of(LayerSpec.of(
                                new NeuronModel.Izhikevich(IzhikevichParameters.of(IzhikevichClass.REGULAR_SPIKING,
                                        new IzhikevichIntegration.HalfSteps2003())), 10, sparse)), 20,
                        new ReadoutSpec.Rls(2, 0.99, 0.1), 7, 3)),
                Arguments.of("two-compartment, classifier, early decision", NetworkSpec.of(6, BIN_US, List.of(
                                LayerSpec.of(new NeuronModel.TwoCompartment(TwoCompartmentParameters.defaults()), 10,
                                        ConnectionSpec.of(new Connectivity.Dense(), 0, 0.8, 6))), 20,
                        new ReadoutSpec.Classifier(3, ClassifierRule.PERCEPTRON, new StepSize.Constant(0.1)), 5, 3)
                        .withEarlyDecision(new EarlyDecision(0.4, 25))
                        .withOutputFilter(new OutputFilterSpec(4, 30))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyVariantRestoresAndContinuesBitForBit(String name, NetworkSpec spec) throws Exception {
        int bins = 700;
        int[][] input = new int[bins][];
        SeededRandom random = new SeededRandom(17);
        for (int t = 0; t < bins; t++) {
            int[] bin = new int[6];
            int count = 0;
            for (int c = 0; c < 6; c++) {
                if (random.nextDouble() < 0.2) {
                    bin[count++] = c;
                }
            }
            input[t] = Arrays.copyOf(bin, count);
        }
        boolean classifier = spec.readout() instanceof ReadoutSpec.Classifier;
        SpikingNetwork uninterrupted = new SpikingNetwork(spec);
        List<float[]> expected = run(uninterrupted, input, 0, bins, classifier);
        SpikingNetwork first = new SpikingNetwork(spec);
        List<float[]> actual = new ArrayList<>(run(first, input, 0, 333, classifier));
        SpikingNetwork restored = new SpikingNetwork(spec);
        Snapshots.restore(restored, Snapshots.toBytes(first));
        actual.addAll(run(restored, input, 333, bins, classifier));
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k)).containsExactly(expected.get(k));
        }
        assertThat(Arrays.equals(Snapshots.toBytes(restored), Snapshots.toBytes(uninterrupted))).isTrue();
    }

    private static List<float[]> run(SpikingNetwork network, int[][] input, int from, int to, boolean classifier) {
        List<float[]> outputs = new ArrayList<>();
        for (int t = from; t < to; t++) {
            if (network.step(t * BIN_US, input[t], input[t].length)) {
                outputs.add(network.output().clone());
                network.learn(classifier ? Feedback.ofClass("k", network.windowStartUs(), (t / 100) % 3)
                        : Feedback.ofVector("k", network.windowStartUs(), new float[] {t % 7, -t % 5}));
            }
        }
        return outputs;
    }
}
