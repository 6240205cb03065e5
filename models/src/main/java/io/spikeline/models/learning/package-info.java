/**
 * Local, online learning rules, stepped once per time step of length {@code dt} on lists of the neurons
 * that spiked in that step ({@code int[] spikes} with a count) and on weight matrices seen through
 * {@link io.spikeline.models.learning.PlasticWeights} (a {@code CsrWeights} or {@code DenseWeights} updated
 * in place in {@code float}, or a {@link io.spikeline.models.learning.DoubleWeights}). Every rule is an
 * immutable parameter record plus a {@code Snapshottable} state object holding traces as primitive arrays;
 * steps allocate nothing.
 *
 * <h2>Traces</h2>
 * A trace of time constant τ obeys {@code dx/dt = −x/τ + Σ_f δ(t − t_f)}. Discretely, at the start of each
 * step every trace decays, {@code x ← x · exp(−dt/τ)} ({@code O(neurons)} per step), the step's weight
 * updates read the traces (which then hold only spikes of earlier steps), and afterwards each spiking
 * neuron's trace jumps: {@code x ← x + 1} (all-to-all) or {@code x ← 1} (nearest-neighbour). Weight updates
 * are event-driven: only synapses of neurons that spiked are touched. Traces, eligibilities and the
 * arithmetic of every update are {@code double}; weights are rounded to the matrix's precision on store.
 *
 * <h2>Weight bounds</h2>
 * {@link io.spikeline.models.learning.WeightBounds}: none ({@code w + Δw}), hard
 * ({@code clamp(w + Δw, wmin, wmax)}) or soft ({@code w + Δw·(wmax − w)} for {@code Δw > 0},
 * {@code w + Δw·(w − wmin)} for {@code Δw < 0}).
 *
 * <h2>Pair STDP</h2>
 * {@link io.spikeline.models.learning.PairStdp}. Window, with {@code Δt = t_post − t_pre}:
 * {@code Δw = A+ e^{−Δt/τ+}} for {@code Δt > 0}, {@code Δw = −A− e^{Δt/τ−}} for {@code Δt < 0} (causal) or
 * {@code +A− e^{Δt/τ−}} (symmetric, Hebbian), {@code Δw = 0} for {@code Δt = 0}. With presynaptic traces
 * {@code x_i} (τ+) and postsynaptic traces {@code y_j} (τ−): a post spike of {@code j} applies
 * {@code w_ij ← B(w_ij, A+ x_i)} to all its incoming synapses, then a pre spike of {@code i} applies
 * {@code w_ij ← B(w_ij, ∓A− y_j)} to all its outgoing synapses. All-to-all pairing adds 1 to a trace per
 * spike; symmetric nearest-neighbour pairing sets it to 1.
 *
 * <h2>Triplet STDP</h2>
 * {@link io.spikeline.models.learning.TripletStdp} (Pfister &amp; Gerstner 2006, all-to-all): traces
 * {@code r1} (τ+), {@code r2} (τx) per pre neuron, {@code o1} (τ−), {@code o2} (τy) per post neuron, all
 * {@code +1} per spike. Post spike: {@code Δw_ij = r1_i (A2+ + A3+ o2_j)}; pre spike:
 * {@code Δw_ij = −o1_j (A2− + A3− r2_i)}, where {@code o2}, {@code r2} exclude the current spike. The minimal
 * model has {@code A3− = 0}.
 *
 * <h2>Three-factor rule</h2>
 * {@link io.spikeline.models.learning.ThreeFactorRule}, reward- or error-modulated Hebbian learning with
 * eligibility traces (the e-prop / TESS family). Per step: {@code x_i ← λx x_i} (presynaptic trace,
 * τ = {@code preTraceTauMs}); {@code e_ij ← λe e_ij + x_i · ψ_j} with {@code λe = exp(−dt/τe)} and
 * {@code ψ_j} either the post spike {@code s_j ∈ {0,1}} (pre-before-post coincidence) or, in the e-prop
 * form, the pseudo-derivative of neuron j's spike supplied by the neuron model;
 * then {@code w_ij ← B(w_ij, η · M_j · e_ij)} with {@code M_j = r − b} for a scalar reward {@code r} and
 * running baseline {@code b} (shared by all outputs), or {@code M_j = err_j} for a per-output error; the
 * baseline then moves {@code b ← b + (1 − λb)(r − b)}; finally {@code x_i ← x_i + 1} for each pre spike.
 * Because {@code x} holds only earlier presynaptic spikes, only pre-before-post coincidences are eligible.
 * The e-prop form is modulated by per-output learning signals {@code M_j = err_j}. Eligibility decay costs
 * {@code O(synapses)} per step; the weight update skips every output whose modulator is zero.
 *
 * <h2>Homeostasis</h2>
 * {@link io.spikeline.models.learning.AdaptiveThresholds}: {@code θ_j ← θ_j + η_θ (s_j − ρ_j)} per step, with
 * {@code ρ_j} the target spike probability per step ({@code targetRateHz · dt}).
 * {@link io.spikeline.models.learning.SynapticScaling}: a rate estimate {@code r_j ← λr r_j + (1 − λr) s_j}
 * per step, and every step each incoming weight of {@code j} is multiplied by
 * {@code 1 + η_s (ρ_j − r_j) / ρ_j}, so weights grow while the neuron fires below target and shrink above.
 *
 * <h2>FEAST</h2>
 * {@link io.spikeline.models.learning.Feast} (Afshar et al. 2020): neurons with unit-norm weight vectors
 * {@code w_n} over a unit-norm event context {@code c}. The winner is the neuron of largest
 * {@code d_n = w_n · c} among those with {@code d_n > θ_n} ({@link io.spikeline.models.learning.WinnerTakeAll},
 * ties to the lowest index). Winner: {@code w_n ← normalise(w_n + η (c − w_n))}, {@code θ_n ← θ_n + ΔθOpen};
 * no winner: every {@code θ_n ← θ_n − ΔθClose}.
 */
package io.spikeline.models.learning;
