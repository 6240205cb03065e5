package io.spikeline.models.readout;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.snapshot.Snapshottable;

/**
 * A linear readout {@code y = W x + b} from {@link #inputCount()} features to {@link #outputCount()}
 * continuous outputs (for example decoded hand velocity) that learns online from target vectors.
 * Not thread-safe: one instance per key.
 */
public sealed interface VectorReadout extends Snapshottable permits LmsReadout, RlsReadout {

    int inputCount();

    int outputCount();

    /** Writes {@code W features + b} into {@code output} (length {@link #outputCount()}). */
    void predict(float[] features, float[] output);

    /**
     * One online update towards {@code target} for {@code features}. Returns the squared norm of the
     * a-priori error {@code |target − (W x + b)|²}, measured before the update.
     */
    double learn(float[] features, float[] target);

    /** As {@link #learn(float[], float[])} with the target of a {@link Feedback.Kind#VECTOR} feedback. */
    double learn(float[] features, Feedback feedback);

    /**
     * As {@link #learn(float[], Feedback)} with the weight correction multiplied by {@code rateScale} (a run-time
     * learning-rate multiplier; 1 is the plain update, bit for bit, and 0 leaves the weights unchanged).
     */
    double learn(float[] features, Feedback feedback, double rateScale);

    double weight(int output, int input);

    double bias(int output);
}
