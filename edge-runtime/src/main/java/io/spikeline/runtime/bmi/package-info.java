/**
 * The {@code bmi} application: a neural probe stream decoded into hand velocity by a spiking network that learns
 * online from kinematics feedback.
 *
 * <p>{@link io.spikeline.runtime.bmi.BmiJob} assembles the job from the operators; {@link
 * io.spikeline.runtime.bmi.BmiRun} runs it on an embedded MiniCluster over the reaching simulator; {@link
 * io.spikeline.runtime.bmi.BmiScore} scores it prequentially (each batch is decoded before the network learns
 * from its velocity) and {@link io.spikeline.runtime.bmi.BmiReport} writes the report. Beside it, {@link
 * io.spikeline.runtime.bmi.BmiBaselines} fits the classical decoders (Wiener, Kalman) offline on the same session's
 * first four fifths and scores them on the last fifth, the span of the report's "R2 last".
 *
 * <p>Latency is the decoder's own, from the Decoding stamps: from the spike batch entering the SNN operator to the
 * decode leaving it. R² is the uniform average of the coefficients of determination of vx and vy,
 * {@code 1 − Σ(v − v̂)² / Σ(v − v̄)²}.
 */
package io.spikeline.runtime.bmi;
