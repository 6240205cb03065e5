/**
 * The {@code packets} application: network packets classified by protocol, per packet and per flow, by a spiking
 * network that learns its features without labels (STDP with synaptic scaling) and its classifier online from each
 * packet's label.
 *
 * <p>{@link io.spikeline.runtime.packets.PacketSources} builds the bounded input of an embedded run, the traffic
 * simulator or capture files (labelled by {@link io.spikeline.runtime.packets.PortClasses}), apart from
 * {@link io.spikeline.runtime.packets.PacketsJob}, which takes any stream of labelled packets;
 * {@link io.spikeline.runtime.packets.PacketsRun} runs it on an embedded MiniCluster or on endpoints (labelled packets
 * from a broker topic or a file, each packet's flow decoding to a sink; locally, or submitted to a cluster);
 * {@link io.spikeline.runtime.packets.PacketsScore} scores it prequentially (each packet is classified before the
 * network learns from its label) and {@link io.spikeline.runtime.packets.PacketsReport} writes the report.
 *
 * <p>Per-packet accuracy is the fraction of packets whose class the network named; per-flow accuracy the fraction
 * whose flow's running vote (over the flow's packets so far, both directions) named it. The classifier latency is the
 * network's own, from the Decoding stamps; the pipeline latency runs from the packet's encoding to its flow verdict.
 */
package io.spikeline.runtime.packets;
