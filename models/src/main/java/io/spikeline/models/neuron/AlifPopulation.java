package io.spikeline.models.neuron;

import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A population of adaptive-threshold LIF neurons in single precision (equations in the package documentation).
 * Each step: state update of v and of the threshold {@code b0 + beta_a * b} from the previous step's adaptation
 * variable; refractory hold; threshold ({@code v >= threshold}) and reset, immediate; then the adaptation update
 * {@code b <- rho*b + (1-rho)*spike}.
 */
public final class AlifPopulation implements SpikingPopulation {
    private static final int TAG = Snapshots.tag("NALF");
    private static final int VERSION = 1;

    private final AlifParameters parameters;
    private final float[] alpha;
    private final float[] baseThreshold;
    private final float[] adaptationStrength;
    private final float[] adaptationDecay;
    private final float[] adaptationIncrement;
    private final float[] bias;
    private final ThresholdReset thresholdReset;
    private final float[] v;
    private final float[] adaptation;
    private final float[] threshold;

    /** A population of {@code size} unadapted neurons at rest ({@code v = 0, b = 0}). */
    public AlifPopulation(int size, AlifParameters parameters) {
        this.parameters = parameters;
        this.alpha = parameters.alpha().toFloats(size, "alpha");
        this.baseThreshold = parameters.baseThreshold().toFloats(size, "baseThreshold");
        this.adaptationStrength = parameters.adaptationStrength().toFloats(size, "adaptationStrength");
        this.adaptationDecay = parameters.adaptationDecay().toFloats(size, "adaptationDecay");
        this.adaptationIncrement = new float[size];
        for (int i = 0; i < size; i++) {
            adaptationIncrement[i] = 1f - adaptationDecay[i];
        }
        this.bias = parameters.bias().toFloats(size, "bias");
        this.thresholdReset = new ThresholdReset(parameters.reset(), parameters.refractorySteps().toInts(size,
                "refractorySteps"));
        this.v = new float[size];
        this.adaptation = new float[size];
        this.threshold = new float[size];
    }

    public AlifParameters parameters() {
        return parameters;
    }

    @Override
    public int size() {
        return v.length;
    }

    /** Membrane potentials after the latest step (post-reset). Read-only by contract. */
    public float[] potential() {
        return v;
    }

    /** The adaptation variables b after the latest step. Read-only by contract. */
    public float[] adaptation() {
        return adaptation;
    }

    /** The thresholds {@code b0 + beta_a * b} that the latest step compared against. Read-only by contract. */
    public float[] threshold() {
        return threshold;
    }

    @Override
    public int step(float[] input, int[] spikesOut) {
        ThresholdReset.requireCapacity(v.length, input, spikesOut);
        integrate(input);
        thresholdReset.holdRefractory(v);
        int count = thresholdReset.fire(v, threshold, spikesOut);
        adapt(spikesOut, count);
        return count;
    }

    private void integrate(float[] input) {
        float[] v = this.v;
        float[] b = this.adaptation;
        float[] threshold = this.threshold;
        for (int i = 0; i < v.length; i++) {
            v[i] = alpha[i] * v[i] + input[i] + bias[i];
            threshold[i] = baseThreshold[i] + adaptationStrength[i] * b[i];
        }
    }

    private void adapt(int[] spikes, int count) {
        float[] b = this.adaptation;
        for (int i = 0; i < b.length; i++) {
            b[i] = adaptationDecay[i] * b[i];
        }
        for (int k = 0; k < count; k++) {
            int i = spikes[k];
            b[i] += adaptationIncrement[i];
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeFloats(out, v);
        Snapshots.writeFloats(out, adaptation);
        thresholdReset.writeState(out);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readFloats(in, v, "membrane potential");
        Snapshots.readFloats(in, adaptation, "adaptation");
        thresholdReset.readState(in);
    }
}
