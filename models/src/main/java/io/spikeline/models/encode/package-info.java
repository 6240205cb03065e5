/**
 * Spike encoders: blocks of samples ({@link io.spikeline.models.record.SampleFrame}) or event-camera events
 * ({@link io.spikeline.models.record.EventBatch}) in, spikes ({@link io.spikeline.models.record.SpikeBatch})
 * out. Each encoder is an immutable, validated parameter record plus a state object holding per-channel
 * primitive arrays, stepped over a whole block for all channels. State carries across blocks (encoding one
 * block of N samples equals encoding N blocks of one sample), is {@link io.spikeline.models.snapshot.Snapshottable}
 * (tags starting with 'E'), and the inner loops allocate nothing; the output arrays of the shared
 * {@link io.spikeline.models.record.SpikeBatchBuilder} grow amortised.
 *
 * <p>Sample encoders ({@link io.spikeline.models.encode.SampleEncoder}) produce one time bin per sample,
 * {@code n} indexing samples of channel {@code c} and {@code x[n]} its value. Equations per encoder:
 *
 * <h2>Threshold crossing with adaptive noise ({@link io.spikeline.models.encode.ThresholdCrossingEncoder}, ETHR)</h2>
 * <pre>
 *   σ_c     = median(|x|) / 0.6745 over the last complete window of W samples     (Quiroga et al. 2004)
 *             observing samples 0, k, 2k, .. of the window       (k = noiseStrideSamples, 1 by default)
 *   T_c     = m · σ_c                                     (m = thresholdMultiple, typically -4.5)
 *   m &lt; 0:  spike at n  iff  x[n-1] &gt; T_c  and  x[n] &lt;= T_c       (negative-going crossing)
 *   m &gt; 0:  spike at n  iff  x[n-1] &lt; T_c  and  x[n] &gt;= T_c       (positive-going crossing)
 *   refractory: after a spike at n, samples n+1 .. n+R cannot spike        (R = refractorySamples)
 * </pre>
 * Windows are consecutive blocks of W samples counted from the first sample. Within a window the median of
 * {@code |x|} is tracked per channel by the P² algorithm (Jain and Chlamtac 1985: five markers, O(1) memory,
 * no stored samples; exact for up to five samples, otherwise an estimate that stays within a few percent of
 * the window's exact median in practice). When a window ends, σ takes its estimate and the next window
 * starts afresh, so σ lags the signal by one to two windows. Nothing is detected until the first window
 * has completed (the encoder is then <i>primed</i>): samples 0 .. W-1 never spike, sample W is the first
 * tested. {@code x[-1]} is taken as 0 (the baseline of a high-passed signal), and a channel whose σ is 0 (a
 * flat or dead channel) never spikes. The input is expected to be high-pass filtered already.
 *
 * <p><b>Noise stride.</b> With {@code noiseStrideSamples = k > 1} the median observes only samples
 * {@code 0, k, 2k, ..} of each window, {@code m = ceil(W/k)} of them, while the window still spans W samples
 * and detection still tests every sample. This is sound because σ is a property of the stationary noise,
 * not of particular samples: a systematic subsample of a stationary window has the same distribution, so
 * its median estimates the same {@code 0.6745 σ}, only from fewer observations. The sample median of m
 * independent observations has standard error {@code sqrt(p(1-p)) / (√m · f(ξ))}, p = 1/2, f the density
 * at the median ξ (for a Gaussian sample itself this is {@code 1.2533 σ/√m}); for {@code |x|} with x
 * Gaussian, ξ = 0.6745 σ and f(ξ) = 2φ(0.6745)/σ, so the estimate {@code σ = median|x| / 0.6745} has
 * relative standard error {@code 1.1664 / √m}: 0.67 % for W = 30 000 at k = 1, 1.35 % at k = 4, 1.9 % at
 * k = 8, 2.7 % at k = 16. Band-passed noise is correlated over about {@code fs / (2·bandwidth)} samples
 * (5.6 samples for 300–3000 Hz at 30 kHz), so consecutive samples carry little new information and a
 * stride up to that length costs far less than the white-noise figures say (measured for that band-pass:
 * 1.2 % at k = 1, 1.4 % at k = 4, 1.95 % at k = 8). The stride must leave at least five observations per
 * window, {@code k <= W/5}. The position within the stride is {@code windowCount mod k}, so it is derived
 * rather than stored and the snapshot layout does not depend on k.
 *
 * <h2>Send-on-delta ({@link io.spikeline.models.encode.DeltaEncoder}, EDLT)</h2>
 * <pre>
 *   r[0] = x[0]                                            (no spike at the first sample)
 *   x[n] - r[n-1] &gt;= δ:  ON spike on output 2c,    r[n] = r[n-1] + δ
 *   r[n-1] - x[n] &gt;= δ:  OFF spike on output 2c+1, r[n] = r[n-1] - δ
 *   otherwise r[n] = r[n-1]
 * </pre>
 * At most one spike per channel and sample (a bin lists a channel once): a jump of k·δ within one sample
 * is paid off over k samples. Reconstruction {@code r[n] = x[0] + δ·(ONs - OFFs)} stays within δ of x
 * whenever x changes by at most δ per sample, and the spike count over a monotone stretch is the number of
 * grid levels {@code x[0] + kδ} it passes.
 *
 * <h2>Sigma-delta, first order ({@link io.spikeline.models.encode.SigmaDeltaEncoder}, ESDM)</h2>
 * <pre>
 *   u[n] = v[n-1] + clamp(x[n], 0, θ)
 *   s[n] = 1 if u[n] &gt;= θ else 0;     v[n] = u[n] - θ·s[n]      (feedback by subtraction, v[-1] = 0)
 * </pre>
 * v stays in [0, θ); over N samples of constant x the count is floor(N·x/θ), a rate of x/θ per sample, and
 * over any N samples θ·(spike count) differs from Σx by less than θ.
 *
 * <h2>Rate, Bernoulli per bin ({@link io.spikeline.models.encode.RateEncoder}, ERAT)</h2>
 * <pre>
 *   p[n] = clamp(g · x[n] · dt, 0, 1),  dt = 1 / sampleRate;   spike iff u[n] &lt; p[n],  u ~ U[0, 1)
 * </pre>
 * The discrete-time approximation of a Poisson process of rate g·x Hz. One draw per channel per bin from
 * the encoder's own {@link io.spikeline.models.random.SeededRandom}, which is part of its snapshotted state.
 *
 * <h2>Latency, time to first spike ({@link io.spikeline.models.encode.LatencyEncoder}, ELAT)</h2>
 * <pre>
 *   windows of T bins from the first sample; intensity I = x at the window's first bin
 *   LINEAR:       f(I) = (I_sat - I) / (I_sat - I_th)
 *   LOGARITHMIC:  f(I) = ln(I_sat / I) / ln(I_sat / I_th)                 (I_th &gt; 0)
 *   spike bin  = round((T - 1) · f(I)) for I_th &lt;= I &lt; I_sat,  0 for I &gt;= I_sat,  none for I &lt; I_th
 * </pre>
 *
 * <h2>Event binning ({@link io.spikeline.models.encode.EventBinningEncoder}, EBIN)</h2>
 * <pre>
 *   bin      = floor(t / binWidthUs)                       (bins aligned to multiples of the width)
 *   x' = x / k,  y' = y / k,  W' = ceil(W / k),  H' = ceil(H / k)          (k = poolingFactor)
 *   channel  = (p·H' + y')·W' + x'   (SEPARATE, p = 1 for ON)     or     y'·W' + x'   (MERGED)
 * </pre>
 * Events of one channel in one bin collapse into one spike (they are counted). The bin of the latest event
 * stays open across calls until a later event or a flush completes it.
 *
 * <h2>Packet bytes ({@link io.spikeline.models.encode.PacketByteEncoder}, no state)</h2>
 * <pre>
 *   b_i = bytes[from + i]  (i &lt; byteCount, absent past the packet's end)
 *   pattern = ∪_i { i·C + c : c ∈ code(b_i) }        (C channels per byte under the ByteCode)
 *   the pattern is repeated in each of `steps` consecutive bins
 * </pre>
 */
package io.spikeline.models.encode;
