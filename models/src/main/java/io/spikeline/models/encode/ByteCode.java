package io.spikeline.models.encode;

/**
 * How {@link PacketByteEncoder} spreads one byte of value {@code v} (0–255) across its group of input channels,
 * numbered from 0 within the group.
 */
public enum ByteCode {
    /** 256 channels, one per value: channel {@code v} spikes. One spike per byte. */
    ONE_HOT(256, 1),
    /**
     * 32 channels, a one-hot code per nibble: channel {@code v >> 4} of the first 16 and channel
     * {@code 16 + (v & 15)} of the next 16 spike. Two spikes per byte; bytes sharing a nibble share its channel.
     */
    NIBBLES(32, 2),
    /**
     * 8 channels, one per bit, most significant first: channel {@code b} spikes when bit {@code 7 − b} of {@code v}
     * is set. 0 to 8 spikes per byte; a zero byte is silent, like a byte past the end of the packet.
     */
    BITS(8, 8);

    private final int channels;
    private final int maxSpikes;

    ByteCode(int channels, int maxSpikes) {
        this.channels = channels;
        this.maxSpikes = maxSpikes;
    }

    /** Input channels per encoded byte. */
    public int channelsPerByte() {
        return channels;
    }

    /** The most spikes one byte can produce in one bin. */
    public int maxSpikesPerByte() {
        return maxSpikes;
    }
}
