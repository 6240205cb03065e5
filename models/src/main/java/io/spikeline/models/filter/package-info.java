/**
 * Bessel (and any other) IIR filtering as cascades of second-order sections over interleaved multi-channel
 * samples, {@code data[s * channels + c]}.
 *
 * <p>Coefficients and state are separate: {@link io.spikeline.models.filter.SosCoefficients} is an immutable
 * cascade that any number of channels and keys share; the filters here hold only state, in double precision,
 * and are {@link io.spikeline.models.snapshot.Snapshottable}.
 *
 * <p>Each section is {@code H(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)}, i.e. the difference
 * equation {@code y[n] = b0 x[n] + b1 x[n−1] + b2 x[n−2] − a1 y[n−1] − a2 y[n−2]}, computed in transposed
 * direct form II:
 * <pre>
 *   y[n]    = b0·x[n] + z1[n−1]
 *   z1[n]   = b1·x[n] − a1·y[n] + z2[n−1]
 *   z2[n]   = b2·x[n] − a2·y[n]
 * </pre>
 * Steady state for a constant input x0 is {@code zi · x0} ({@link
 * io.spikeline.models.filter.SosCoefficients#steadyStateInitialConditions()}).
 *
 * <ul>
 *   <li>{@link io.spikeline.models.filter.SosFilter}: causal, state carried across calls (streams).</li>
 *   <li>{@link io.spikeline.models.filter.ZeroPhaseFilter}: SciPy's {@code sosfiltfilt} with odd padding
 *       (whole recordings, offline).</li>
 *   <li>{@link io.spikeline.models.filter.BlockBidirectionalFilter}: forward then backward within consecutive
 *       blocks of B samples (streams, latency B), in three variants of initial state.</li>
 * </ul>
 */
package io.spikeline.models.filter;
