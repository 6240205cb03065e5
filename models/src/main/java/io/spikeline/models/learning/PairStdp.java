package io.spikeline.models.learning;

import io.spikeline.models.snapshot.Snapshots;

/**
 * Pair-based STDP with one trace per neuron: on a post spike of {@code j}, {@code w_ij += aPlus · x_i}; on a
 * pre spike of {@code i}, {@code w_ij −= aMinus · y_j} ({@code +=} for the symmetric window); see
 * {@link SpikeTimingRule} for the order within a step and {@code package-info} for the equations.
 */
public final class PairStdp extends SpikeTimingRule {
    private static final int TAG = Snapshots.tag("LPS1");

    private final double potentiation;
    private final double depression;

    public PairStdp(PairStdpParameters parameters, int preCount, int postCount) {
        super(TAG, "pair STDP", preCount, postCount, parameters.tauPlusMs(), parameters.tauMinusMs(),
                parameters.dtMs(), parameters.pairing() == PairStdpParameters.Pairing.NEAREST, parameters.bounds());
        this.potentiation = parameters.aPlus();
        this.depression = parameters.window() == PairStdpParameters.Window.CAUSAL
                ? -parameters.aMinus() : parameters.aMinus();
    }

    @Override
    double potentiation(int post) {
        return potentiation;
    }

    @Override
    double depression(int pre) {
        return depression;
    }
}
