/**
 * The pipeline benchmark ({@code spikeline bench}): how much load the whole pipeline sustains in real time, with what
 * latency, and whether a long run at a nominal load stays flat.
 *
 * <h2>Scenarios</h2>
 * A {@link io.spikeline.runtime.bench.Scenario} is a sensor (what records it sends at a load, and when each is
 * complete: a {@link io.spikeline.runtime.bench.Sensor}) and the pipeline that decodes them. Three exist:
 * {@link io.spikeline.runtime.bench.ProbesScenario} (N broadband Neuropixels probes through the bmi application's
 * band-pass, threshold crossing and SNN decoder), {@link io.spikeline.runtime.bench.EventsScenario} (an event camera
 * at E events/s through event binning and an SNN classifier) and {@link io.spikeline.runtime.bench.PacketsScenario}
 * (P packets/s from the traffic simulator through the {@code packets} application's pipeline). A new scenario is a
 * new implementation; the harness does not change.
 *
 * <h2>Pacing and latency</h2>
 * The sensor's clock starts when its source opens, at wall time {@code S}; record {@code i} is complete at
 * {@code S + ready(i)}, and its event times lie on that clock. The source releases each record no earlier than that
 * ({@link io.spikeline.runtime.bench.PacedGenerator}), as a live sensor would, and a pipeline that falls behind holds
 * the source back without moving the records' event times. The SNN operator stamps each decoding with its emit time
 * (wall clock, µs). A decoding's input was complete at its due time, {@code due = S + end of its decode window}, known
 * from its event time ({@link io.spikeline.runtime.bench.Scenario#dueUs}); its latency is {@code emit − due}: the
 * time from the sensor having the data to the answer, through every stage, the source's own lag included. (The input
 * records carry no processing-time stamp of their own, and a decoding's {@code ingestWallTimeUs} is its arrival at the
 * SNN operator, which would leave out the stages before it.)
 *
 * <h2>Trials</h2>
 * A trial ({@link io.spikeline.runtime.bench.PipelineTrial#run}) sends {@code seconds} of sensor time at a load on a
 * fresh embedded MiniCluster, carried in process or through a Kafka topic ({@link io.spikeline.runtime.bench.Via}).
 * Every decoding is counted ({@link io.spikeline.runtime.bench.LatencyTally}); those after the warm-up are measured:
 * latency into an HdrHistogram (p50, p99, p99.9), the mean latency per 100 ms of due time into a series whose fitted
 * line ({@link io.spikeline.runtime.bench.Trend}) gives the rise of latency over the trial, and emit times into the
 * sustained throughput: {@code (n − 1)} decodings over the wall time between the first and the last, times what a
 * decoding stands for (channel-samples, events, packets). A load is sustained when the trial completed (every
 * expected decoding came out), p99 stays within the bound and latency rose by at most a quarter of the bound
 * ({@link io.spikeline.runtime.bench.TrialResult#sustained}); a trial stops early, not sustained, once a measured
 * latency passes twenty times the bound.
 *
 * <h2>Search</h2>
 * {@link io.spikeline.runtime.bench.LoadSearch}: from a start load, double while sustained (halve while not) to
 * bracket the answer, then bisect to the probe (probes) or to 25 % (events/s, packets/s). Each trial is a separate
 * job, so the search assumes that a load above one not sustained is not sustained either.
 *
 * <h2>Soak</h2>
 * {@link io.spikeline.runtime.bench.Soak}: the probes pipeline at a nominal number of probes for minutes, with
 * checkpoints (heap state backend, file storage in a temporary folder). Every interval: heap used after a full
 * collection, size of the latest completed checkpoint, latency p99 of the interval's decodings. The verdict fits a
 * Theil–Sen line (robust to a few disturbed intervals) to each series after the first interval; a series grows when
 * the line rises over the run by more than a tolerance of its median and more than a floor below which the rise is
 * measurement noise (16 MB heap, 16 KB state, 5 ms p99).
 */
package io.spikeline.runtime.bench;
