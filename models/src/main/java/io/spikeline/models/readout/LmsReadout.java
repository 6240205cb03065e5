package io.spikeline.models.readout;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Least-mean-squares readout: after each sample, {@code W̃ ← W̃ + η · (y − W̃ x̃) · x̃ᵀ} over the augmented
 * input {@code x̃ = [x, 1]} (so the bias learns as the weight of a constant input), with η from the
 * {@link StepSize}. Weights start at zero. The state is the weight matrix, in double precision.
 */
public final class LmsReadout implements VectorReadout {
    private static final int TAG = Snapshots.tag("RLMS");
    private static final int VERSION = 1;

    private final LmsParameters parameters;
    private final AffineMap map;

    public LmsReadout(LmsParameters parameters) {
        this.parameters = parameters;
        this.map = new AffineMap("LMS readout", parameters.inputCount(), parameters.outputCount());
    }

    public LmsParameters parameters() {
        return parameters;
    }

    @Override
    public int inputCount() {
        return map.inputCount();
    }

    @Override
    public int outputCount() {
        return map.outputCount();
    }

    @Override
    public void predict(float[] features, float[] output) {
        map.evaluate(features);
        map.copyOutput(output);
    }

    @Override
    public double learn(float[] features, float[] target) {
        double squaredNorm = map.evaluate(features);
        return update(squaredNorm, map.errorTo(target), 1.0);
    }

    @Override
    public double learn(float[] features, Feedback feedback) {
        return learn(features, feedback, 1.0);
    }

    @Override
    public double learn(float[] features, Feedback feedback, double rateScale) {
        double squaredNorm = map.evaluate(features);
        return update(squaredNorm, map.errorTo(feedback), rateScale);
    }

    /** Applies the step times {@code rateScale} for the error in the map's buffer; returns {@code squaredError}. */
    private double update(double squaredNorm, double squaredError, double rateScale) {
        map.addErrorOuter(rateScale * parameters.step().of(squaredNorm), map.input);
        return squaredError;
    }

    @Override
    public double weight(int output, int input) {
        return map.weight(output, input);
    }

    @Override
    public double bias(int output) {
        return map.bias(output);
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        map.writeWeights(out);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        map.readWeights(in);
    }
}
