/**
 * Linear readouts: they map a feature vector {@code x ∈ ℝⁿ} (filtered spike counts or traces of a
 * spiking layer) to outputs {@code y ∈ ℝᵐ} (for example 2-D hand velocity) or to class scores, and learn
 * online from {@link io.spikeline.models.record.Feedback} targets.
 *
 * <h2>Model</h2>
 * Every readout computes the affine map {@code y = W x + b}, kept as one matrix {@code W̃ = [W b]} over the
 * augmented input {@code x̃ = [x, 1]}, so the bias is learned as the weight of a constant input. Weights are
 * double precision and start at zero; features and outputs are float. Each update uses the a-priori error
 * {@code e = y* − W̃ x̃} (before the update), which {@link io.spikeline.models.readout.VectorReadout#learn}
 * returns as {@code |e|²}.
 *
 * <h2>Learning rules</h2>
 * <ul>
 *   <li>{@link io.spikeline.models.readout.LmsReadout} (Widrow–Hoff LMS):
 *       {@code W̃ ← W̃ + η e x̃ᵀ}, with {@link io.spikeline.models.readout.StepSize} η = μ (plain) or
 *       η = μ / (ε + |x̃|²) (normalised LMS; the bias input is part of |x̃|², so the normalisation covers
 *       the whole regressor). O(m n) per sample.</li>
 *   <li>{@link io.spikeline.models.readout.RlsReadout} (exponentially weighted recursive least squares with
 *       forgetting factor λ and {@code P₀ = δ⁻¹ I}): {@code π = P x̃, γ = λ + x̃ᵀπ, W̃ ← W̃ + e πᵀ/γ,
 *       P ← (P − π πᵀ/γ)/λ}; one P shared by all outputs. Minimises
 *       {@code Σ_t λ^{N−t} |y*_t − W̃ x̃_t|² + δ λ^N |W̃|²}. P is kept exactly symmetric and its trace is
 *       bounded by its initial value against wind-up (see the class). O((n+1)² + m n) per sample.</li>
 *   <li>{@link io.spikeline.models.readout.ClassifierReadout}: scores {@code s = W x + b}, class
 *       {@code argmax s}, confidence {@code softmax(s)}; learns by the
 *       {@link io.spikeline.models.readout.ClassifierRule} DELTA (LMS on one-hot targets) or PERCEPTRON
 *       (on mistakes only: {@code w̃_true += η x̃, w̃_predicted −= η x̃}).</li>
 * </ul>
 *
 * <h2>Smoothing</h2>
 * {@link io.spikeline.models.readout.ExponentialSmoother}: {@code s ← s + α (y − s)},
 * {@code α = 1 − exp(−Δt/τ)}, initialised with the first sample.
 *
 * <h2>State</h2>
 * Parameters are immutable records validated at construction; the learned state (weights, P, smoothed
 * values) is {@link io.spikeline.models.snapshot.Snapshottable} (tags RLMS, RRLS, RCLS, RSMO) and a restored
 * readout continues bit for bit. Updates allocate nothing: the work buffers are preallocated. A feature
 * vector of the wrong length or with a non-finite value is rejected before it can corrupt the weights.
 */
package io.spikeline.models.readout;
