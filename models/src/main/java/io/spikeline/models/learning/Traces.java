package io.spikeline.models.learning;

/** The discrete trace dynamics shared by the rules (see {@code package-info}). */
final class Traces {
    private Traces() {}

    /** {@code x ← x · factor} for every entry; {@code factor = exp(−dt/τ)}. */
    static void decay(double[] trace, double factor) {
        for (int i = 0; i < trace.length; i++) {
            trace[i] *= factor;
        }
    }

    /** Adds 1 to the trace of each spiking neuron, or sets it to 1 when {@code nearest}. */
    static void record(double[] trace, int[] spikes, int count, boolean nearest) {
        for (int k = 0; k < count; k++) {
            int n = spikes[k];
            trace[n] = nearest ? 1.0 : trace[n] + 1.0;
        }
    }
}
