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
 *
 * <p>Beside the classifier, {@link io.spikeline.runtime.eeg.AperiodicSlopeFunction} fits the aperiodic 1/f slope of
 * the raw frames per window of {@link io.spikeline.runtime.eeg.EegJob#APERIODIC_WINDOW_FRAMES} frames (Welch spectrum,
 * log-log line over 2–40 Hz without the alpha band); the report gives its exponent β averaged over the run and over
 * the windows held in each eyes state, beside the simulator's configured β.
 */
package io.spikeline.runtime.eeg;
