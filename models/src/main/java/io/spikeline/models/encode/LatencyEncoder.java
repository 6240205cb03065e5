package io.spikeline.models.encode;

import io.spikeline.models.record.SpikeBatchBuilder;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Latency (time-to-first-spike) encoding: samples are grouped into consecutive windows of
 * {@code windowBins} bins, counted from the first sample the encoder sees. The intensity of a window is
 * each channel's sample at the window's first bin, so the code is causal and adds no delay; the channel
 * then fires once, at bin {@link LatencyParams#spikeBin} of the window, or not at all below threshold.
 */
public final class LatencyEncoder extends SampleEncoder {
    private static final int TAG = Snapshots.tag("ELAT");
    private static final int VERSION = 1;

    private final LatencyParams params;
    private final int[] fireBin;
    private int binInWindow;

    public LatencyEncoder(LatencyParams params, int channelCount) {
        super("LatencyEncoder", channelCount, 1);
        this.params = Checks.nonNull("LatencyEncoder", "params", params);
        this.fireBin = new int[channelCount];
    }

    public LatencyParams params() {
        return params;
    }

    @Override
    void encodeBlock(float[] data, int sampleCount, double sampleRateHz, SpikeBatchBuilder out) {
        int channels = channelCount();
        for (int s = 0; s < sampleCount; s++) {
            out.openBin();
            int row = s * channels;
            for (int c = 0; c < channels; c++) {
                if (binInWindow == 0) {
                    fireBin[c] = params.spikeBin(data[row + c]);
                }
                if (fireBin[c] == binInWindow) {
                    out.add(c);
                }
            }
            if (++binInWindow == params.windowBins()) {
                binInWindow = 0;
            }
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(channelCount());
        Snapshots.writeInts(out, fireBin);
        out.writeInt(binInWindow);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, channelCount(), "channel count");
        Snapshots.readInts(in, fireBin, "firing bins");
        int bin = in.readInt();
        if (bin < 0 || bin >= params.windowBins()) {
            throw new SnapshotFormatException("snapshot is at bin " + bin + " of a window of " + params.windowBins());
        }
        binInWindow = bin;
    }
}
