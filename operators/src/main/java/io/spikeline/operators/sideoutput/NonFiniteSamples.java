package io.spikeline.operators.sideoutput;

/**
 * A frame that held NaN or infinite samples, and what was done about it.
 *
 * @param sourceKey the frame's source
 * @param sequence the frame's sequence number
 * @param firstSampleTimeUs the frame's first-sample event time (µs)
 * @param nonFiniteValues how many values (sample × channel) were NaN or infinite
 * @param firstChannel the first channel holding one
 * @param policy what the operator did with the frame
 */
public record NonFiniteSamples(String sourceKey, long sequence, long firstSampleTimeUs, int nonFiniteValues,
                               int firstChannel, NonFinitePolicy policy) {
}
