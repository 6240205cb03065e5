package io.spikeline.runtime.packets;

/**
 * What the job remembers of a packet while the network classifies it.
 *
 * @param index the packet's position in the stream, from 0; it names the packet's decode window
 * @param flow the packet's flow in both directions ({@link FlowVote#flowOf})
 * @param truth the packet's label, or -1 when it has none
 * @param captureTimeUs when the packet was captured (its event time), µs
 * @param encodeWallTimeUs when the packet was encoded, wall-clock µs
 */
public record PacketMeta(long index, String flow, int truth, long captureTimeUs, long encodeWallTimeUs) {}
