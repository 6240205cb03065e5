/**
 * Keyed signal operators: Bessel filtering and spike encoding of each source's stream, with all state in Flink
 * keyed state. Keys are source keys ({@code keyBy(SampleFrame::sourceKey)}); the operators hold no arithmetic
 * of their own and call {@code io.spikeline.models.filter} and {@code io.spikeline.models.encode}.
 *
 * <h2>{@link io.spikeline.operators.signal.BesselFilterFunction}: {@code SampleFrame → SampleFrame}</h2>
 * <ul>
 *   <li><b>Design per key.</b> The {@link io.spikeline.operators.signal.FilterSpec} gives band, order, edges in
 *       Hz and normalisation; each key's design is made at that key's own sample rate, once per rate per
 *       operator instance (a transient cache). Frames at a rate whose Nyquist frequency is at or below an
 *       edge cannot be filtered: they go to {@link io.spikeline.operators.signal.SignalOutputs#UNSUPPORTED_RATE}
 *       unchanged (metric {@code unsupportedRate}) and leave the key's state as it was.</li>
 *   <li><b>Causal mode.</b> Second-order sections, transposed direct form II, double-precision state. The
 *       first frame of a key (and the first frame after any restart) primes the filter with the steady state
 *       of a constant input equal to its first sample, channel by channel ({@code SosFilter.prime}): a stream
 *       starting at a DC offset has no start-up transient. Output frame = input frame's key, sequence number
 *       and first-sample time, same length. Output equals {@code SosFilter} run directly on the key's
 *       contiguous stream, bit for bit.</li>
 *   <li><b>Block-bidirectional mode.</b> {@code BlockBidirectionalFilter} with block size B and its variant:
 *       output lags input by up to B samples (a block leaves when its last sample has arrived;
 *       {@link io.spikeline.operators.signal.BesselFilterFunction#latencySamples}). A frame completing no
 *       block emits nothing; otherwise one frame holding every completed block, numbered by a per-key output
 *       counter from 0, whose first-sample time is the event time the first of those samples had on input.
 *       No priming: each variant defines how its passes start.</li>
 *   <li><b>Group delay.</b> {@code τ = −dφ/dω} of the design from the phase of its frequency response
 *       ({@code DigitalFilter.response}, central difference), at the band-pass centre √(low·high), at
 *       √(cutoff·Nyquist) for a high-pass, at 0 Hz for low-pass and band-stop
 *       ({@link io.spikeline.operators.signal.BesselFilterFunction#groupDelaySeconds}). With
 *       {@code withGroupDelayAlignment(true)}, causal output times are moved back by τ rounded to whole µs, so
 *       a waveform keeps the event time it had in the input. Block-bidirectional output reports 0 (its
 *       backward pass cancels the forward phase) and is never shifted.</li>
 *   <li><b>Continuity and gaps.</b> Per key: the next expected sequence number and the event time at which
 *       the previous frame ended. A higher sequence number, or a start more than half a sample period after
 *       that end, is a gap: a {@link io.spikeline.operators.sideoutput.SequenceGap} goes to
 *       {@link io.spikeline.operators.signal.SignalOutputs#GAPS} and the filter restarts (causal: re-primed at
 *       the frame after the gap; block: its incomplete block is dropped, counted in the gap record, and the
 *       variant's start state restored). A change of sample rate or channel count restarts the key as a new
 *       stream and is also reported as a gap.</li>
 *   <li><b>Late frames.</b> A frame whose Flink timestamp is behind the current watermark, whose sequence
 *       number is below the expected one (a duplicate or reordered frame), or which starts more than half a
 *       period before the previous end goes unchanged to
 *       {@link io.spikeline.operators.signal.SignalOutputs#LATE_FRAMES} and leaves the state untouched. A
 *       source that restarts its numbering must therefore use a new key.</li>
 *   <li><b>NaN and infinity</b>, by {@link io.spikeline.operators.sideoutput.NonFinitePolicy}:
 *       {@code DROP_FRAME} drops the frame and restarts the filter at the next one (without a gap record; in
 *       block mode the incomplete block is dropped with it);
 *       {@code HOLD_LAST} replaces each bad value by its channel's last finite value (0 before any);
 *       {@code ZERO} by 0. Every such frame yields a {@link io.spikeline.operators.sideoutput.NonFiniteSamples}
 *       on {@link io.spikeline.operators.signal.SignalOutputs#NON_FINITE}.</li>
 *   <li><b>Time.</b> Records carry event time in µs in their own fields; the Flink timestamp of an output is
 *       that of the input record that produced it (used only for the watermark check). No timers.</li>
 *   <li><b>Metrics</b> (operator counters): {@code records}, {@code channelSamples} (input channel × samples),
 *       {@code gaps}, {@code late}, {@code repairedSamples}, {@code droppedFrames}, {@code unsupportedRate}.</li>
 * </ul>
 *
 * <h2>{@link io.spikeline.operators.signal.SampleEncodeFunction}: {@code SampleFrame → SpikeBatch}</h2>
 * Any sample encoder of an {@link io.spikeline.operators.signal.EncoderSpec} (threshold crossing for broadband
 * probe data, delta, sigma-delta, rate, latency), one per key, built for the key's channel count: one batch
 * per frame, one bin per sample, with the frame's key, sequence number and time ({@code SampleEncoder.encode}).
 * Output equals the models encoder run directly on the key's stream. The rate encoder's generator is seeded per
 * key ({@code EncoderSpec.Rate.seedFor}) and its state is keyed state, so restored runs draw the same spikes.
 * Frames are screened exactly as by the filter operator (the shared {@code FrameScreen}): late frames (behind the
 * watermark, duplicated, overtaken) go to {@code LATE_FRAMES} and leave the state alone; gaps and changes of sample
 * rate or channel count go to {@code GAPS}; NaN/infinite samples are handled by the operator's
 * {@link io.spikeline.operators.sideoutput.NonFinitePolicy} (default {@code DROP_FRAME}) and reported on
 * {@code NON_FINITE}. After a break (a gap, a change of shape, a dropped frame) the encoder restarts fresh at the
 * next frame it encodes (its state describes the signal's recent past), except the rate encoder, which is
 * memoryless in the signal and whose generator goes on drawing ({@code EncoderSpec.restartsAfterBreak}). Metrics:
 * {@code records}, {@code channelSamples}, {@code spikes}, {@code outputChannelBins} (output channels × bins), the
 * gauge {@code sparsity} ({@code 1 − spikes / outputChannelBins}), {@code gaps}, {@code late},
 * {@code repairedSamples}, {@code droppedFrames}.
 *
 * <h2>{@link io.spikeline.operators.signal.EventBinningFunction}: {@code EventBatch → SpikeBatch}</h2>
 * {@code EventBinningEncoder} per key for the key's sensor size, binning by an
 * {@link io.spikeline.operators.signal.EventBinningSpec}. The open bin (the bin of the latest event) is part
 * of keyed state and completes when a later event of the key arrives; output batches are contiguous and
 * numbered per key. With {@code flushOnWatermark}, an event-time timer at the open bin's end (ms, rounded up)
 * completes it once the watermark passes, and the key's next events start a new contiguous run at their own
 * bin (the encoder's {@code flush}); the pending timer's time is keyed state too. Events behind the open bin are dropped by the encoder and counted ({@code lateEvents});
 * other metrics: {@code records}, {@code events}, {@code spikes}.
 *
 * <h2>State</h2>
 * Each operator keeps one value per key, serialised by
 * {@link io.spikeline.operators.state.SnapshotStateSerializer} through the models objects' own versioned
 * snapshots, wrapped in a small versioned record of the key's shape (the shape comes from data, not
 * configuration, and differs between keys): {@code OFLT} v1 for the filter (rate, channels, continuity,
 * priming flag, output counter, held-back start time, last finite values, then the {@code SosFilter} or
 * {@code BlockBidirectionalFilter} snapshot) and {@code OMDL} v1 for the encoders (two shape dimensions, then
 * the encoder snapshot); the encoder operator also keeps {@code OENS} v1 per key (sample rate, channels,
 * continuity, restart flag, last finite values) in a second value state, so encoder state written before it existed
 * still restores (the key's stream then starts afresh at its next frame, its encoder kept). Works on the heap and
 * RocksDB backends, and a restored run continues bit for bit.
 * Schema evolution: configuration (coefficients, encoder parameters) is never in state, so changing it keeps
 * the state readable as long as its shape matches (a different filter order or block size fails on restore
 * with the snapshot's message); a new state layout gets a new version number read by a {@code switch} on the
 * version, as in the models snapshots.
 */
package io.spikeline.operators.signal;
