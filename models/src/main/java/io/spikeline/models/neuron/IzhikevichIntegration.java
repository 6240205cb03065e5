package io.spikeline.models.neuron;

/** How an Izhikevich population integrates its two equations over one step (see the package documentation). */
public sealed interface IzhikevichIntegration {

    /** The length of one step, in milliseconds. */
    double stepMs();

    /**
     * The loop of Izhikevich (2003): a 1 ms step in which v takes two 0.5 ms Euler half-steps with the same u,
     * then u one 1 ms step with the new v. A neuron found at or above the peak at the start of a step spikes and
     * is reset before that step's update, so the peak value stays visible for one step.
     */
    record HalfSteps2003() implements IzhikevichIntegration {
        @Override
        public double stepMs() {
            return 1.0;
        }
    }

    /**
     * Forward Euler with step {@code dtMs}: v and u advance together from the old values; a neuron reaching the
     * peak spikes and is reset in the same step.
     */
    record ForwardEuler(double dtMs) implements IzhikevichIntegration {
        public ForwardEuler {
            if (!(dtMs > 0 && dtMs <= 1)) {
                throw new IllegalArgumentException("dtMs must be in (0, 1] ms, was " + dtMs);
            }
        }

        @Override
        public double stepMs() {
            return dtMs;
        }
    }
}
