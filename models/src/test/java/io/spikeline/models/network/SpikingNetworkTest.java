package io.spikeline.models.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.learning.PairStdpParameters;
import io.spikeline.models.learning.PlasticWeights;
import io.spikeline.models.learning.SynapticScalingParameters;
import io.spikeline.models.learning.ThreeFactorParameters;
import io.spikeline.models.learning.WeightBounds;
import io.spikeline.models.neuron.AlifParameters;
import io.spikeline.models.neuron.IzhikevichClass;
import io.spikeline.models.neuron.IzhikevichIntegration;
import io.spikeline.models.neuron.IzhikevichParameters;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.readout.ClassifierRule;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikingNetworkTest {
    private static final int INPUTS = 24;
    private static final long BIN_US = 1000;

    /** Two layers (ALIF with delays and STDP + scaling, LIF with a three-factor rule), a filtered LMS readout. */
    private static NetworkSpec fullSpec() {
        WeightBounds bounds = WeightBounds.hard(-1, 1.5);
        LayerSpec first = new LayerSpec(new NeuronModel.Alif(AlifParameters.defaults()), 32,
                new ConnectionSpec(new Connectivity.Sparse(0.4), 0.0, 0.8, 1, new DelaySpec(1, 4)),
                List.of(new LearningRule.Stdp(new PairStdpParameters(0.01, 0.012, 20, 20, 1,
                                PairStdpParameters.Pairing.ALL_TO_ALL, PairStdpParameters.Window.CAUSAL, bounds)),
                        new LearningRule.Scaling(new SynapticScalingParameters(1e-4, 20, 500, 1))));
        LayerSpec second = new LayerSpec(new NeuronModel.Lif(LifParameters.defaults()), 16,
                ConnectionSpec.of(new Connectivity.Dense(), -0.2, 0.6, 2),
                List.of(new LearningRule.ThreeFactor(new ThreeFactorParameters(0.01, 20, 200, 1000, 1, bounds))));
        return NetworkSpec.of(INPUTS, BIN_US, List.of(first, second), 50,
                        new ReadoutSpec.Lms(2, new StepSize.Normalised(0.1, 1e-3)), 10, 8)
                .withOutputFilter(new OutputFilterSpec(2, 10));
    }

    /** Poisson-like input at 40 spikes/s per channel, a fixed stream for a seed. */
    private static int[][] input(long seed, int bins) {
        SeededRandom random = new SeededRandom(seed);
        int[][] spikes = new int[bins][];
        for (int t = 0; t < bins; t++) {
            int[] bin = new int[INPUTS];
            int count = 0;
            for (int c = 0; c < INPUTS; c++) {
                if (random.nextDouble() < 0.04 + 0.04 * Math.sin(t * 0.01 + c)) {
                    bin[count++] = c;
                }
            }
            spikes[t] = Arrays.copyOf(bin, count);
        }
        return spikes;
    }

    /** Steps bins {@code from .. to}, learning a target and a reward at each decode; returns the outputs. */
    private static List<float[]> run(SpikingNetwork network, int[][] input, int from, int to) {
        List<float[]> outputs = new ArrayList<>();
        for (int t = from; t < to; t++) {
            long startUs = t * BIN_US;
            if (network.step(startUs, input[t], input[t].length)) {
                outputs.add(network.output().clone());
                float phase = (float) Math.sin(t * 0.01);
                network.learn(Feedback.ofVector("k", network.windowStartUs(), new float[] {phase, -phase},
                        phase > 0 ? 1f : -1f));
            }
        }
        return outputs;
    }

    @Test
    void twoNetworksOfOneSpecificationRunIdentically() {
        int[][] input = input(7, 3000);
        SpikingNetwork a = new SpikingNetwork(fullSpec());
        SpikingNetwork b = new SpikingNetwork(fullSpec());
        List<float[]> outA = run(a, input, 0, 3000);
        List<float[]> outB = run(b, input, 0, 3000);
        assertThat(outA).hasSize(300);
        for (int k = 0; k < outA.size(); k++) {
            assertThat(outB.get(k)).containsExactly(outA.get(k));
        }
        assertThat(Arrays.equals(Snapshots.toBytes(b), Snapshots.toBytes(a))).isTrue();
        assertThat(a.operations().synOps()).isPositive();
        assertThat(a.learningUpdates()).isPositive();
        assertThat(a.readoutUpdates()).isEqualTo(300);
    }

    @Test
    void restoringASnapshotAndContinuingEqualsAnUninterruptedRun() throws Exception {
        int[][] input = input(9, 3000);
        SpikingNetwork uninterrupted = new SpikingNetwork(fullSpec());
        List<float[]> expected = run(uninterrupted, input, 0, 3000);

        SpikingNetwork first = new SpikingNetwork(fullSpec());
        // 1234 is inside a decode window and inside the delay rings' span: both must carry over.
        List<float[]> actual = new ArrayList<>(run(first, input, 0, 1234));
        SpikingNetwork restored = new SpikingNetwork(fullSpec());
        Snapshots.restore(restored, Snapshots.toBytes(first));
        actual.addAll(run(restored, input, 1234, 3000));

        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k)).containsExactly(expected.get(k));
        }
        assertThat(Arrays.equals(Snapshots.toBytes(restored), Snapshots.toBytes(uninterrupted))).isTrue();
    }

    @Test
    void learningChangesWeightsAndFreezingStopsEveryUpdate() {
        int[][] input = input(3, 2000);
        SpikingNetwork network = new SpikingNetwork(fullSpec());
        double[] initial = weights(network);
        run(network, input, 0, 1000);
        double[] learned = weights(network);
        assertThat(learned).isNotEqualTo(initial);

        network.freeze(true);
        long rules = network.learningUpdates();
        long readout = network.readoutUpdates();
        run(network, input, 1000, 2000);
        assertThat(network.learningUpdates()).isEqualTo(rules);
        assertThat(network.readoutUpdates()).isEqualTo(readout);
        assertThat(weights(network)).isEqualTo(learned);
        assertThat(network.learn(Feedback.ofVector("k", network.windowStartUs(), new float[] {0, 0})))
                .isEqualTo(FeedbackOutcome.FROZEN);
    }

    private static double[] weights(SpikingNetwork network) {
        List<Double> all = new ArrayList<>();
        for (int l = 0; l < network.spec().layers().size(); l++) {
            PlasticWeights w = network.weights(l);
            for (int pre = 0; pre < w.preCount(); pre++) {
                for (int post = 0; post < w.postCount(); post++) {
                    all.add(w.weight(pre, post));
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void feedbackIsMatchedToTheDecodeWindowThatHoldsItsTime() {
        SpikingNetwork network = new SpikingNetwork(fullSpec());
        int[][] input = input(5, 200);
        for (int t = 0; t < 200; t++) {
            network.step(t * BIN_US, input[t], input[t].length);
        }
        // 20 windows of 10 bins; 8 remembered: [120 ms, 200 ms).
        assertThat(network.windowEndUs()).isEqualTo(200_000);
        assertThat(network.oldestWindowStartUs()).isEqualTo(120_000);
        float[] target = {1, 2};
        assertThat(network.learn(Feedback.ofVector("k", 200_000, target))).isEqualTo(FeedbackOutcome.NOT_YET_DECODED);
        assertThat(network.learn(Feedback.ofVector("k", 119_999, target))).isEqualTo(FeedbackOutcome.EXPIRED);
        assertThat(network.learn(Feedback.ofClass("k", 150_000, 1))).isEqualTo(FeedbackOutcome.REJECTED);
        assertThat(network.learn(Feedback.ofVector("k", 150_000, new float[] {1}))).isEqualTo(FeedbackOutcome.REJECTED);
        assertThat(network.readoutUpdates()).isZero();
        assertThat(network.learn(Feedback.ofVector("k", 120_000, target))).isEqualTo(FeedbackOutcome.APPLIED);
        assertThat(network.readoutUpdates()).isEqualTo(1);
    }

    @Test
    void lateFeedbackLearnsFromTheFeaturesOfItsOwnWindow() {
        // Two networks see the same input; one learns a target right after the window closes, the other after
        // three more windows. The readout weights must then be equal: only the features of the window count.
        NetworkSpec spec = NetworkSpec.of(INPUTS, BIN_US, List.of(LayerSpec.of(new NeuronModel.Lif(
                        LifParameters.defaults()), 16, ConnectionSpec.of(new Connectivity.Dense(), 0, 0.5, 4))), 30,
                new ReadoutSpec.Lms(1, new StepSize.Constant(0.01)), 10, 8);
        int[][] input = input(11, 100);
        SpikingNetwork prompt = new SpikingNetwork(spec);
        SpikingNetwork late = new SpikingNetwork(spec);
        Feedback feedback = Feedback.ofVector("k", 25_000, new float[] {3});
        for (int t = 0; t < 60; t++) {
            prompt.step(t * BIN_US, input[t], input[t].length);
            late.step(t * BIN_US, input[t], input[t].length);
            if (t == 29) {
                assertThat(prompt.learn(feedback)).isEqualTo(FeedbackOutcome.APPLIED);
            }
        }
        assertThat(late.learn(feedback)).isEqualTo(FeedbackOutcome.APPLIED);
        for (int t = 60; t < 70; t++) {
            prompt.step(t * BIN_US, input[t], input[t].length);
            late.step(t * BIN_US, input[t], input[t].length);
        }
        assertThat(late.output()[0]).isNotZero().isEqualTo(prompt.output()[0]);
    }

    @Test
    void anEarlyDecisionStopsIntegrationUntilTheNextSample() {
        NetworkSpec base = NetworkSpec.of(INPUTS, BIN_US, List.of(LayerSpec.of(new NeuronModel.Lif(
                        LifParameters.defaults()), 16, ConnectionSpec.of(new Connectivity.Dense(), 0, 0.5, 4))), 30,
                new ReadoutSpec.Classifier(3, ClassifierRule.DELTA, new StepSize.Normalised(0.5, 1e-3)), 10, 8);
        NetworkSpec early = base.withEarlyDecision(new EarlyDecision(0.5, 100));
        int[][] input = input(13, 2000);
        SpikingNetwork full = new SpikingNetwork(base);
        SpikingNetwork decider = new SpikingNetwork(early);
        int decidedDecodes = 0;
        for (int t = 0; t < 2000; t++) {
            full.step(t * BIN_US, input[t], input[t].length);
            if (decider.step(t * BIN_US, input[t], input[t].length)) {
                decidedDecodes += decider.isDecided() ? 1 : 0;
                Feedback label = Feedback.ofClass("k", decider.windowStartUs(), (t / 100) % 3);
                decider.learn(label);
                full.learn(label);
            }
        }
        // An untrained classifier has confidence 1/3 < 0.5: decisions come only once the readout has learned.
        assertThat(decidedDecodes).isPositive();
        assertThat(decider.operations().synOps()).isLessThan(full.operations().synOps());
        assertThat(decider.operations().neuronUpdates()).isLessThan(full.operations().neuronUpdates());
        assertThat(decider.confidence()).isBetween(0f, 1f);
    }

    @Test
    void aSnapshotOfAnotherSpecificationIsRefused() {
        SpikingNetwork network = new SpikingNetwork(fullSpec());
        NetworkSpec other = fullSpec().withOutputFilter(new OutputFilterSpec(3, 10));
        assertThat(other.fingerprint()).isNotEqualTo(fullSpec().fingerprint());
        assertThat(fullSpec().fingerprint()).isEqualTo(fullSpec().fingerprint());
        assertThatThrownBy(() -> Snapshots.restore(new SpikingNetwork(other), Snapshots.toBytes(network)))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("fingerprint");
    }

    @Test
    void invalidSpecificationsFailWithTheFieldNamed() {
        LayerSpec layer = LayerSpec.of(new NeuronModel.Lif(LifParameters.defaults()), 4,
                ConnectionSpec.of(new Connectivity.Dense(), 0, 1, 1));
        ReadoutSpec lms = new ReadoutSpec.Lms(1, new StepSize.Constant(0.1));
        assertThatThrownBy(() -> NetworkSpec.of(0, 1000, List.of(layer), 10, lms, 1, 1))
                .hasMessageContaining("inputSize").hasMessageContaining("0");
        assertThatThrownBy(() -> NetworkSpec.of(4, 1000, List.of(), 10, lms, 1, 1)).hasMessageContaining("layer");
        assertThatThrownBy(() -> new Connectivity.Sparse(1.5)).hasMessageContaining("density");
        assertThatThrownBy(() -> new DelaySpec(0, 2)).hasMessageContaining("minSteps");
        assertThatThrownBy(() -> NetworkSpec.of(4, 1000, List.of(layer), 10, lms, 10, 1)
                .withOutputFilter(new OutputFilterSpec(2, 60)))
                .hasMessageContaining("cutoffHz").hasMessageContaining("50");
        assertThatThrownBy(() -> NetworkSpec.of(4, 1000, List.of(layer), 10, lms, 10, 1)
                .withEarlyDecision(new EarlyDecision(0.9, 100))).hasMessageContaining("classifier");
        LayerSpec wrongDt = new LayerSpec(new NeuronModel.Lif(LifParameters.defaults()), 4,
                ConnectionSpec.of(new Connectivity.Dense(), 0, 1, 1),
                List.of(new LearningRule.Scaling(new SynapticScalingParameters(0.01, 10, 100, 0.5))));
        assertThatThrownBy(() -> NetworkSpec.of(4, 1000, List.of(wrongDt), 10, lms, 1, 1))
                .hasMessageContaining("dtMs");
        LayerSpec halfMs = LayerSpec.of(new NeuronModel.Izhikevich(IzhikevichParameters.of(
                IzhikevichClass.REGULAR_SPIKING, new IzhikevichIntegration.ForwardEuler(0.5))), 4,
                ConnectionSpec.of(new Connectivity.Dense(), 0, 1, 1));
        assertThatThrownBy(() -> NetworkSpec.of(4, 1000, List.of(halfMs), 10, lms, 1, 1))
                .hasMessageContaining("Izhikevich").hasMessageContaining("0.5");
        SpikingNetwork network = new SpikingNetwork(NetworkSpec.of(4, 1000, List.of(layer), 10, lms, 1, 1));
        assertThatThrownBy(() -> network.step(0, new int[] {4}, 1)).hasMessageContaining("channel 4");
    }
}
