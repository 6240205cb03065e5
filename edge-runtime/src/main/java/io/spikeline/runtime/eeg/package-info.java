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
 * log-log line over 2–40 Hz without the alpha band, corrected for the taper's smoothing); the report gives its exponent
 * β averaged over the run and over the windows held in each eyes state, each with its standard error
 * {@code s / √n} over the windows, the range of the channels' exponents, and, on the simulator, its configured β.
 *
 * <p>The exponent is the raw EEG's, artefacts included. On the simulator the background alone reads its β (0.997 as
 * the mean of 20 recordings of 120 s), with or without alpha, which the excluded band keeps out in either eyes state.
 * Its eye blinks (12 a minute in either state, 100 µV half-sines of 300 ms at the front, fading to none at the back)
 * put their power below about 7 Hz, several times the background's at the frontal channels: a window holding one
 * reads up to 0.5 steeper as a mean over channels, and the run's mean over channels about 0.18 steeper (1.17 against
 * 1.00 over 20 recordings; 1.5 at channel 0, 1.0 at channel 18). How many blinks fall into the few windows of each state decides
 * most of the difference between the states in one run (on the default seed, eyes open 1.12 ± 0.06 over 11 windows,
 * eyes closed 1.07 ± 0.07 over 8): it is chance, as the standard errors show, not a change of the background.
 */
package io.spikeline.runtime.eeg;
