package io.spikeline.models.neuron;

import io.spikeline.models.snapshot.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The threshold, reset and refractory phases of the integrate-and-fire models (run after their state update),
 * with the refractory state they need: the step clock, the last refractory step of each neuron and the
 * potential each refractory neuron is held at.
 *
 * <p>Neuron {@code i} spiking at step {@code t} is refractory during steps {@code t+1 .. t+refractorySteps[i]}:
 * its potential is held at its post-reset value (the state update's result is discarded, so input is ignored)
 * and it cannot spike.
 */
final class ThresholdReset {
    private final ResetMode mode;
    private final int[] refractorySteps;
    private final boolean anyRefractory;
    private final long[] lastRefractoryStep;
    private final float[] heldPotential;
    private long clock;

    ThresholdReset(ResetMode mode, int[] refractorySteps) {
        this.mode = mode;
        this.refractorySteps = refractorySteps;
        int max = 0;
        for (int r : refractorySteps) {
            max = Math.max(max, r);
        }
        this.anyRefractory = max > 0;
        this.lastRefractoryStep = new long[refractorySteps.length];
        Arrays.fill(lastRefractoryStep, -1);
        this.heldPotential = new float[refractorySteps.length];
    }

    /** Refractory phase: puts back the held potential of every neuron still refractory in this step. */
    void holdRefractory(float[] v) {
        if (!anyRefractory) {
            return;
        }
        long now = clock;
        for (int i = 0; i < v.length; i++) {
            if (now <= lastRefractoryStep[i]) {
                v[i] = heldPotential[i];
            }
        }
    }

    /**
     * Threshold then reset phase of convention A: lists the neurons with {@code v >= threshold} that are not
     * refractory in {@code spikesOut}, resets them, starts their refractory periods, advances the clock and returns
     * the spike count.
     */
    int fire(float[] v, float[] threshold, int[] spikesOut) {
        int count = crossings(v, threshold, spikesOut);
        reset(v, threshold, spikesOut, count);
        clock++;
        return count;
    }

    /** Threshold phase: a scan that reads only {@code v} and {@code threshold} until a crossing, which is rare. */
    private int crossings(float[] v, float[] threshold, int[] spikesOut) {
        long now = clock;
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] >= threshold[i] && now > lastRefractoryStep[i]) {
                spikesOut[count++] = i;
            }
        }
        return count;
    }

    /** Reset phase for the {@code count} neurons in {@code spikes}; starts their refractory periods. */
    void reset(float[] v, float[] threshold, int[] spikes, int count) {
        long now = clock;
        boolean subtract = mode == ResetMode.SUBTRACT;
        for (int k = 0; k < count; k++) {
            int i = spikes[k];
            float after = subtract ? v[i] - threshold[i] : 0f;
            v[i] = after;
            heldPotential[i] = after;
            lastRefractoryStep[i] = now + refractorySteps[i];
        }
    }

    void writeState(DataOutput out) throws IOException {
        out.writeLong(clock);
        Snapshots.writeLongs(out, lastRefractoryStep);
        Snapshots.writeFloats(out, heldPotential);
    }

    void readState(DataInput in) throws IOException {
        clock = in.readLong();
        Snapshots.readLongs(in, lastRefractoryStep, "last refractory step");
        Snapshots.readFloats(in, heldPotential, "held potential");
    }

    static void requireCapacity(int size, float[] input, int[] spikesOut) {
        if (input.length < size || spikesOut.length < size) {
            throw new IllegalArgumentException("a population of " + size + " needs input and spike arrays of at least "
                    + size + ", were " + input.length + " and " + spikesOut.length);
        }
    }
}
