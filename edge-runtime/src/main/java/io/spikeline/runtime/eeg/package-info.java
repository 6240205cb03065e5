/**
 * The {@code eeg} application: a scalp EEG stream classified eyes open or closed by a spiking network that learns
 * online from the true state.
 *
 * <p>{@link io.spikeline.runtime.eeg.EegJob} assembles the job from the operators (Bessel band-pass, Bessel notch,
 * delta or sigma-delta encoding, the SNN classifier); {@link io.spikeline.runtime.eeg.EegRun} runs it on an embedded
 * MiniCluster over the EEG simulator; {@link io.spikeline.runtime.eeg.EegScore} scores it prequentially (each frame
 * is classified before the network learns from its state) and {@link io.spikeline.runtime.eeg.EegReport} writes
 * the report.
 *
 * <p>Accuracy is the fraction of decodes naming the true state; latency is the classifier's own, from the Decoding
 * stamps: from the spike batch entering the SNN operator to the decode leaving it.
 */
package io.spikeline.runtime.eeg;
