package io.spikeline.models.network;

/** What {@link SpikingNetwork#learn} did with one feedback record. */
public enum FeedbackOutcome {
    /** Matched to a decode and learned from. */
    APPLIED,
    /** Its event time is not covered by any decode yet; the caller may hold it and offer it again later. */
    NOT_YET_DECODED,
    /** Older than every decode the network still remembers, or in a span no decode covered: it cannot be used. */
    EXPIRED,
    /** Learning is frozen; the feedback was matched but not learned from. */
    FROZEN,
    /** Its kind or size does not fit the readout (a class label for a vector readout, a target of another length). */
    REJECTED,
    /**
     * Matched with a tolerance ({@link SpikingNetwork#learn(io.spikeline.models.record.Feedback, long)}): its event
     * time lies within the remembered decodes but farther than the tolerance from every window start; not learned.
     */
    DRIFTED
}
