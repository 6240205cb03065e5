package io.spikeline.ingest.sim;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;

/** One frame of simulated EEG (µV) and the eyes-open/closed state at its first sample as a class label. */
public record EegFrame(SampleFrame frame, Feedback state) {}
