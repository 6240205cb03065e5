/**
 * The SNN operator: one {@link io.spikeline.models.network.SpikingNetwork} per source key in Flink keyed state,
 * stepped on the key's spike batches, learning from the key's feedback, steered by broadcast controls. It adapts
 * the network to state, time and I/O; the arithmetic is the network's (see {@code io.spikeline.models.network}).
 *
 * <h2>Variants</h2>
 * {@link io.spikeline.operators.snn.SpikingNetworkFunction}: a {@code KeyedCoProcessFunction} of
 * {@code SpikeBatch} (input 1) and {@code Feedback} (input 2), both keyed by source key.
 * {@link io.spikeline.operators.snn.ControlledSpikingNetworkFunction}: the same on one keyed input of
 * {@code Either<SpikeBatch, Feedback>} (built by {@code inputs(spikes, feedback)}, or by
 * {@code orderedInputs(spikes, feedback, maxHeld)}: merged per key in event-time order by
 * {@link io.spikeline.operators.snn.DeviceOrder}, so that learning does not depend on which stream arrives first),
 * connected to a broadcast stream
 * of {@link io.spikeline.operators.snn.NetworkControl}s. Both emit {@code Decoding}s and
 * {@link io.spikeline.operators.snn.ModelSnapshot}s on {@link io.spikeline.operators.snn.ModelSnapshot#OUTPUT}.
 *
 * <h2>Spike batches</h2>
 * On arrival the operator reads the wall clock: {@code ingest} (µs). Spike batches carry no earlier processing
 * stamp, so ingest is when the batch entered this operator; end-to-end latency upstream of it is not included.
 * The key's lag is {@code ingest − (end time of the batch)}; it is kept per key and recorded in an HdrHistogram
 * (gauges {@code lagP50Us}, {@code lagP99Us}). Under {@link io.spikeline.operators.snn.StaleInputPolicy#SKIP}, a
 * batch lagging more than {@code maxLagUs} is not integrated at all (counted, {@code staleBatchesSkipped}): the
 * network does not see those bins, and a decode window may straddle the gap. A batch whose channel count or bin
 * width differs from the specification is dropped and counted ({@code mismatchedBatches}), as is one starting before
 * the end of the key's previous batch ({@code outOfOrderBatches}: the network's time only moves forward; a skipped
 * stale batch still counts as seen). Otherwise every bin is
 * stepped in order; each completed decode window emits
 * {@code Decoding(key, t_start, y, class, confidence, ingest, emit)} with {@code t_start} the start of the window
 * (the event time the decode describes, the convention of the reaching simulator's velocity feedback) and
 * {@code emit = max(ingest, now)} read when it is emitted.
 *
 * <h2>Feedback</h2>
 * A feedback of event time {@code t} is offered to the network at once. If a remembered decode window holds
 * {@code t}, the readout learns from that window's features (so feedback may arrive in any order relative to the
 * spikes, up to {@code historyLength} decodes late). If {@code t} is past the newest window, the feedback is held in
 * keyed list state, at most {@code maxPendingFeedback} per key (beyond that the oldest is dropped, counted
 * {@code feedbackOverflowDropped}), and offered again after each decode. Feedback older than every remembered window
 * is counted ({@code feedbackLateDropped}, also per key) and dropped; feedback that does not fit the readout is
 * counted ({@code feedbackRejected}); while frozen it is counted ({@code feedbackWhileFrozen}) and not learned.
 * Feedback stamped by another clock ({@code SnnOptions.withFeedbackTolerance(τ)}, τ below half a decode window):
 * its event time is taken as the start of the decode it answers and matched to the remembered window whose start is
 * nearest, if within τ (held while it may still answer a window not yet decoded: at or after {@code t_end − τ} of the
 * newest); farther than τ from every remembered start it has drifted: counted ({@code feedbackDrifted}, also per
 * key), reported as a {@link io.spikeline.operators.snn.FeedbackDrift} on {@code FeedbackDrift.OUTPUT} and not
 * learned. The deviation {@code t − nearest start} of every such match is the drift metric: per key the latest, per
 * instance an HdrHistogram of its magnitude (gauges {@code feedbackDeviationP50Us}, {@code feedbackDeviationP99Us}).
 * The result of learning depends on the order in which spikes and feedback reach the operator (fixed by
 * {@link io.spikeline.operators.snn.DeviceOrder} when the two travel different routes); a checkpoint holds
 * the network, the held feedback and the per-key counts, so a replay that delivers the same order reproduces every
 * output bit for bit.
 *
 * <h2>Controls</h2>
 * A control of sequence {@code q} and effective time {@code T} is kept in broadcast state. Each key applies the
 * controls it has not applied yet in increasing {@code q}, each just before the first bin it steps whose start is
 * at least {@code T} (controls naming another key are passed over), so a control's effect on a key sits at a fixed
 * point of that key's event time, whatever the arrival order of controls and spikes: FREEZE / UNFREEZE switch all
 * learning; EXPORT emits the state after every bin before that point; LOAD replaces the key's whole network state by
 * a snapshot of the same specification (another specification or damaged bytes: counted {@code controlsRejected},
 * the key continues unchanged); LEARNING_RATE_SCALE sets the readout's learning-rate multiplier and THRESHOLD_SCALE
 * the threshold scale of one layer or all (a layer the network lacks, or one whose neurons have no threshold that
 * scales exactly — Izhikevich neurons, neurons with a bias — rejected, counted; a control for all layers is
 * rejected whole; {@link io.spikeline.operators.snn.ThresholdScaling}), both relative to the specification and both
 * network state, so they travel with checkpoints, exports and loads (their meaning: the
 * run-time scales of {@code io.spikeline.models.network}). A control applied before bin {@code t} acts on that bin:
 * feedback learned after it (its window may have begun before {@code T}) learns at the new rate. Controls stay in
 * broadcast state for the life of the job.
 *
 * <h2>Model export</h2>
 * With {@code exportIntervalUs > 0}, a key exports after its first decode and then after the first decode ending at
 * least {@code exportIntervalUs} after the previous export, stamped with the end of that decode window. A
 * {@link io.spikeline.operators.snn.ModelSnapshot} carries its format version and the specification's fingerprint;
 * loading it into a key of any job with the same specification continues exactly as the exporting key would.
 *
 * <h2>Metrics</h2>
 * Per operator instance ({@link io.spikeline.operators.snn.SnnMetrics}): a Flink counter per
 * {@link io.spikeline.operators.snn.SnnCounter} — records in ({@code batches}, {@code feedbackRecords}), input
 * spikes and channel-bins, network spikes and neuron updates, SynOps ({@code synapticOperations}), learning updates
 * ({@code ruleUpdates}: synapse updates by the local rules; {@code feedbackApplied}: readout updates), decodings,
 * stale batches skipped, late feedback dropped ({@code feedbackLateDropped}) and every other feedback and batch
 * outcome, input gaps ({@code inputGaps}: batches starting after the end of the key's previous one;
 * {@code inputGapUs}: the event time missing), snapshots, controls. Flink histograms {@code decodeLatencyUs}
 * (emit − ingest), {@code lagUs} and {@code feedbackDeviationUs}, each over an HdrHistogram of the whole run to two
 * significant digits (HdrHistogram is already a dependency; Flink's own {@code DescriptiveStatisticsHistogram}
 * would keep only a window of recent values and sort it on every report), with p50/p99 gauges of each. The
 * gauges {@code inputSparsity} ({@code 1 − input spikes / channel-bins}) and {@code networkSparsity}
 * ({@code 1 − network spikes / neuron updates}) are computed from the counters when reported, so they cost the
 * counters' additions per batch.
 *
 * <p>Per key: {@code SnnOptions.keyMetricGroups} (default 0) gives the first that many keys an instance sees a
 * metric group of their own, {@code sourceKey=<key>}, with every counter and both sparsity gauges (not the
 * histograms, which would cost about 10 KB a key). Counting then costs one hash lookup per record and one more
 * addition per count; the bound keeps the reporters' load fixed however many devices share the job, so it is for a
 * few keys under watch. For every key, in keyed state and so in checkpoints: the latest lag, stale batches
 * skipped, late and drifted feedback, the latest feedback deviation; the network itself keeps its SynOps, MACs,
 * neuron updates, neuron spikes and learning updates (in every checkpoint and exported snapshot).
 *
 * <h2>State and serialisers</h2>
 * Keyed: {@code snn-network} (the network through its own versioned snapshot,
 * {@link io.spikeline.operators.state.SnapshotStateSerializer}), {@code snn-pending-feedback} (the compact
 * {@code Feedback} serializer), {@code snn-key-stats} (a {@code long[]}: lag, stale batches, late feedback, next
 * export time, held feedback, last control applied, end of the latest batch, drifted feedback, latest feedback
 * deviation; new fields are only appended, and a
 * shorter array from older state is extended with their initial values). Broadcast: {@code snn-controls}. No state
 * or record falls back to Kryo; jobs run with generic types disabled. Works on the heap and RocksDB backends. On
 * RocksDB, state holds bytes: each instance keeps the live networks of its {@code SnnOptions.liveNetworks} most
 * recently used keys ({@link io.spikeline.operators.snn.LiveNetworks}), so a network is rebuilt from its snapshot
 * only when its key returns after that many others. The state is still written after every change (write-through):
 * a Flink function cannot switch to another key to write an evicted or dirty network back later, at eviction or
 * before a snapshot, so writing at once is what keeps every checkpoint and savepoint exact with any number of keys
 * ({@code LiveNetworksJobTest}). Each record on RocksDB thus still serialises its key's network once per change
 * (about 64 KB for the 96 → 160 reaching decoder), and the heap backend, which holds live objects, remains the one
 * for throughput; on the heap backend the cache stays off.
 * A job that fails and restores from a checkpoint decodes bit for bit as one that did not fail
 * ({@code SpikingNetworkRecoveryTest}).
 */
package io.spikeline.operators.snn;
