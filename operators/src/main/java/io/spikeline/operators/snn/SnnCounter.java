package io.spikeline.operators.snn;

/** The counts the SNN operator keeps (Flink counters named after {@link #metricName()}). */
public enum SnnCounter {
    /** Spike batches received. */
    BATCHES,
    /** Batches skipped because their lag exceeded the bound ({@link StaleInputPolicy#SKIP}). */
    STALE_BATCHES_SKIPPED,
    /** Batches whose channel count or bin width does not match the network, dropped. */
    MISMATCHED_BATCHES,
    /** Batches starting before the end of the key's previous batch (out of order or repeated), dropped. */
    OUT_OF_ORDER_BATCHES,
    /** Input spikes of the batches integrated. */
    INPUT_SPIKES,
    /** Synaptic operations of the networks (one per weight a spike adds to an input). */
    SYNAPTIC_OPERATIONS,
    /** Synapse updates made by the networks' local learning rules. */
    RULE_UPDATES,
    /** Decodings emitted. */
    DECODINGS,
    /** Feedback records learned from. */
    FEEDBACK_APPLIED,
    /** Feedback older than every decode the network still remembers, dropped. */
    FEEDBACK_LATE_DROPPED,
    /** Feedback pushed out of the bounded pending buffer by newer feedback, dropped. */
    FEEDBACK_OVERFLOW_DROPPED,
    /** Feedback that does not fit the readout (wrong kind or size), dropped. */
    FEEDBACK_REJECTED,
    /** Feedback that arrived while learning was frozen, not learned from. */
    FEEDBACK_WHILE_FROZEN,
    /** Model snapshots emitted on the side output. */
    SNAPSHOTS_EXPORTED,
    /** Control messages applied to a key. */
    CONTROLS_APPLIED,
    /**
     * Controls that did not fit the network, ignored: a load of another specification or damaged bytes, a threshold
     * scale for a layer it lacks or one without a threshold that scales exactly.
     */
    CONTROLS_REJECTED,
    /** Feedback farther than the configured tolerance from every remembered decode window start, not learned. */
    FEEDBACK_DRIFTED,
    /** Channel-bins of the batches integrated (channels × bins): with {@link #INPUT_SPIKES}, the input's sparsity. */
    INPUT_CHANNEL_BINS,
    /** Spikes of the networks' neurons (every layer). */
    NETWORK_SPIKES,
    /** Neuron updates of the networks (neuron-steps): with {@link #NETWORK_SPIKES}, the networks' sparsity. */
    NEURON_UPDATES,
    /** Feedback records received (whatever became of them). */
    FEEDBACK_RECORDS,
    /** Batches starting after the end of the key's previous batch: input is missing between them. */
    INPUT_GAPS,
    /** Event time missing in those gaps, µs. */
    INPUT_GAP_US;

    /** The Flink metric name, for example {@code feedbackLateDropped}. */
    public String metricName() {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
