package io.spikeline.operators.snn;

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

/** The velocity decoder the reaching tests share: 96 cosine-tuned units → a LIF layer → normalised-LMS readout. */
final class ReachingNetworks {
    static final int HIDDEN = 160;

    private ReachingNetworks() {}

    static ReachingParameters session(long seed) {
        return ReachingParameters.defaults(seed);
    }

    /** Decodes once per simulator batch (20 bins of 1 ms), so each velocity feedback matches one decode. */
    static NetworkSpec decoder(ReachingParameters session) {
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), 1.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), HIDDEN,
                ConnectionSpec.of(new Connectivity.Sparse(0.25), -0.4, 1.2, 11));
        return NetworkSpec.of(session.channels(), session.binWidthUs(), List.of(hidden), 100,
                new ReadoutSpec.Lms(2, new StepSize.Normalised(0.05, 1e-3)), session.binsPerBatch(), 64);
    }
}
