package io.spikeline.models.decode;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The Wiener-filter decoder of BMI practice: kinematics as a linear function of the binned counts of the
 * last {@code lags} bins, {@code y_t = Σ_{l<L} W_l · x_{t−l} + b}, fitted offline by ridge regression,
 * {@code W = (XᵀX + λI)⁻¹ XᵀY} (the bias is not penalised). Training accumulates XᵀX and XᵀY sample by
 * sample, so the fit never holds the training set; {@link #fit(double)} then solves once. Decoding keeps
 * the last {@code lags} bins in a ring (training bins included, so decoding can follow training directly) and
 * costs one multiply-add per weight.
 *
 * <p>State (snapshotted): the fitted weights and the lag ring. The training sums are not part of the snapshot.
 */
public final class WienerDecoder implements Snapshottable {
    private static final int TAG = Snapshots.tag("BWNR");
    private static final int VERSION = 1;

    private final int inputs;
    private final int outputs;
    private final int lags;
    private final int features;
    private final double[] xtx;
    private final double[] xty;
    private final double[] weights;
    private final float[] history;
    private final double[] x;
    private long trainingSamples;
    private int head;
    private int filled;

    public WienerDecoder(int inputs, int outputs, int lags) {
        if (inputs <= 0 || outputs <= 0 || lags <= 0) {
            throw new IllegalArgumentException("inputs, outputs and lags must be > 0, were " + inputs + ", " + outputs
                    + ", " + lags);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.lags = lags;
        this.features = inputs * lags + 1;
        this.xtx = new double[features * features];
        this.xty = new double[features * outputs];
        this.weights = new double[features * outputs];
        this.history = new float[inputs * lags];
        this.x = new double[features];
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    public int lags() {
        return lags;
    }

    /** Pushes the bin into the lag ring; returns whether a full window of {@code lags} bins is now present. */
    private boolean push(float[] counts) {
        if (counts.length != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " inputs, got " + counts.length);
        }
        System.arraycopy(counts, 0, history, head * inputs, inputs);
        head = (head + 1) % lags;
        filled = Math.min(lags, filled + 1);
        if (filled < lags) {
            return false;
        }
        for (int l = 0; l < lags; l++) {
            int slot = ((head - 1 - l) % lags + lags) % lags;
            for (int i = 0; i < inputs; i++) {
                x[l * inputs + i] = history[slot * inputs + i];
            }
        }
        x[features - 1] = 1;
        return true;
    }

    /** Adds one training bin with the kinematics it should decode to; bins before a full window only fill it. */
    public void addTrainingSample(float[] counts, float[] target) {
        if (target.length != outputs) {
            throw new IllegalArgumentException("expected " + outputs + " targets, got " + target.length);
        }
        if (!push(counts)) {
            return;
        }
        for (int i = 0; i < features; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int row = i * features;
            for (int j = 0; j < features; j++) {
                xtx[row + j] += xi * x[j];
            }
            for (int o = 0; o < outputs; o++) {
                xty[i * outputs + o] += xi * target[o];
            }
        }
        trainingSamples++;
    }

    public long trainingSamples() {
        return trainingSamples;
    }

    /** Solves the ridge normal equations with penalty {@code lambda} ≥ 0 on every weight but the bias. */
    public void fit(double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("ridge penalty must be >= 0, was " + lambda);
        }
        if (trainingSamples == 0) {
            throw new IllegalStateException("no training samples with a full window of " + lags + " bins");
        }
        double[] a = xtx.clone();
        for (int i = 0; i < features - 1; i++) {
            a[i * features + i] += lambda;
        }
        System.arraycopy(LinearAlgebra.solveSpd(a, features, xty, outputs), 0, weights, 0, weights.length);
    }

    /** The fitted weight of input {@code input} at lag {@code lag} for output {@code output}. */
    public double weight(int output, int lag, int input) {
        return weights[(lag * inputs + input) * outputs + output];
    }

    public double bias(int output) {
        return weights[(features - 1) * outputs + output];
    }

    /** Pushes one bin and writes the decoded kinematics; writes zeros until a full window is present. */
    public void decode(float[] counts, float[] out) {
        boolean ready = push(counts);
        for (int o = 0; o < outputs; o++) {
            double y = 0;
            if (ready) {
                for (int i = 0; i < features; i++) {
                    y += x[i] * weights[i * outputs + o];
                }
            }
            out[o] = (float) y;
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(inputs);
        out.writeInt(outputs);
        out.writeInt(lags);
        Snapshots.writeDoubles(out, weights);
        Snapshots.writeFloats(out, history);
        out.writeInt(head);
        out.writeInt(filled);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, inputs, "inputs");
        Snapshots.expectInt(in, outputs, "outputs");
        Snapshots.expectInt(in, lags, "lags");
        Snapshots.readDoubles(in, weights, "weights");
        Snapshots.readFloats(in, history, "lag history");
        head = in.readInt();
        filled = in.readInt();
    }
}
