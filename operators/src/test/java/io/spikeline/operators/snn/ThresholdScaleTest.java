package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.neuron.AlifParameters;
import io.spikeline.models.neuron.IzhikevichClass;
import io.spikeline.models.neuron.IzhikevichIntegration;
import io.spikeline.models.neuron.IzhikevichParameters;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.neuron.TwoCompartmentParameters;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A threshold scale {@code s} sent on the control stream makes a layer fire as the same layer built with its firing
 * threshold times {@code s}: the operator's decodings equal, bit for bit, those of a network built with the scaled
 * threshold parameters and run directly (scales of 2 and 1/2 keep every potential an exact power-of-two multiple of
 * the other's, so not even rounding differs). Layers without a threshold that scales exactly refuse the control.
 */
class ThresholdScaleTest {
    private static final int BATCHES = 60;

    /** One hidden layer of each neuron type, its threshold scaled by {@code thresholdScale} in the parameters. */
    enum Layer {
        LIF {
            @Override
            NeuronModel neuron(double s) {
                LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), 1.0);
                return new NeuronModel.Lif(lif.withThreshold(lif.threshold().map(v -> v * s)));
            }
        },
        ALIF {
            @Override
            NeuronModel neuron(double s) {
                AlifParameters alif = AlifParameters.defaults();
                return new NeuronModel.Alif(alif.withBaseThreshold(alif.baseThreshold().map(v -> v * s))
                        .withAdaptationStrength(alif.adaptationStrength().map(v -> v * s)));
            }
        },
        TWO_COMPARTMENT {
            @Override
            NeuronModel neuron(double s) {
                TwoCompartmentParameters two = TwoCompartmentParameters.defaults();
                return new NeuronModel.TwoCompartment(two.withThreshold(two.threshold().map(v -> v * s)));
            }
        },
        LIF_WITH_BIAS {
            @Override
            NeuronModel neuron(double s) {
                LifParameters lif = LifParameters.defaults().withBias(PerNeuron.of(0.05));
                return new NeuronModel.Lif(lif.withThreshold(lif.threshold().map(v -> v * s)));
            }
        },
        IZHIKEVICH {
            @Override
            NeuronModel neuron(double s) {
                return new NeuronModel.Izhikevich(IzhikevichParameters.of(IzhikevichClass.REGULAR_SPIKING,
                        new IzhikevichIntegration.HalfSteps2003()));
            }
        };

        abstract NeuronModel neuron(double thresholdScale);

        NetworkSpec spec(double thresholdScale) {
            LayerSpec hidden = LayerSpec.of(neuron(thresholdScale), ReachingNetworks.HIDDEN,
                    ConnectionSpec.of(new Connectivity.Sparse(0.25), -0.4, 1.2, 11));
            return NetworkSpec.of(96, 1_000, List.of(hidden), 100,
                    new ReadoutSpec.Lms(2, new StepSize.Normalised(0.05, 1e-3)), 20, 64);
        }
    }

    /** The operator's decodings of a reaching session for a network of {@code layer}, after {@code control}. */
    private static Run run(Layer layer, NetworkControl control) throws Exception {
        ControlledSpikingNetworkFunction function = new ControlledSpikingNetworkFunction(() -> layer.spec(1.0),
                SnnOptions.defaults(), () -> 0L);
        try (KeyedBroadcastOperatorTestHarness<String, Either<SpikeBatch, Feedback>, NetworkControl, Decoding> harness =
                     ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(function,
                             ControlledSpikingNetworkFunction::sourceKey, Types.STRING,
                             ControlledSpikingNetworkFunction.CONTROLS)) {
            harness.processBroadcastElement(control, 0);
            for (Either<SpikeBatch, Feedback> input : direct(layer, 1.0).inputs()) {
                harness.processElement(input, 0);
            }
            return new Run(harness.extractOutputValues(), function.metrics());
        }
    }

    private record Run(List<Decoding> decodings, SnnMetrics metrics) {}

    /** The session run directly on a network of {@code layer} built with its threshold scaled by {@code s}. */
    private static ReachingNetworks.Session direct(Layer layer, double s) {
        return ReachingNetworks.sessionWithDirectOutputs("k", 5, BATCHES, new SpikingNetwork(layer.spec(s)));
    }

    private static void assertOutputs(List<Decoding> decodings, List<float[]> expected) {
        assertThat(decodings).hasSize(expected.size());
        for (int n = 0; n < expected.size(); n++) {
            assertThat(decodings.get(n).output()).as("decoding %d", n).containsExactly(expected.get(n));
        }
    }

    @ParameterizedTest
    @CsvSource({"LIF, 2.0", "LIF, 0.5", "ALIF, 2.0", "ALIF, 0.5", "TWO_COMPARTMENT, 2.0", "TWO_COMPARTMENT, 0.5"})
    void aScaledThresholdFiresAsANetworkBuiltWithTheScaledThresholdParameters(Layer layer, double scale)
            throws Exception {
        Run run = run(layer, NetworkControl.thresholdScale(1, 0, null, 0, scale));
        assertThat(run.metrics().count(SnnCounter.CONTROLS_APPLIED)).isEqualTo(1);
        assertThat(run.metrics().count(SnnCounter.NETWORK_SPIKES)).isPositive();
        assertOutputs(run.decodings(), direct(layer, scale).directOutputs());
        // The scale changed what the layer did: the unscaled network decodes otherwise.
        List<float[]> unscaled = direct(layer, 1.0).directOutputs();
        assertThat(IntStream.range(0, BATCHES)
                .anyMatch(n -> !Arrays.equals(unscaled.get(n), run.decodings().get(n).output()))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"IZHIKEVICH", "LIF_WITH_BIAS"})
    void aLayerWithoutAThresholdThatScalesExactlyRefusesTheControlAndContinuesUnchanged(Layer layer)
            throws Exception {
        Run run = run(layer, NetworkControl.thresholdScale(1, 0, null, NetworkControl.ALL_LAYERS, 2.0));
        assertThat(run.metrics().count(SnnCounter.CONTROLS_APPLIED)).isZero();
        assertThat(run.metrics().count(SnnCounter.CONTROLS_REJECTED)).isEqualTo(1);
        assertOutputs(run.decodings(), direct(layer, 1.0).directOutputs());
    }

    @Test
    void theCheckFollowsTheNeuronTypeAndItsBias() {
        assertThat(ThresholdScaling.scalesThreshold(Layer.LIF.neuron(1))).isTrue();
        assertThat(ThresholdScaling.scalesThreshold(Layer.ALIF.neuron(1))).isTrue();
        assertThat(ThresholdScaling.scalesThreshold(Layer.TWO_COMPARTMENT.neuron(1))).isTrue();
        assertThat(ThresholdScaling.scalesThreshold(Layer.LIF_WITH_BIAS.neuron(1))).isFalse();
        assertThat(ThresholdScaling.scalesThreshold(Layer.IZHIKEVICH.neuron(1))).isFalse();
        double[] biases = new double[ReachingNetworks.HIDDEN];
        assertThat(ThresholdScaling.scalesThreshold(new NeuronModel.Alif(AlifParameters.defaults()
                .withBias(PerNeuron.of(biases))))).isTrue();
        biases[7] = -0.01;
        assertThat(ThresholdScaling.scalesThreshold(new NeuronModel.Alif(AlifParameters.defaults()
                .withBias(PerNeuron.of(biases))))).isFalse();
    }
}
