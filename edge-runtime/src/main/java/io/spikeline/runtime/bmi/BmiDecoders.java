package io.spikeline.runtime.bmi;

import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.StepSize;
import java.util.List;

/** The {@code bmi} application's default velocity decoder. */
public final class BmiDecoders {
    /** LIF units in the hidden layer. */
    public static final int HIDDEN = 160;

    private BmiDecoders() {}

    /**
     * The array's units → a sparse (25 %) layer of LIF units (τ 20 ms) → a normalised-LMS readout of the 2-D hand
     * velocity, decoding once per simulator batch so that each velocity feedback labels exactly one decode.
     */
    public static NetworkSpec velocityDecoder(ReachingParameters session) {
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), 1.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.25), -0.4, 1.2, 11));
        return NetworkSpec.of(session.channels(), session.binWidthUs(), List.of(hidden), 100,
                new ReadoutSpec.Lms(2, new StepSize.Normalised(0.05, 1e-3)), session.binsPerBatch(), 64);
    }
}
