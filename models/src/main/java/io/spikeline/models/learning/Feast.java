package io.spikeline.models.learning;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Feature Extraction using Adaptive Selection Thresholds (Afshar et al. 2020): unsupervised, online
 * clustering of event contexts by neurons with unit-norm weight vectors and per-neuron thresholds (see
 * {@code package-info} for the update). Weights are {@code float}, neuron-major
 * ({@code weights[n · contextSize + c]}); dot products and normalisation are computed in {@code double}.
 * The weights and thresholds are learned state and are snapshotted.
 */
public final class Feast implements Snapshottable {
    private static final int TAG = Snapshots.tag("LFE1");
    private static final int VERSION = 1;

    private final FeastParameters parameters;
    private final float[] weights;
    private final float[] thresholds;
    private final float[] context;
    private final float[] scores;
    private final int[] winner = new int[1];

    /** Starts with weight vectors drawn uniformly from the positive orthant and normalised, thresholds 0. */
    public Feast(FeastParameters parameters, SeededRandom random) {
        this.parameters = parameters;
        int n = parameters.neuronCount();
        int size = parameters.contextSize();
        this.weights = new float[n * size];
        this.thresholds = new float[n];
        this.context = new float[size];
        this.scores = new float[n];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextFloat();
        }
        for (int neuron = 0; neuron < n; neuron++) {
            normalise(weights, neuron * size, size);
        }
    }

    /**
     * Presents one event context (normalised here; a zero context is left as is), lets the selected neuron
     * learn or lowers all thresholds, and returns the winner, or −1 when no neuron's similarity exceeded its
     * threshold.
     */
    public int learn(float[] eventContext) {
        int size = parameters.contextSize();
        loadContext(eventContext);
        for (int n = 0; n < parameters.neuronCount(); n++) {
            double similarity = dot(n);
            scores[n] = similarity > thresholds[n] ? (float) similarity : Float.NEGATIVE_INFINITY;
        }
        if (WinnerTakeAll.select(scores, scores.length, 1, winner) == 0) {
            float close = (float) parameters.thresholdClose();
            for (int n = 0; n < thresholds.length; n++) {
                thresholds[n] -= close;
            }
            return -1;
        }
        int w = winner[0];
        int offset = w * size;
        float eta = (float) parameters.learningRate();
        for (int c = 0; c < size; c++) {
            weights[offset + c] += eta * (context[c] - weights[offset + c]);
        }
        normalise(weights, offset, size);
        thresholds[w] += (float) parameters.thresholdOpen();
        return w;
    }

    /** The neuron whose weights are most similar to {@code eventContext}, thresholds ignored; nothing learns. */
    public int bestMatch(float[] eventContext) {
        loadContext(eventContext);
        for (int n = 0; n < parameters.neuronCount(); n++) {
            scores[n] = (float) dot(n);
        }
        WinnerTakeAll.select(scores, scores.length, 1, winner);
        return winner[0];
    }

    private void loadContext(float[] eventContext) {
        if (eventContext.length != context.length) {
            throw new IllegalArgumentException("event context has " + eventContext.length + " values, expected "
                    + context.length);
        }
        System.arraycopy(eventContext, 0, context, 0, context.length);
        normalise(context, 0, context.length);
    }

    private double dot(int neuron) {
        int offset = neuron * context.length;
        double sum = 0;
        for (int c = 0; c < context.length; c++) {
            sum += (double) weights[offset + c] * context[c];
        }
        return sum;
    }

    private static void normalise(float[] values, int offset, int length) {
        double squares = 0;
        for (int i = offset; i < offset + length; i++) {
            squares += (double) values[i] * values[i];
        }
        if (squares == 0) {
            return;
        }
        double scale = 1 / Math.sqrt(squares);
        for (int i = offset; i < offset + length; i++) {
            values[i] = (float) (values[i] * scale);
        }
    }

    /** Weights, neuron-major; read-only by contract. */
    public float[] weights() {
        return weights;
    }

    /** Selection thresholds; read-only by contract. */
    public float[] thresholds() {
        return thresholds;
    }

    public FeastParameters parameters() {
        return parameters;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeFloats(out, weights);
        Snapshots.writeFloats(out, thresholds);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readFloats(in, weights, "weights");
        Snapshots.readFloats(in, thresholds, "thresholds");
    }
}
