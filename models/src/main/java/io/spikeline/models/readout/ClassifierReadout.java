package io.spikeline.models.readout;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A linear classifier: scores {@code s = W x + b}, predicted class {@code argmax_c s_c} (the lowest index
 * on ties) with confidence {@code softmax(s)_c = 1 / Σ_j exp(s_j − s_c)}; learns online by the
 * {@link ClassifierRule}. Weights start at zero. Not thread-safe: one instance per key.
 */
public final class ClassifierReadout implements Snapshottable {
    private static final int TAG = Snapshots.tag("RCLS");
    private static final int VERSION = 1;

    private final ClassifierParameters parameters;
    private final AffineMap map;

    public ClassifierReadout(ClassifierParameters parameters) {
        this.parameters = parameters;
        this.map = new AffineMap("classifier readout", parameters.inputCount(), parameters.classCount());
    }

    public ClassifierParameters parameters() {
        return parameters;
    }

    public int inputCount() {
        return map.inputCount();
    }

    public int classCount() {
        return map.outputCount();
    }

    /** Writes the class scores into {@code scores} (length {@link #classCount()}) and returns the predicted class. */
    public int classify(float[] features, float[] scores) {
        map.evaluate(features);
        map.copyOutput(scores);
        return argmax(map.output);
    }

    /** The softmax probability of class {@code classId} given {@code scores}, computed stably (no overflow). */
    public static float confidence(float[] scores, int classId) {
        double own = scores[classId];
        double sum = 0;
        for (float s : scores) {
            sum += Math.exp(s - own);
        }
        return (float) (1.0 / sum);
    }

    /**
     * One online update towards class {@code classId}. Returns the class predicted for {@code features}
     * before the update, so that callers can count online (prequential) accuracy.
     */
    public int learn(float[] features, int classId) {
        return learn(features, classId, 1.0);
    }

    /**
     * As {@link #learn(float[], int)} with the step η multiplied by {@code rateScale} (a run-time learning-rate
     * multiplier; 1 is the plain update, bit for bit).
     */
    public int learn(float[] features, int classId, double rateScale) {
        if (classId < 0 || classId >= classCount()) {
            throw new IllegalArgumentException("classifier readout has classes 0.." + (classCount() - 1)
                    + ", got label " + classId);
        }
        double squaredNorm = map.evaluate(features);
        int predicted = argmax(map.output);
        double eta = rateScale * parameters.step().of(squaredNorm);
        switch (parameters.rule()) {
            case DELTA -> {
                for (int c = 0; c < map.error.length; c++) {
                    map.error[c] = (c == classId ? 1.0 : 0.0) - map.output[c];
                }
                map.addErrorOuter(eta, map.input);
            }
            case PERCEPTRON -> {
                if (predicted != classId) {
                    map.addInputToRow(classId, eta);
                    map.addInputToRow(predicted, -eta);
                }
            }
        }
        return predicted;
    }

    /** As {@link #learn(float[], int)} with the label of a {@link Feedback.Kind#CLASS} feedback. */
    public int learn(float[] features, Feedback feedback) {
        if (feedback.kind() != Feedback.Kind.CLASS) {
            throw new IllegalArgumentException("classifier readout learns from class labels, got " + feedback);
        }
        return learn(features, feedback.classId());
    }

    public double weight(int classId, int input) {
        return map.weight(classId, input);
    }

    public double bias(int classId) {
        return map.bias(classId);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
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
