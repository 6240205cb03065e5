package io.spikeline.models.network;

import io.spikeline.models.learning.PairStdpParameters;
import io.spikeline.models.learning.SynapticScalingParameters;
import io.spikeline.models.learning.ThreeFactorParameters;
import java.util.Objects;

/** A local learning rule applied every step to the weights of one connection (equations in {@code learning}). */
public sealed interface LearningRule {

    /** The step length the rule's time constants were converted with, ms. */
    double dtMs();

    /** Unsupervised pair STDP between the presynaptic and postsynaptic spikes of the step. */
    record Stdp(PairStdpParameters parameters) implements LearningRule {
        public Stdp {
            Objects.requireNonNull(parameters, "STDP parameters");
        }

        @Override
        public double dtMs() {
            return parameters.dtMs();
        }
    }

    /**
     * Reward-modulated eligibility traces: the modulator of a step is the reward last given to
     * {@code SpikingNetwork.reward} (0 in steps without one) minus the rule's running baseline.
     */
    record ThreeFactor(ThreeFactorParameters parameters) implements LearningRule {
        public ThreeFactor {
            Objects.requireNonNull(parameters, "three-factor parameters");
        }

        @Override
        public double dtMs() {
            return parameters.dtMs();
        }
    }

    /** Homeostatic multiplicative scaling of the weights onto each postsynaptic neuron toward a target rate. */
    record Scaling(SynapticScalingParameters parameters) implements LearningRule {
        public Scaling {
            Objects.requireNonNull(parameters, "synaptic scaling parameters");
        }

        @Override
        public double dtMs() {
            return parameters.dtMs();
        }
    }
}
