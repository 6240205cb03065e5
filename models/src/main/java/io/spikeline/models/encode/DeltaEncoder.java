package io.spikeline.models.encode;

import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Send-on-delta encoding: input channel {@code c} drives an ON (up) output channel {@code 2c} and an OFF
 * (down) output channel {@code 2c + 1}. The first sample sets each channel's reference level without a
 * spike; afterwards, whenever the signal lies at least {@code delta} above (below) the reference, an ON
 * (OFF) spike is emitted and the reference moves up (down) by exactly {@code delta}.
 *
 * <p>A bin lists each channel at most once, so a channel emits at most one spike per sample. When the
 * signal moves by more than {@code delta} within one sample, the reference follows one step per sample
 * and the spikes owed are emitted on the following samples: the spike count always equals the number of
 * reference steps, and while the signal changes by at most {@code delta} per sample the reconstruction
 * {@code reference = initial + delta · (ON count - OFF count)} stays within {@code delta} of the signal.
 */
public final class DeltaEncoder extends SampleEncoder {
    private static final int TAG = Snapshots.tag("EDLT");
    private static final int VERSION = 1;

    private final DeltaParams params;
    /** Reference levels are kept as origin + steps · delta, so that they stay on their grid without drift. */
    private final double[] origin;
    private final long[] steps;
    private boolean primed;

    public DeltaEncoder(DeltaParams params, int channelCount) {
        super("DeltaEncoder", channelCount, 2);
        this.params = Checks.nonNull("DeltaEncoder", "params", params);
        this.origin = new double[channelCount];
        this.steps = new long[channelCount];
    }

    public DeltaParams params() {
        return params;
    }

    /** The current reference level of input channel {@code channel} (0 before the first sample). */
    public double reference(int channel) {
        return origin[channel] + steps[channel] * params.delta();
    }

    @Override
    void encodeBlock(float[] data, int sampleCount, double sampleRateHz, SpikeBatchBuilder out) {
        int channels = channelCount();
        double delta = params.delta();
        int s = 0;
        if (!primed && sampleCount > 0) {
            out.openBin();
            for (int c = 0; c < channels; c++) {
                origin[c] = data[c];
                steps[c] = 0;
            }
            primed = true;
            s = 1;
        }
        for (int i = s * channels; s < sampleCount; s++) {
            out.openBin();
            for (int c = 0; c < channels; c++, i++) {
                double x = data[i];
                double reference = origin[c] + steps[c] * delta;
                if (x - reference >= delta) {
                    steps[c]++;
                    out.add(2 * c);
                } else if (reference - x >= delta) {
                    steps[c]--;
                    out.add(2 * c + 1);
                }
            }
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(channelCount());
        Snapshots.writeDoubles(out, origin);
        Snapshots.writeLongs(out, steps);
        out.writeBoolean(primed);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, channelCount(), "channel count");
        Snapshots.readDoubles(in, origin, "reference origins");
        Snapshots.readLongs(in, steps, "reference steps");
        primed = in.readBoolean();
    }
}
