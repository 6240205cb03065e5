/**
 * Spiking networks composed from the {@code models} parts: a validated, immutable
 * {@link io.spikeline.models.network.NetworkSpec} and the {@link io.spikeline.models.network.SpikingNetwork} it
 * builds, whose whole state is one snapshot.
 *
 * <h2>Structure</h2>
 * A chain: input channels {@code → layer 1 → … → layer L → readout}. Layer {@code l} has {@code N_l} neurons
 * of one {@link io.spikeline.models.network.NeuronModel} and one input connection from layer {@code l−1} (the input for
 * {@code l = 1}): dense, or sparse with each pair connected with probability {@code density}; initial weights
 * uniform in {@code [wmin, wmax)}, drawn from the connection's seed; optionally per-synapse delays
 * {@code d_s ∈ {dmin..dmax}} bins, uniform. Time advances in bins of {@code Δt = binWidthUs}.
 *
 * <h2>One step (one bin t)</h2>
 * For each layer in order, with {@code S^{l−1}_t} the presynaptic spikes of this bin:
 * <pre>
 *   I^l_j(t) = Σ_{i ∈ S^{l−1}_t, i→j undelayed} w_ij + Σ_{s: i→j, i ∈ S^{l−1}_{t − d_s}} w_s(t − d_s)
 *   S^l_t    = step of the population on I^l(t)        (neuron equations in {@code neuron})
 *   rules of the connection, unless frozen:            (equations in {@code learning})
 *     pair STDP on (S^{l−1}_t, S^l_t); three-factor with modulator r_t (the reward set since the previous step,
 *     else 0) minus its baseline; synaptic scaling on S^l_t
 * </pre>
 * An undelayed spike therefore crosses every layer within its bin; a delayed one arrives {@code d_s} bins later
 * with the weight it had when it was sent. Then the spike traces of the last layer, the readout's features:
 * {@code x_j ← λ x_j + [j ∈ S^L_t]}, {@code λ = exp(−Δt/τ_trace)} (so a steady rate ρ per bin gives
 * {@code x ≈ ρ/(1−λ)}).
 *
 * <h2>Decoding</h2>
 * Every {@code K = decodeIntervalBins} bins the window of those bins closes: {@code [t_start, t_end)}, from the
 * first bin's start to the last bin's end. The readout maps the features {@code x} to {@code y = W x + b}
 * (LMS / RLS: vector outputs; classifier: class scores). With an output filter, {@code y} passes a Bessel low-pass
 * of order {@code n} and cutoff {@code f_c} designed at the decode rate {@code 1/(K Δt)}, primed to the steady state
 * of its first input (no start-up transient). A classifier decodes {@code argmax y} with confidence
 * {@code softmax(y)} of that class.
 *
 * <h2>Learning from feedback</h2>
 * The features of the last {@code historyLength} decodes are remembered with their windows. A feedback of event
 * time {@code t} is matched to the window with {@code t_start ≤ t < t_end}; the readout then makes one update
 * (LMS, RLS or classifier rule) from that window's features toward the feedback's target, so feedback that
 * arrives after later decodes still pairs with the features it describes. Feedback later than the newest window
 * is not yet decodable ({@link io.spikeline.models.network.FeedbackOutcome#NOT_YET_DECODED}); older than the oldest
 * remembered window, it has expired. Feedback stamped by another clock can instead be matched with a tolerance
 * {@code τ < K Δt / 2}: its time is taken as the start of the decode it answers and paired with the remembered window
 * whose start is nearest, if within {@code τ}; farther from every start it has drifted
 * ({@link io.spikeline.models.network.FeedbackOutcome#DRIFTED}) and is not learned. A reward carried by feedback is delivered to the three-factor rules at the
 * next step. {@code freeze(true)} stops every update (rules and readout) without changing anything else.
 *
 * <h2>Early decision (Dynamic Confidence)</h2>
 * For classifiers, the input is cut into samples of {@code sampleBins} bins (a multiple of K). After a decode
 * inside a sample whose confidence reaches the threshold, the sample is decided: its remaining bins are not
 * integrated (no SynOps, no neuron updates, no rule steps) and its decodes repeat the decision. When a sample
 * ends, neurons, delay rings and spike traces return to rest; weights, rules and readout are kept.
 *
 * <h2>Operations</h2>
 * SynOps: one per weight added by spike propagation; MACs: {@code m (n + 1)} per readout evaluation or update;
 * neuron updates: one per neuron per integrated step; neuron spikes: the spikes of every layer (so
 * {@code 1 − spikes / neuron updates} is the network's sparsity). The counts are state (they continue across a
 * restore).
 *
 * <h2>State</h2>
 * Snapshot tag {@code SNET}: the specification's fingerprint (a snapshot never loads into a network of another
 * specification), then per layer the population, the weights and delay ring and the rules' traces, then spike
 * traces, readout, output filter, decode history, window and sample progress, pending reward, frozen flag and
 * counters, then (version 2) the run-time scales and the neuron spike count. The initial weights come from the
 * seeds at construction; the network draws nothing at run time. A version 1 snapshot still loads, with every scale
 * 1 and the spike count 0.
 *
 * <h2>Run-time scales</h2>
 * Two multipliers that a running network can change without a new specification (both 1 at construction, both
 * state): the learning-rate scale {@code s_η} multiplies every readout update ({@code η → s_η η} for LMS and the
 * classifier, {@code W̃ ← W̃ + s_η e kᵀ} for RLS; the local rules are unaffected), and per layer a threshold scale
 * {@code s_θ} divides the layer's synaptic input before its neurons step, {@code I^l ← I^l / s_θ}. For LIF/ALIF
 * with zero bias and reset to zero or by subtraction, the potential {@code v/s_θ} then follows exactly the
 * dynamics of a layer whose threshold is {@code s_θ θ}, so the spikes are those of the scaled threshold.
 */
package io.spikeline.models.network;
