package io.spikeline.ingest.sim;

import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import java.util.List;

/**
 * One span of simulated events and the labels of the gestures that ended within it (class = {@link Gesture}
 * ordinal, event time = the gesture's end).
 */
public record GestureBatch(EventBatch events, List<Feedback> labels) {}
