/**
 * Records that operators send to side outputs, with Flink POJO types (Java records of basic fields), so that
 * jobs run with generic types disabled: {@link io.spikeline.operators.sideoutput.SequenceGap} for breaks in
 * a stream, {@link io.spikeline.operators.sideoutput.NonFiniteSamples} for NaN/Inf input handled by a
 * {@link io.spikeline.operators.sideoutput.NonFinitePolicy}. Late records go to a side output of their own
 * record type.
 */
package io.spikeline.operators.sideoutput;
