/**
 * Bessel filter design, equal to SciPy 1.10.1's {@code scipy.signal.bessel} (coefficients, roots and gains to
 * about 1e-13 relative; the tests hold every design of the reference vectors to 1e-9). Entry point: {@link
 * io.spikeline.models.filter.design.BesselDesign}. Design runs once per configuration and is not a hot path:
 * it favours plain, exact code over speed.
 *
 * <h2>Design chain</h2>
 * A pipeline of small steps, each tested on its own:
 * <ol>
 *   <li><b>Analog prototype</b> ({@code BesselPrototype}): the low-pass
 *       {@code H(s) = k / Π(s − pᵢ)} of order N, cutoff 1 rad/s. The poles are the roots of the reverse Bessel
 *       polynomial
 *       <pre>  θ_N(s) = Σ_{k=0..N} a_k s^k,   a_k = (2N − k)! / (2^(N−k) · k! · (N − k)!)</pre>
 *       (θ₁ = s + 1, θ₂ = s² + 3s + 3, θ₃ = s³ + 6s² + 15s + 15), found by Aberth–Ehrlich iteration and
 *       polished by Newton's method on the exactly evaluated polynomial
 *       ({@code PolynomialRoots}). {@code a₀/θ_N(s)} has the maximally flat
 *       group delay {@code τ(ω) = −d arg H(jω)/dω}, equal to 1 s at DC ({@code τ(0) = Σ Re(−1/pᵢ)}). The
 *       {@link io.spikeline.models.filter.design.BesselNorm} then fixes the frequency scale:
 *       <ul>
 *         <li>DELAY: poles unscaled, {@code k = a₀}: τ(0) = 1 s.</li>
 *         <li>PHASE: poles times {@code a₀^(−1/N)}, {@code k = 1}: {@code |H(jω)| → 1/ω^N} as ω → ∞, the
 *             Butterworth asymptote.</li>
 *         <li>MAG: poles divided by the ω_c where the DELAY filter has {@code |H(jω_c)| = 1/√2} (found by
 *             bisection; the magnitude decreases monotonically), {@code k = a₀·ω_c^(−N)}: −3 dB at 1 rad/s.</li>
 *       </ul>
 *       All three have DC gain {@code H(0) = 1}.</li>
 *   <li><b>Pre-warping</b> (digital designs): an edge f Hz at sample rate fs is normalised, {@code W = 2f/fs}
 *       (1 = Nyquist), and warped to the analog {@code ω = 2·fs'·tan(π·W/fs') = 4·tan(π·W/2)} at the
 *       normalised rate {@code fs' = 2}; the bilinear transform maps ω back to exactly f.</li>
 *   <li><b>Frequency transform</b> ({@link io.spikeline.models.filter.design.Zpk}), with d = #poles − #zeros:
 *       <ul>
 *         <li>low-pass, cutoff ω: {@code s → s/ω}; roots times ω, {@code k·ω^d}.</li>
 *         <li>high-pass, cutoff ω: {@code s → ω/s}; roots r → ω/r, d zeros at 0,
 *             {@code k·Re(Π(−z)/Π(−p))}.</li>
 *         <li>band-pass, edges ω_lo &lt; ω_hi, {@code B = ω_hi − ω_lo}, {@code ω₀ = √(ω_lo·ω_hi)}:
 *             {@code s → (s² + ω₀²)/(B·s)}; each root r → {@code r·B/2 ± √((r·B/2)² − ω₀²)} (all '+' roots,
 *             then all '−' roots), d zeros at 0, {@code k·B^d}. Order 2N.</li>
 *         <li>band-stop: {@code s → B·s/(s² + ω₀²)}; each root r → {@code h = (B/2)/r}, then
 *             {@code h ± √(h² − ω₀²)}; d zeros at +jω₀ and d at −jω₀, {@code k·Re(Π(−z)/Π(−p))}. Order 2N.</li>
 *       </ul></li>
 *   <li><b>Bilinear transform</b> at fs' = 2, {@code s = 2fs'·(z − 1)/(z + 1)}: each root r →
 *       {@code (4 + r)/(4 − r)}, d zeros at z = −1 (Nyquist), {@code k·Re(Π(4 − z)/Π(4 − p))}. The left half
 *       s-plane maps into the unit disc, so the stable analog filter gives a stable digital one.</li>
 *   <li><b>Second-order sections</b> ({@code SecondOrderSections}), SciPy's
 *       {@code zpk2sos(pairing='nearest')}: sections filled from the last to the first, each with the pole
 *       pair closest to the unit circle left and the zeros nearest to it; the gain goes into section 0's
 *       numerator. The result is an {@link io.spikeline.models.filter.SosCoefficients}: section s computes
 *       <pre>  H_s(z) = (b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a1 z⁻¹ + a2 z⁻²)</pre>
 *       and the cascade {@code H(z) = Π_s H_s(z)} equals {@code k · Π(z − zᵢ) / Π(z − pᵢ)}.</li>
 * </ol>
 *
 * <h2>Frequency response</h2>
 * Analog: {@code H(jω) = k · Π(jω − zᵢ) / Π(jω − pᵢ)}. Digital at f Hz: {@code H(e^{jθ})} with
 * {@code θ = 2π·f/fs}, evaluated on the zero-pole-gain form (SciPy's {@code freqz_zpk}).
 */
package io.spikeline.models.filter.design;
