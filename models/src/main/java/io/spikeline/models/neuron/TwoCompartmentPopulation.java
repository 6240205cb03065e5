package io.spikeline.models.neuron;

import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A population of two-compartment (dendrite + soma) LIF neurons in single precision (equations in the package
 * documentation). Each step: dendritic then somatic state update (the soma sees this step's dendritic
 * potential); refractory hold of the soma; somatic threshold ({@code v >= threshold}) and reset, immediate. The
 * dendrite is never reset.
 *
 * <p>{@link #step(float[], int[])} feeds its input to the dendrites (the distal synapses) and none to the somata;
 * {@link #step(float[], float[], int[])} feeds both.
 */
public final class TwoCompartmentPopulation implements SpikingPopulation {
    private static final int TAG = Snapshots.tag("NTCL");
    private static final int VERSION = 1;

    private final TwoCompartmentParameters parameters;
    private final float[] somaDecay;
    private final float[] dendriteDecay;
    private final float[] coupling;
    private final float[] threshold;
    private final float[] bias;
    private final ThresholdReset thresholdReset;
    private final float[] v;
    private final float[] dendrite;
    private final float[] noSomaInput;

    /** A population of {@code size} neurons with both compartments at rest (0). */
    public TwoCompartmentPopulation(int size, TwoCompartmentParameters parameters) {
        this.parameters = parameters;
        this.somaDecay = parameters.somaDecay().toFloats(size, "somaDecay");
        this.dendriteDecay = parameters.dendriteDecay().toFloats(size, "dendriteDecay");
        this.coupling = parameters.coupling().toFloats(size, "coupling");
        this.threshold = parameters.threshold().toFloats(size, "threshold");
        this.bias = parameters.bias().toFloats(size, "bias");
        this.thresholdReset = new ThresholdReset(parameters.reset(), parameters.refractorySteps().toInts(size,
                "refractorySteps"));
        this.v = new float[size];
        this.dendrite = new float[size];
        this.noSomaInput = new float[size];
    }

    public TwoCompartmentParameters parameters() {
        return parameters;
    }

    @Override
    public int size() {
        return v.length;
    }

    /** Somatic potentials after the latest step (post-reset). Read-only by contract. */
    public float[] somaPotential() {
        return v;
    }

    /** Dendritic potentials after the latest step. Read-only by contract. */
    public float[] dendritePotential() {
        return dendrite;
    }

    /** Advances one step with {@code dendriteInput} to the dendrites and no somatic input. */
    @Override
    public int step(float[] dendriteInput, int[] spikesOut) {
        return step(noSomaInput, dendriteInput, spikesOut);
    }

    /** Advances one step with separate somatic and dendritic inputs (each indexed by neuron, never written). */
    public int step(float[] somaInput, float[] dendriteInput, int[] spikesOut) {
        ThresholdReset.requireCapacity(v.length, somaInput, spikesOut);
        ThresholdReset.requireCapacity(v.length, dendriteInput, spikesOut);
        integrate(somaInput, dendriteInput);
        thresholdReset.holdRefractory(v);
        return thresholdReset.fire(v, threshold, spikesOut);
    }

    private void integrate(float[] somaInput, float[] dendriteInput) {
        float[] v = this.v;
        float[] d = this.dendrite;
        for (int i = 0; i < v.length; i++) {
            float di = dendriteDecay[i] * d[i] + dendriteInput[i];
            d[i] = di;
            v[i] = somaDecay[i] * v[i] + somaInput[i] + bias[i] + coupling[i] * di;
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeFloats(out, v);
        Snapshots.writeFloats(out, dendrite);
        thresholdReset.writeState(out);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readFloats(in, v, "soma potential");
        Snapshots.readFloats(in, dendrite, "dendrite potential");
        thresholdReset.readState(in);
    }
}
