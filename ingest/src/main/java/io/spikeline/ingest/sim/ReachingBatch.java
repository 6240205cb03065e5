package io.spikeline.ingest.sim;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;

/**
 * One batch of the simulated reaching session: the binned spikes, the true hand velocity averaged over
 * the same bins ({@code [vx, vy]} in mm/s, at the batch's start time) and, when enabled, the 30 kHz
 * broadband voltage of the same span (µV), else {@code null}.
 */
public record ReachingBatch(SpikeBatch spikes, Feedback velocity, SampleFrame broadband) {}
