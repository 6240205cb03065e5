package io.spikeline.models.readout;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The affine map {@code y = W x + b} shared by every readout, kept as one row-major matrix over the
 * augmented input {@code x̃ = [x, 1]}: {@code weights[o * (n + 1) + i]}, the bias of output o at
 * {@code i = n}. Owns the work buffers of one update (augmented input, output, error), so readouts
 * allocate nothing per sample.
 */
final class AffineMap {
    private final String owner;
    private final int inputCount;
    private final int outputCount;
    private final int stride;
    final double[] weights;
    /** x̃ of the sample being processed; the last entry is the constant bias input 1. */
    final double[] input;
    /** W x̃ of the sample being processed. */
    final double[] output;
    /** target − W x̃ (the a-priori error) of the sample being processed. */
    final double[] error;

    AffineMap(String owner, int inputCount, int outputCount) {
        if ((long) outputCount * (inputCount + 1) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(owner + " of " + inputCount + " inputs and " + outputCount
                    + " outputs exceeds one array");
        }
        this.owner = owner;
        this.inputCount = inputCount;
        this.outputCount = outputCount;
        this.stride = inputCount + 1;
        this.weights = new double[outputCount * stride];
        this.input = new double[stride];
        this.input[inputCount] = 1.0;
        this.output = new double[outputCount];
        this.error = new double[outputCount];
    }

    /** Checks a dimension of a parameter record; {@code what} names the field. */
    static void requireDimension(String record, String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(record + " " + what + " must be > 0, was " + value);
        }
    }

    int inputCount() {
        return inputCount;
    }

    int outputCount() {
        return outputCount;
    }

    double weight(int out, int in) {
        return weights[out * stride + in];
    }

    double bias(int out) {
        return weights[out * stride + inputCount];
    }

    /**
     * Loads {@code features} into {@link #input}, rejecting a wrong length or a non-finite value (either
     * would corrupt the learned weights for good), and computes {@link #output}. Returns |x̃|².
     */
    double evaluate(float[] features) {
        if (features.length != inputCount) {
            throw new IllegalArgumentException(owner + " expects " + inputCount + " features, got " + features.length);
        }
        double squaredNorm = 1.0;
        for (int i = 0; i < inputCount; i++) {
            float f = features[i];
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException(owner + " feature " + i + " is " + f);
            }
            input[i] = f;
            squaredNorm += (double) f * f;
        }
        for (int o = 0; o < outputCount; o++) {
            int row = o * stride;
            double sum = 0;
            for (int i = 0; i < stride; i++) {
                sum += weights[row + i] * input[i];
            }
            output[o] = sum;
        }
        return squaredNorm;
    }

    void copyOutput(float[] into) {
        if (into.length != outputCount) {
            throw new IllegalArgumentException(owner + " has " + outputCount + " outputs, the output array has "
                    + into.length);
        }
        for (int o = 0; o < outputCount; o++) {
            into[o] = (float) output[o];
        }
    }

    /** {@link #error} = target − {@link #output}; returns the squared error norm. */
    double errorTo(float[] target) {
        if (target.length != outputCount) {
            throw new IllegalArgumentException(owner + " has " + outputCount + " outputs, the target has "
                    + target.length);
        }
        double squared = 0;
        for (int o = 0; o < outputCount; o++) {
            double e = target[o] - output[o];
            error[o] = e;
            squared += e * e;
        }
        return squared;
    }

    /** As {@link #errorTo(float[])} for a {@link Feedback.Kind#VECTOR} feedback, read without copying. */
    double errorTo(Feedback feedback) {
        if (feedback.kind() != Feedback.Kind.VECTOR) {
            throw new IllegalArgumentException(owner + " learns from vector targets, got " + feedback);
        }
        if (feedback.targetLength() != outputCount) {
            throw new IllegalArgumentException(owner + " has " + outputCount + " outputs, the feedback target has "
                    + feedback.targetLength());
        }
        double squared = 0;
        for (int o = 0; o < outputCount; o++) {
            double e = feedback.target(o) - output[o];
            error[o] = e;
            squared += e * e;
        }
        return squared;
    }

    /** Row {@code out} of W += {@code scale} · x̃ᵀ. */
    void addInputToRow(int out, double scale) {
        int row = out * stride;
        for (int i = 0; i < stride; i++) {
            weights[row + i] += scale * input[i];
        }
    }

    /** W += {@code scale} · error · gainᵀ, with {@code gain} of length n + 1. */
    void addErrorOuter(double scale, double[] gain) {
        for (int o = 0; o < outputCount; o++) {
            double e = scale * error[o];
            int row = o * stride;
            for (int i = 0; i < stride; i++) {
                weights[row + i] += e * gain[i];
            }
        }
    }

    void writeWeights(DataOutput out) throws IOException {
        out.writeInt(inputCount);
        out.writeInt(outputCount);
        Snapshots.writeDoubles(out, weights);
    }

    void readWeights(DataInput in) throws IOException {
        Snapshots.expectInt(in, inputCount, "input count");
        Snapshots.expectInt(in, outputCount, "output count");
        Snapshots.readDoubles(in, weights, "weights");
    }
}
