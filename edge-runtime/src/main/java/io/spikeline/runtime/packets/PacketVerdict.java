package io.spikeline.runtime.packets;

/**
 * The job's answer for one packet: its class, and its flow's class by the vote of the flow's packets so far.
 *
 * @param index the packet's position in the stream, from 0
 * @param captureTimeUs when the packet was captured, µs
 * @param flow the packet's flow in both directions
 * @param truth the packet's label, or -1 when it has none
 * @param packetClass the class the network gave the packet, before learning from its label
 * @param packetConfidence the softmax confidence of {@code packetClass}
 * @param scores the network's class scores for the packet
 * @param classifierLatencyUs wall time from the packet's spikes entering the network to its decode, µs
 * @param encodeWallTimeUs when the packet was encoded, wall-clock µs
 * @param flowClass the flow's class after this packet's vote, or -1 before the vote
 * @param flowConfidence the share of the flow's summed class probabilities that {@code flowClass} holds
 * @param flowPackets the packets of the flow voted so far, this one included
 * @param verdictWallTimeUs when the verdict was complete, wall-clock µs (0 before the vote)
 */
public record PacketVerdict(long index, long captureTimeUs, String flow, int truth, int packetClass,
                            float packetConfidence, float[] scores, long classifierLatencyUs, long encodeWallTimeUs,
                            int flowClass, float flowConfidence, int flowPackets, long verdictWallTimeUs) {

    /** Wall time from the packet's encoding to its verdict, µs. */
    public long pipelineLatencyUs() {
        return verdictWallTimeUs - encodeWallTimeUs;
    }

    /** This verdict with its flow's vote, completed at {@code wallTimeUs}. */
    PacketVerdict withFlow(int newFlowClass, float newFlowConfidence, int newFlowPackets, long wallTimeUs) {
        return new PacketVerdict(index, captureTimeUs, flow, truth, packetClass, packetConfidence, scores,
                classifierLatencyUs, encodeWallTimeUs, newFlowClass, newFlowConfidence, newFlowPackets,
                Math.max(encodeWallTimeUs, wallTimeUs));
    }
}
