package io.spikeline.models.readout;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Exponential moving average of decoded outputs (for example velocity), per component:
 * {@code s ← s + α (y − s)} with α from {@link SmoothingParameters#alpha()}. The first sample after
 * construction or {@link #reset()} initialises {@code s = y}, so there is no start-up transient from zero.
 * Trades a lag of about τ for noise variance reduced by α / (2 − α) on white noise.
 */
public final class ExponentialSmoother implements Snapshottable {
    private static final int TAG = Snapshots.tag("RSMO");
    private static final int VERSION = 1;

    private final SmoothingParameters parameters;
    private final double alpha;
    private final double[] smoothed;
    private boolean primed;

    public ExponentialSmoother(SmoothingParameters parameters) {
        this.parameters = parameters;
        this.alpha = parameters.alpha();
        this.smoothed = new double[parameters.width()];
    }

    public SmoothingParameters parameters() {
        return parameters;
    }

    /** Smooths one sample {@code values} into {@code out} (both of length width; they may be the same array). */
    public void smooth(float[] values, float[] out) {
        int width = smoothed.length;
        if (values.length != width || out.length != width) {
            throw new IllegalArgumentException("smoother of width " + width + " got arrays of length " + values.length
                    + " and " + out.length);
        }
        for (int i = 0; i < width; i++) {
            double s = primed ? smoothed[i] + alpha * (values[i] - smoothed[i]) : values[i];
            smoothed[i] = s;
            out[i] = (float) s;
        }
        primed = true;
    }

    /** Forgets the history: the next sample passes through unchanged. */
    public void reset() {
        Arrays.fill(smoothed, 0.0);
        primed = false;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeBoolean(primed);
        Snapshots.writeDoubles(out, smoothed);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        primed = in.readBoolean();
        Snapshots.readDoubles(in, smoothed, "smoothed values");
    }
}
