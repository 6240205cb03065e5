package io.spikeline.models.learning;

import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Triplet STDP with all-to-all interactions: on a post spike of {@code j},
 * {@code w_ij += r1_i · (a2Plus + a3Plus · o2_j)}; on a pre spike of {@code i},
 * {@code w_ij −= o1_j · (a2Minus + a3Minus · r2_i)}, with {@code o2}, {@code r2} taken before this step's spikes
 * are added. {@link #preTrace()} is {@code r1}, {@link #postTrace()} is {@code o1}.
 */
public final class TripletStdp extends SpikeTimingRule {
    private static final int TAG = Snapshots.tag("LTS1");

    private final TripletStdpParameters parameters;
    private final double slowPreDecay;
    private final double slowPostDecay;
    /** Slow presynaptic trace {@code r2}. */
    private final double[] slowPreTrace;
    /** Slow postsynaptic trace {@code o2}. */
    private final double[] slowPostTrace;

    public TripletStdp(TripletStdpParameters parameters, int preCount, int postCount) {
        super(TAG, "triplet STDP", preCount, postCount, parameters.tauPlusMs(), parameters.tauMinusMs(),
                parameters.dtMs(), false, parameters.bounds());
        this.parameters = parameters;
        this.slowPreDecay = Math.exp(-parameters.dtMs() / parameters.tauXMs());
        this.slowPostDecay = Math.exp(-parameters.dtMs() / parameters.tauYMs());
        this.slowPreTrace = new double[preCount];
        this.slowPostTrace = new double[postCount];
    }

    @Override
    double potentiation(int post) {
        return parameters.a2Plus() + parameters.a3Plus() * slowPostTrace[post];
    }

    @Override
    double depression(int pre) {
        return -(parameters.a2Minus() + parameters.a3Minus() * slowPreTrace[pre]);
    }

    @Override
    void decayOwnTraces() {
        Traces.decay(slowPreTrace, slowPreDecay);
        Traces.decay(slowPostTrace, slowPostDecay);
    }

    @Override
    void recordOwnTraces(int[] preSpikes, int preCount, int[] postSpikes, int postCount) {
        Traces.record(slowPreTrace, preSpikes, preCount, false);
        Traces.record(slowPostTrace, postSpikes, postCount, false);
    }

    @Override
    void writeOwnTraces(DataOutput out) throws IOException {
        Snapshots.writeDoubles(out, slowPreTrace);
        Snapshots.writeDoubles(out, slowPostTrace);
    }

    @Override
    void readOwnTraces(DataInput in) throws IOException {
        Snapshots.readDoubles(in, slowPreTrace, "slow presynaptic trace");
        Snapshots.readDoubles(in, slowPostTrace, "slow postsynaptic trace");
    }
}
