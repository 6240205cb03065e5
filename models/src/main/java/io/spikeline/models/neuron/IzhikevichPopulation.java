package io.spikeline.models.neuron;

import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A population of Izhikevich neurons in double precision: the quadratic term makes the spike upstroke sensitive
 * to rounding, and double state keeps spike times reproducible against float64 references. The step runs
 * threshold/reset then update ({@link IzhikevichIntegration.HalfSteps2003}) or update then threshold/reset
 * ({@link IzhikevichIntegration.ForwardEuler}). Refractoriness is not a parameter: the recovery variable
 * produces it.
 */
public final class IzhikevichPopulation implements SpikingPopulation {
    private static final int TAG = Snapshots.tag("NIZH");
    private static final int VERSION = 1;

    private final IzhikevichParameters parameters;
    private final boolean resetBeforeUpdate;
    private final double dtMs;
    private final double peakMv;
    private final double[] a;
    private final double[] b;
    private final double[] cMv;
    private final double[] d;
    private final double[] v;
    private final double[] u;
    private final double[] voltageAtSpike;

    /** A population of {@code size} neurons at {@code v = initialMv}, {@code u = b * initialMv}. */
    public IzhikevichPopulation(int size, IzhikevichParameters parameters) {
        this.parameters = parameters;
        this.resetBeforeUpdate = parameters.integration() instanceof IzhikevichIntegration.HalfSteps2003;
        this.dtMs = parameters.integration().stepMs();
        this.peakMv = parameters.peakMv();
        this.a = parameters.a().toDoubles(size, "a");
        this.b = parameters.b().toDoubles(size, "b");
        this.cMv = parameters.cMv().toDoubles(size, "cMv");
        this.d = parameters.d().toDoubles(size, "d");
        this.v = new double[size];
        this.u = new double[size];
        this.voltageAtSpike = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = parameters.initialMv();
            u[i] = b[i] * parameters.initialMv();
        }
    }

    public IzhikevichParameters parameters() {
        return parameters;
    }

    @Override
    public int size() {
        return v.length;
    }

    /** Membrane potentials (mV) after the latest step. Read-only by contract. */
    public double[] potentialMv() {
        return v;
    }

    /** Recovery variables after the latest step. Read-only by contract. */
    public double[] recovery() {
        return u;
    }

    /**
     * For each neuron listed as spiking in the latest step, its potential (mV) when it was found at or above the
     * peak, before the reset. Other entries are stale. Read-only by contract.
     */
    public double[] voltageAtSpikeMv() {
        return voltageAtSpike;
    }

    @Override
    public int step(float[] input, int[] spikesOut) {
        ThresholdReset.requireCapacity(v.length, input, spikesOut);
        if (resetBeforeUpdate) {
            int count = fireAndReset(spikesOut);
            integrateHalfSteps(input);
            return count;
        }
        integrateEuler(input);
        return fireAndReset(spikesOut);
    }

    private int fireAndReset(int[] spikesOut) {
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] >= peakMv) {
                voltageAtSpike[i] = v[i];
                v[i] = cMv[i];
                u[i] += d[i];
                spikesOut[count++] = i;
            }
        }
        return count;
    }

    private void integrateHalfSteps(float[] input) {
        for (int i = 0; i < v.length; i++) {
            double vi = v[i];
            double ui = u[i];
            double current = input[i];
            vi = vi + 0.5 * (0.04 * vi * vi + 5.0 * vi + 140.0 - ui + current);
            vi = vi + 0.5 * (0.04 * vi * vi + 5.0 * vi + 140.0 - ui + current);
            v[i] = vi;
            u[i] = ui + a[i] * (b[i] * vi - ui);
        }
    }

    private void integrateEuler(float[] input) {
        double dt = dtMs;
        for (int i = 0; i < v.length; i++) {
            double vi = v[i];
            double ui = u[i];
            double dv = 0.04 * vi * vi + 5.0 * vi + 140.0 - ui + input[i];
            double du = a[i] * (b[i] * vi - ui);
            v[i] = vi + dt * dv;
            u[i] = ui + dt * du;
        }
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        Snapshots.writeDoubles(out, v);
        Snapshots.writeDoubles(out, u);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        Snapshots.readDoubles(in, v, "membrane potential");
        Snapshots.readDoubles(in, u, "recovery variable");
    }
}
