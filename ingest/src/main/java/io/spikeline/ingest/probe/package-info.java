/**
 * Readers of extracellular neural-probe recordings: continuous voltages as {@link
 * io.spikeline.models.record.SampleFrame}s in microvolts, sorted spikes as {@link
 * io.spikeline.models.record.SpikeBatch}es and behaviour as {@link io.spikeline.models.record.Feedback}.
 *
 * <p>Continuous readers place every sample on the recording's own sample clock (Open Ephys record
 * timestamps, Open Ephys binary {@code sample_numbers.npy}, SpikeGLX {@code firstSample}, NWB
 * {@code starting_time}): the event time of sample index
 * {@code i} is {@code origin + round(i × 10⁶ / rate)} µs. A break in that clock ends the current frame
 * early and is reported as a {@link io.spikeline.ingest.probe.SampleGap}; the next frame starts at the
 * time after the break. Frames are otherwise {@link io.spikeline.ingest.probe.ProbeOptions#samplesPerFrame()}
 * samples long, whatever the block size of the file.
 */
package io.spikeline.ingest.probe;
