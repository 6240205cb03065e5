package io.spikeline.models.encode;

import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * First-order sigma-delta modulation per channel: an integrator accumulates the input minus the fed-back
 * spikes, {@code v[n] = v[n-1] + x[n] - θ·s[n]} with {@code s[n] = 1} when {@code v[n-1] + x[n] >= θ}.
 * The input is clipped to [0, θ], which keeps the integrator in [0, θ) and gives at most one spike per
 * sample; over N samples of a constant x the spike count is {@code floor(N·x/θ)}, a rate of x/θ per sample.
 */
public final class SigmaDeltaEncoder extends SampleEncoder {
    private static final int TAG = Snapshots.tag("ESDM");
    private static final int VERSION = 1;

    private final SigmaDeltaParams params;
    private final double[] integrator;

    public SigmaDeltaEncoder(SigmaDeltaParams params, int channelCount) {
        super("SigmaDeltaEncoder", channelCount, 1);
        this.params = Checks.nonNull("SigmaDeltaEncoder", "params", params);
        this.integrator = new double[channelCount];
    }

    public SigmaDeltaParams params() {
        return params;
    }

    /** The integrator of {@code channel}, in [0, θ). */
    public double integrator(int channel) {
        return integrator[channel];
    }

    @Override
    void encodeBlock(float[] data, int sampleCount, double sampleRateHz, SpikeBatchBuilder out) {
        int channels = channelCount();
        double threshold = params.threshold();
        for (int s = 0, i = 0; s < sampleCount; s++) {
            out.openBin();
            for (int c = 0; c < channels; c++, i++) {
                double v = integrator[c] + Math.min(Math.max(data[i], 0.0), threshold);
                if (v >= threshold) {
                    v -= threshold;
                    out.add(c);
                }
                integrator[c] = v;
            }
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(channelCount());
        Snapshots.writeDoubles(out, integrator);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, channelCount(), "channel count");
        Snapshots.readDoubles(in, integrator, "integrators");
    }
}
