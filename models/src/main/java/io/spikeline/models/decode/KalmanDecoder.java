package io.spikeline.models.decode;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The velocity Kalman filter of BMI practice (Wu et al. 2006): kinematics {@code s} (d values, for example
 * vx, vy) evolve as {@code s_t = A s_{t−1} + w}, {@code w ~ N(0, W)}, and the n binned counts are
 * {@code z_t = H s_t + q}, {@code q ~ N(0, Q)}, both around their training means. All four matrices are fitted
 * by least squares from training pairs (s, z):
 * <pre>
 *   A = S(t, t−1) S(t−1, t−1)⁻¹      W = (S(t, t) − A S(t−1, t)) / (T − 1)   (over the T − 1 transitions)
 *   H = S(z, s) S(s, s)⁻¹            Q = (S(z, z) − H S(s, z)) / T + ε I
 * </pre>
 * with S the centred cross-sums. Decoding uses the steady-state gain K, found by iterating the Riccati
 * recursion in information form until it settles (only d × d inverses per iteration, Q⁻¹ once):
 * {@code P⁻ = A P Aᵀ + W}, {@code P = (P⁻⁻¹ + Hᵀ Q⁻¹ H)⁻¹}, {@code K = P Hᵀ Q⁻¹}; then per bin
 * {@code ŝ⁻ = A ŝ}, {@code ŝ = ŝ⁻ + K (z − z̄ − H ŝ⁻)}, output {@code ŝ + s̄}.
 *
 * <p>State (snapshotted): the fitted model, the gain and the current estimate. Training sums are not.
 */
public final class KalmanDecoder implements Snapshottable {
    private static final int TAG = Snapshots.tag("BKLM");
    private static final int VERSION = 1;
    private static final int MAX_RICCATI_ITERATIONS = 10_000;

    private final int inputs;
    private final int states;
    // Training sums.
    private final double[] sumS;
    private final double[] sumZ;
    private final double[] sumSs;
    private final double[] sumZs;
    private final double[] sumZz;
    private final double[] sumLagged;
    private final double[] sumPrevious;
    private final double[] sumCurrent;
    private final double[] sumPreviousS;
    private final double[] sumCurrentS;
    private final double[] previous;
    private long samples;
    private boolean hasPrevious;
    // Fitted model and estimate.
    private final double[] a;
    private final double[] h;
    private final double[] gain;
    private final double[] processNoise;
    private final double[] observationNoise;
    private final double[] meanS;
    private final double[] meanZ;
    private final double[] estimate;
    private final double[] predicted;
    private final double[] innovation;

    public KalmanDecoder(int inputs, int states) {
        if (inputs <= 0 || states <= 0) {
            throw new IllegalArgumentException("inputs and states must be > 0, were " + inputs + " and " + states);
        }
        this.inputs = inputs;
        this.states = states;
        this.sumS = new double[states];
        this.sumZ = new double[inputs];
        this.sumSs = new double[states * states];
        this.sumZs = new double[inputs * states];
        this.sumZz = new double[inputs * inputs];
        this.sumLagged = new double[states * states];
        this.sumPrevious = new double[states * states];
        this.sumCurrent = new double[states * states];
        this.sumPreviousS = new double[states];
        this.sumCurrentS = new double[states];
        this.previous = new double[states];
        this.a = new double[states * states];
        this.h = new double[inputs * states];
        this.gain = new double[states * inputs];
        this.processNoise = new double[states * states];
        this.observationNoise = new double[inputs * inputs];
        this.meanS = new double[states];
        this.meanZ = new double[inputs];
        this.estimate = new double[states];
        this.predicted = new double[states];
        this.innovation = new double[inputs];
    }

    /** Adds one training bin: its counts and the true kinematics; consecutive calls are consecutive bins. */
    public void addTrainingSample(float[] counts, float[] kinematics) {
        if (counts.length != inputs || kinematics.length != states) {
            throw new IllegalArgumentException("expected " + inputs + " counts and " + states + " kinematics, got "
                    + counts.length + " and " + kinematics.length);
        }
        for (int i = 0; i < states; i++) {
            double si = kinematics[i];
            sumS[i] += si;
            for (int j = 0; j < states; j++) {
                sumSs[i * states + j] += si * kinematics[j];
            }
            if (hasPrevious) {
                sumCurrentS[i] += si;
                sumPreviousS[i] += previous[i];
                for (int j = 0; j < states; j++) {
                    sumLagged[i * states + j] += si * previous[j];
                    sumPrevious[i * states + j] += previous[i] * previous[j];
                    sumCurrent[i * states + j] += si * kinematics[j];
                }
            }
        }
        for (int r = 0; r < inputs; r++) {
            double zr = counts[r];
            sumZ[r] += zr;
            if (zr == 0) {
                continue;
            }
            for (int j = 0; j < states; j++) {
                sumZs[r * states + j] += zr * kinematics[j];
            }
            for (int c = 0; c < inputs; c++) {
                sumZz[r * inputs + c] += zr * counts[c];
            }
        }
        for (int i = 0; i < states; i++) {
            previous[i] = kinematics[i];
        }
        hasPrevious = true;
        samples++;
    }

    /**
     * Fits A, W, H, Q from the training sums and finds the steady-state gain.
     *
     * @param observationRidge ε added to the diagonal of Q, so that silent units do not make it singular
     */
    public void fit(double observationRidge) {
        if (samples < 3) {
            throw new IllegalStateException("a Kalman decoder needs at least 3 training bins, has " + samples);
        }
        double t = samples;
        double pairs = samples - 1;
        for (int i = 0; i < states; i++) {
            meanS[i] = sumS[i] / t;
        }
        for (int r = 0; r < inputs; r++) {
            meanZ[r] = sumZ[r] / t;
        }
        double[] ss = centred(sumSs, sumS, sumS, t, states, states);
        double[] zs = centred(sumZs, sumZ, sumS, t, inputs, states);
        double[] zz = centred(sumZz, sumZ, sumZ, t, inputs, inputs);
        double[] lagged = centred(sumLagged, sumCurrentS, sumPreviousS, pairs, states, states);
        double[] prev = centred(sumPrevious, sumPreviousS, sumPreviousS, pairs, states, states);
        double[] curr = centred(sumCurrent, sumCurrentS, sumCurrentS, pairs, states, states);

        // A = S(t,t-1) S(t-1,t-1)^-1, solved as A^T = S(t-1,t-1)^-1 S(t,t-1)^T.
        double[] aT = LinearAlgebra.solveSpd(prev, states, LinearAlgebra.transpose(lagged, states, states), states);
        System.arraycopy(LinearAlgebra.transpose(aT, states, states), 0, a, 0, a.length);
        double[] w = subtract(curr, LinearAlgebra.multiply(a, LinearAlgebra.transpose(lagged, states, states), states,
                states, states));
        scale(w, 1 / pairs);
        symmetrise(w, states);
        // H = S(z,s) S(s,s)^-1, solved as H^T = S(s,s)^-1 S(s,z).
        double[] hT = LinearAlgebra.solveSpd(ss, states, LinearAlgebra.transpose(zs, inputs, states), inputs);
        System.arraycopy(LinearAlgebra.transpose(hT, states, inputs), 0, h, 0, h.length);
        double[] q = subtract(zz, LinearAlgebra.multiply(h, LinearAlgebra.transpose(zs, inputs, states), inputs, states,
                inputs));
        scale(q, 1 / t);
        symmetrise(q, inputs);
        for (int r = 0; r < inputs; r++) {
            q[r * inputs + r] += observationRidge;
        }
        System.arraycopy(w, 0, processNoise, 0, w.length);
        System.arraycopy(q, 0, observationNoise, 0, q.length);
        steadyStateGain(w, q);
        Arrays.fill(estimate, 0);
    }

    private void steadyStateGain(double[] w, double[] q) {
        double[] qInv = LinearAlgebra.inverseSpd(q, inputs);
        double[] htQinv = LinearAlgebra.multiply(LinearAlgebra.transpose(h, inputs, states), qInv, states, inputs, inputs);
        double[] htQinvH = LinearAlgebra.multiply(htQinv, h, states, inputs, states);
        double[] p = w.clone();
        double[] aT = LinearAlgebra.transpose(a, states, states);
        double[] previousGain = new double[gain.length];
        for (int iteration = 0; iteration < MAX_RICCATI_ITERATIONS; iteration++) {
            double[] pMinus = LinearAlgebra.multiply(LinearAlgebra.multiply(a, p, states, states, states), aT, states,
                    states, states);
            for (int i = 0; i < w.length; i++) {
                pMinus[i] += w[i];
            }
            double[] information = LinearAlgebra.inverseSpd(pMinus, states);
            for (int i = 0; i < information.length; i++) {
                information[i] += htQinvH[i];
            }
            p = LinearAlgebra.inverseSpd(information, states);
            symmetrise(p, states);
            double[] k = LinearAlgebra.multiply(p, htQinv, states, states, inputs);
            double change = 0;
            double size = 0;
            for (int i = 0; i < k.length; i++) {
                change = Math.max(change, Math.abs(k[i] - previousGain[i]));
                size = Math.max(size, Math.abs(k[i]));
            }
            System.arraycopy(k, 0, gain, 0, k.length);
            System.arraycopy(k, 0, previousGain, 0, k.length);
            if (change <= 1e-12 * Math.max(size, 1e-300)) {
                return;
            }
        }
    }

    private static double[] centred(double[] sum, double[] rowSum, double[] columnSum, double n, int rows, int columns) {
        double[] out = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] = sum[i * columns + j] - rowSum[i] * columnSum[j] / n;
            }
        }
        return out;
    }

    private static double[] subtract(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - y[i];
        }
        return out;
    }

    private static void scale(double[] x, double factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
    }

    private static void symmetrise(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (m[i * n + j] + m[j * n + i]);
                m[i * n + j] = v;
                m[j * n + i] = v;
            }
        }
    }

    /** The fitted state transition A (d × d, row-major, a copy). */
    public double[] transition() {
        return a.clone();
    }

    /** The fitted observation model H (n × d, row-major, a copy). */
    public double[] observation() {
        return h.clone();
    }

    /** The fitted process noise covariance W (d × d, row-major, a copy). */
    public double[] processNoise() {
        return processNoise.clone();
    }

    /** The fitted observation noise covariance Q, ridge included (n × n, row-major, a copy). */
    public double[] observationNoise() {
        return observationNoise.clone();
    }

    /** The steady-state gain K (d × n, row-major, a copy). */
    public double[] steadyStateGain() {
        return gain.clone();
    }

    /** Filters one bin of counts and writes the decoded kinematics. */
    public void decode(float[] counts, float[] out) {
        for (int i = 0; i < states; i++) {
            double v = 0;
            for (int j = 0; j < states; j++) {
                v += a[i * states + j] * estimate[j];
            }
            predicted[i] = v;
        }
        for (int r = 0; r < inputs; r++) {
            double expected = 0;
            for (int j = 0; j < states; j++) {
                expected += h[r * states + j] * predicted[j];
            }
            innovation[r] = counts[r] - meanZ[r] - expected;
        }
        for (int i = 0; i < states; i++) {
            double v = predicted[i];
            int row = i * inputs;
            for (int r = 0; r < inputs; r++) {
                v += gain[row + r] * innovation[r];
            }
            estimate[i] = v;
            out[i] = (float) (v + meanS[i]);
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(inputs);
        out.writeInt(states);
        Snapshots.writeDoubles(out, a);
        Snapshots.writeDoubles(out, h);
        Snapshots.writeDoubles(out, gain);
        Snapshots.writeDoubles(out, processNoise);
        Snapshots.writeDoubles(out, observationNoise);
        Snapshots.writeDoubles(out, meanS);
        Snapshots.writeDoubles(out, meanZ);
        Snapshots.writeDoubles(out, estimate);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.expectInt(in, inputs, "inputs");
        Snapshots.expectInt(in, states, "states");
        Snapshots.readDoubles(in, a, "transition");
        Snapshots.readDoubles(in, h, "observation");
        Snapshots.readDoubles(in, gain, "gain");
        Snapshots.readDoubles(in, processNoise, "process noise");
        Snapshots.readDoubles(in, observationNoise, "observation noise");
        Snapshots.readDoubles(in, meanS, "state mean");
        Snapshots.readDoubles(in, meanZ, "count mean");
        Snapshots.readDoubles(in, estimate, "estimate");
    }
}
