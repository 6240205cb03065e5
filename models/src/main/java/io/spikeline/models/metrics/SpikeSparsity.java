package io.spikeline.models.metrics;

import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Activity statistics of a population of {@code neuronCount} neurons observed over discrete steps (time
 * bins), in which each neuron spikes at most once per step: the spike count of every neuron and the number
 * of steps. From them, the fraction of silent neuron-steps {@code 1 − Σ_i spikes_i / (N · steps)} (the
 * sparsity that event-driven hardware exploits) and each neuron's mean rate {@code spikes_i / steps} per
 * step, or {@code spikes_i / (steps · Δt)} in Hz.
 */
public final class SpikeSparsity implements Snapshottable {
    private static final int TAG = Snapshots.tag("MSPK");
    private static final int VERSION = 1;

    private final int neuronCount;
    private final long[] spikeCounts;
    private long steps;
    private long spikes;

    public SpikeSparsity(int neuronCount) {
        if (neuronCount <= 0) {
            throw new IllegalArgumentException("spike sparsity neuronCount must be > 0, was " + neuronCount);
        }
        this.neuronCount = neuronCount;
        this.spikeCounts = new long[neuronCount];
    }

    public int neuronCount() {
        return neuronCount;
    }

    /**
     * Adds one step in which the {@code spikeCount} neurons {@code spiking[0 .. spikeCount)} spiked; they must
     * be listed in strictly increasing order, as a population step emits them.
     */
    public void addStep(int[] spiking, int spikeCount) {
        if (spikeCount < 0 || spikeCount > spiking.length) {
            throw new IllegalArgumentException("spike count " + spikeCount + " outside 0.." + spiking.length);
        }
        for (int k = 0; k < spikeCount; k++) {
            int i = spiking[k];
            if (i < 0 || i >= neuronCount) {
                throw new IllegalArgumentException("spiking neuron " + i + " outside 0.." + (neuronCount - 1));
            }
            if (k > 0 && i <= spiking[k - 1]) {
                throw new IllegalArgumentException("spiking neurons must be strictly increasing, found "
                        + spiking[k - 1] + " then " + i);
            }
        }
        for (int k = 0; k < spikeCount; k++) {
            spikeCounts[spiking[k]]++;
        }
        spikes += spikeCount;
        steps++;
    }

    /** Adds every bin of {@code batch}, whose channels are the neurons. */
    public void add(SpikeBatch batch) {
        if (batch.channelCount() != neuronCount) {
            throw new IllegalArgumentException("spike batch of " + batch.channelCount() + " channels for a population of "
                    + neuronCount);
        }
        int[] channels = batch.channelIndices();
        int spikeCount = batch.spikeCount();
        for (int k = 0; k < spikeCount; k++) {
            spikeCounts[channels[k]]++;
        }
        spikes += spikeCount;
        steps += batch.binCount();
    }

    public long steps() {
        return steps;
    }

    public long spikes() {
        return spikes;
    }

    public long spikes(int neuron) {
        return spikeCounts[neuron];
    }

    /** The fraction of neuron-steps without a spike; NaN before any step. */
    public double silentFraction() {
        return 1.0 - activeFraction();
    }

    private double activeFraction() {
        return steps == 0 ? Double.NaN : (double) spikes / ((double) neuronCount * steps);
    }

    /** Spikes per step of {@code neuron}; NaN before any step. */
    public double meanSpikesPerStep(int neuron) {
        return steps == 0 ? Double.NaN : (double) spikeCounts[neuron] / steps;
    }

    /** The mean rate of {@code neuron} in Hz for steps of {@code stepMs}; NaN before any step. */
    public double meanRateHz(int neuron, double stepMs) {
        return meanSpikesPerStep(neuron) * 1000.0 / requireStep(stepMs);
    }

    /** The mean rate over the population in Hz for steps of {@code stepMs}; NaN before any step. */
    public double populationMeanRateHz(double stepMs) {
        return activeFraction() * 1000.0 / requireStep(stepMs);
    }

    private static double requireStep(double stepMs) {
        if (!(stepMs > 0) || !Double.isFinite(stepMs)) {
            throw new IllegalArgumentException("stepMs must be finite and > 0, was " + stepMs);
        }
        return stepMs;
    }

    public void reset() {
        Arrays.fill(spikeCounts, 0L);
        steps = 0;
        spikes = 0;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeLong(steps);
        out.writeLong(spikes);
        Snapshots.writeLongs(out, spikeCounts);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        steps = in.readLong();
        spikes = in.readLong();
        Snapshots.readLongs(in, spikeCounts, "spike counts");
    }
}
