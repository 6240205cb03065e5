package io.spikeline.models.encode;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Rate (Bernoulli approximation of Poisson) encoding: in each bin of dt = 1 / sampleRate seconds, channel
 * {@code c} fires when a uniform draw {@code u < p = clamp(gainHzPerUnit · x · dt, 0, 1)}. Exactly one draw
 * is taken per channel per bin, in channel order, whatever the input, so the generator's position depends
 * only on how many samples were encoded. The generator is part of the state and is snapshotted with it.
 */
public final class RateEncoder extends SampleEncoder {
    private static final int TAG = Snapshots.tag("ERAT");
    private static final int VERSION = 1;

    private final RateParams params;
    private final SeededRandom random;

    /** @param seed seed of this encoder's generator; give each key its own */
    public RateEncoder(RateParams params, int channelCount, long seed) {
        super("RateEncoder", channelCount, 1);
        this.params = Checks.nonNull("RateEncoder", "params", params);
        this.random = new SeededRandom(seed);
    }

    public RateParams params() {
        return params;
    }

    @Override
    void encodeBlock(float[] data, int sampleCount, double sampleRateHz, SpikeBatchBuilder out) {
        int channels = channelCount();
        double gainPerBin = params.gainHzPerUnit() / sampleRateHz;
        for (int s = 0, i = 0; s < sampleCount; s++) {
            out.openBin();
            for (int c = 0; c < channels; c++, i++) {
                double p = gainPerBin * data[i];
                // u lies in [0, 1), so comparing with the unclamped p is the same as clamping p to [0, 1].
                if (random.nextDouble() < p) {
                    out.add(c);
                }
            }
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(channelCount());
        random.writeSnapshot(out);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, channelCount(), "channel count");
        random.readSnapshot(in);
    }
}
