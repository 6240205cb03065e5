/**
 * Spiking neuron populations: struct-of-arrays state advanced as a whole, one time step per
 * {@link io.spikeline.models.neuron.SpikingPopulation#step call}, with immutable parameter records whose every
 * per-neuron value is a {@link io.spikeline.models.neuron.PerNeuron} (one broadcast value or one value per
 * neuron). Each step runs Brian2's phases in order: state update, threshold, reset (and refractoriness). Step
 * {@code t} reads input {@code x_t}; decays are per step ({@code beta = exp(-dt/tau)}).
 *
 * <h2>Leaky integrate-and-fire ({@link io.spikeline.models.neuron.LifPopulation}, float32)</h2>
 * Continuous form {@code tau dv/dt = -v + R I(t)}; spike when v reaches the threshold theta, then reset. Discrete
 * update with bias b:
 * <pre>
 *   v_t = beta * v_{t-1} + x_t + b
 * </pre>
 * Convention A ({@link io.spikeline.models.neuron.ResetTiming#IMMEDIATE}): {@code s_t = [v_t >= theta]}; if
 * {@code s_t}: {@code v_t <- v_t - theta} (subtract) or {@code v_t <- 0} (zero), in the same step.
 * Convention B ({@link io.spikeline.models.neuron.ResetTiming#DELAYED}, snnTorch {@code Leaky}): the reset of a
 * spike is applied after the next step's update, {@code m_t = beta m_{t-1} + x_t + b - s_{t-1} theta} (subtract)
 * or {@code m_t = (1 - s_{t-1}) (beta m_{t-1} + x_t + b)} (zero), and {@code s_t = [m_t > theta]} (strict).
 * Refractoriness (A only): after a spike at step t, during steps {@code t+1 .. t+r} v is clamped to its post-reset
 * value (the update's result and so the input are discarded) and the neuron cannot spike.
 *
 * <p>The float32 potentials match the float64 reference vectors to float precision and their spikes exactly (the
 * reference potentials stay at least 6.8e-4 from the threshold, far beyond the float error); see
 * {@code LifPopulationTest}.
 *
 * <h2>Adaptive-threshold LIF ({@link io.spikeline.models.neuron.AlifPopulation}; Bellec et al. 2018, LSNN)</h2>
 * <pre>
 *   v_t     = alpha * v_{t-1} + x_t + bias
 *   A_t     = b0 + beta_a * b_{t-1}               (adaptive threshold)
 *   s_t     = [v_t >= A_t];  if s_t: v_t &lt;- v_t - A_t (subtract) or 0 (zero)
 *   b_t     = rho * b_{t-1} + (1 - rho) * s_t     (rho = exp(-dt/tau_a))
 * </pre>
 * b is a low-pass of the spike train with unit DC gain, so at a steady rate f (spikes per step) it settles at f
 * and the threshold at {@code b0 + beta_a f}: spike-frequency adaptation. With {@code beta_a = 0} it is the LIF
 * neuron (convention A). Refractoriness as for LIF; b keeps decaying while refractory.
 *
 * <h2>Izhikevich ({@link io.spikeline.models.neuron.IzhikevichPopulation}, float64; Izhikevich 2003)</h2>
 * <pre>
 *   dv/dt = 0.04 v^2 + 5 v + 140 - u + I      (v in mV, t in ms)
 *   du/dt = a (b v - u)
 *   if v >= v_peak (30 mV): v &lt;- c, u &lt;- u + d
 * </pre>
 * {@link io.spikeline.models.neuron.IzhikevichIntegration.HalfSteps2003} (1 ms per step): at the start of step t,
 * a neuron with {@code v >= v_peak} spikes and is reset; then {@code v <- v + 0.5 (0.04 v^2 + 5 v + 140 - u + I_t)}
 * twice with the same u, then {@code u <- u + a (b v - u)} with the new v.
 * {@link io.spikeline.models.neuron.IzhikevichIntegration.ForwardEuler} (dt ms per step): {@code v <- v + dt dv},
 * {@code u <- u + dt du}, both from the old (v, u); then a neuron with {@code v >= v_peak} spikes and is reset in
 * the same step. Presets: {@link io.spikeline.models.neuron.IzhikevichClass}.
 *
 * <h2>Two-compartment dendrite/soma LIF ({@link io.spikeline.models.neuron.TwoCompartmentPopulation}, TS-LIF
 * family)</h2>
 * <pre>
 *   d_t = alpha_d * d_{t-1} + x^dend_t                    (dendrite, never reset)
 *   v_t = beta * v_{t-1} + x^soma_t + bias + g * d_t      (soma, sees this step's dendrite)
 *   s_t = [v_t >= theta];  if s_t: v_t &lt;- v_t - theta (subtract) or 0 (zero)
 * </pre>
 * Dendritic input reaches the soma low-pass filtered twice, hence later than somatic input; {@code g = 0}
 * decouples the compartments and leaves a LIF soma. Refractoriness clamps the soma only.
 */
package io.spikeline.models.neuron;
