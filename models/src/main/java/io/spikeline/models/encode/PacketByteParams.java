package io.spikeline.models.encode;

/**
 * Parameters of {@link PacketByteEncoder}.
 *
 * @param byteCount how many bytes of the packet are encoded, from the start offset the caller gives (&gt; 0)
 * @param code how each byte becomes spikes across its channels
 * @param steps bins over which the pattern is presented, the same spikes in each (&gt; 0)
 */
public record PacketByteParams(int byteCount, ByteCode code, int steps) {
    private static final String RECORD = "PacketByteParams";

    public PacketByteParams {
        Checks.positive(RECORD, "byteCount", byteCount);
        Checks.nonNull(RECORD, "code", code);
        Checks.positive(RECORD, "steps", steps);
        if ((long) byteCount * code.channelsPerByte() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(RECORD + ": byteCount " + byteCount + " of " + code
                    + " needs more than " + Integer.MAX_VALUE + " channels");
        }
    }

    /** Input channels of the encoding: {@code byteCount · code.channelsPerByte()}. */
    public int channelCount() {
        return byteCount * code.channelsPerByte();
    }

    /** The most spikes of one bin: {@code byteCount · code.maxSpikesPerByte()}. */
    public int maxSpikesPerBin() {
        return byteCount * code.maxSpikesPerByte();
    }
}
