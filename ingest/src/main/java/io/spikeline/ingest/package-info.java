/**
 * Streaming readers of sensor recording formats (EDF/BDF, AEDAT, EVT, SpikeGLX, Open Ephys, NWB, pcap) and seeded sensor simulators; all produce {@code io.spikeline.models.record} records with event time.
 */
package io.spikeline.ingest;
