/**
 * Streaming metrics over primitive arrays: plain accumulators that take samples one by one or block by
 * block, allocate nothing per sample, and snapshot their running state (tags MR2A, MCFM, MSPK, MOPS).
 *
 * <h2>Decoding quality</h2>
 * <ul>
 *   <li>{@link io.spikeline.models.metrics.R2Accumulator}: coefficient of determination per output,
 *       {@code R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²}, with ȳ the mean of the truth over all samples; averaged
 *       uniformly over outputs (scikit-learn {@code r2_score(multioutput='uniform_average')}, the
 *       convention of the Neural Latents Benchmark's velocity R²) or weighted by each output's variance.
 *       R² = 1 for a perfect prediction, 0 for predicting the mean, negative for worse; a constant truth
 *       scores 1 if predicted exactly, else 0. Accumulated in double with Welford's update on shifted data
 *       and compensated summation.</li>
 *   <li>{@link io.spikeline.models.metrics.ConfusionMatrix}: counts per (true, predicted) class; accuracy,
 *       per-class precision TP/(TP+FP), recall TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), balanced accuracy (mean
 *       recall over classes present) and macro F1.</li>
 * </ul>
 *
 * <h2>Spectra</h2>
 * <ul>
 *   <li>{@link io.spikeline.models.metrics.AperiodicSlope}: the aperiodic exponent β of a {@code P(f) ∝ f^−β}
 *       background, as the least-squares slope {@code −β} of {@code log10 P} against {@code log10 f} over a Welch
 *       spectrum (Hann segments overlapping by half) at log-spaced frequencies, leaving out a band (alpha, 7–14 Hz, by
 *       default): {@code slope = Σ (u_j − ū) v_j / Σ (u_j − ū)²}, {@code u_j = log10 f_j}, {@code v_j = log10 P(f_j)}.
 *       The taper's spectral window K (variance {@code σ_K² = 1 / (3T²)} for Hann segments of T s) makes the expected
 *       periodogram {@code S + S'' σ_K² / 2}, which on a power law is {@code S (1 + β(β + 1) σ_K² / (2f²))}: the
 *       slope of a first fit gives β₀, the values are corrected by {@code −log10(1 + β₀(β₀ + 1) σ_K² / (2 f_j²))} and
 *       fitted again, which takes the fit's bias on exact power laws from 0.005 to below 0.001 at β = 1 (0.017 to 0.003
 *       at β = 2). A peak inside the excluded band does not bias the fit where its tails reach the fit frequencies on
 *       either side of the log range's centre alike (alpha at 10 Hz with four times the background's power moves the
 *       exponent by about 0.001); a broadband transient does (eye blinks, below 7 Hz, steepen it). Scratch buffers
 *       only: nothing to snapshot.</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * <ul>
 *   <li>{@link io.spikeline.models.metrics.SpikeSparsity}: silent fraction
 *       {@code 1 − spikes / (neurons · steps)} and mean rate per neuron {@code spikes_i / (steps · Δt)}.</li>
 *   <li>{@link io.spikeline.models.metrics.OperationCounter} and
 *       {@link io.spikeline.models.metrics.EnergyCosts}: {@code E = SynOps · E_synop + MACs · E_mac +
 *       neuron updates · E_update}, in picojoules, with configurable per-operation energies; the default
 *       is the 32-bit float arithmetic at 45 nm of Horowitz (ISSCC 2014): SynOp = add = 0.9 pJ,
 *       MAC = multiply + add = 4.6 pJ, LIF update = multiply + two adds = 5.5 pJ. These are estimates of
 *       arithmetic energy only, without memory access.</li>
 * </ul>
 */
package io.spikeline.models.metrics;
