package io.spikeline.models.encode;

import io.spikeline.models.record.SpikeBatchBuilder;

/**
 * Encodes the bytes of a network packet as a spatial spike pattern: byte {@code i} of the encoded window
 * ({@code 0 ≤ i < byteCount}) owns the channels {@code [i·C, (i+1)·C)}, {@code C = code.channelsPerByte()}, and
 * spikes on those of its value under the {@link ByteCode}. The whole pattern is presented in each of
 * {@code steps} consecutive bins:
 * <pre>
 *   window:   b_i = bytes[from + i]  for  from + i &lt; to,  absent otherwise
 *   pattern:  P = ∪_i { i·C + c : c ∈ code(b_i) }            (absent bytes contribute nothing)
 *   spikes:   S_t = P  for t = 0 .. steps − 1
 * </pre>
 * so a packet shorter than the window leaves the channels of its missing bytes silent, and under
 * {@link ByteCode#ONE_HOT} and {@link ByteCode#NIBBLES} every present byte spikes (a missing byte differs from any
 * value). Each bin lists its channels in increasing order, as {@code SpikeBatch} requires.
 *
 * <p>The encoder has no state across packets (nothing to snapshot): a packet's spikes depend on its bytes only. It
 * owns one buffer of {@link PacketByteParams#maxSpikesPerBin()} channels, so encoding allocates nothing beyond the
 * amortised growth of the builder. Not thread-safe.
 */
public final class PacketByteEncoder {
    private static final String NAME = "PacketByteEncoder";

    private final PacketByteParams params;
    private final int[] pattern;

    public PacketByteEncoder(PacketByteParams params) {
        this.params = Checks.nonNull(NAME, "params", params);
        this.pattern = new int[params.maxSpikesPerBin()];
    }

    public PacketByteParams params() {
        return params;
    }

    /** Input channels of the encoding. */
    public int channelCount() {
        return params.channelCount();
    }

    /**
     * Writes the channels of the pattern {@code P} of {@code bytes[from .. to)} (the window's first
     * {@code byteCount} bytes) into {@code channels} in increasing order; returns their number.
     *
     * @throws IllegalArgumentException when {@code [from, to)} is not a range of {@code bytes} or {@code channels}
     *     is shorter than {@link PacketByteParams#maxSpikesPerBin()}
     */
    public int pattern(byte[] bytes, int from, int to, int[] channels) {
        if (from < 0 || to < from || to > bytes.length) {
            throw new IllegalArgumentException(NAME + ": [" + from + ", " + to + ") is not a range of the "
                    + bytes.length + " bytes");
        }
        if (channels.length < params.maxSpikesPerBin()) {
            throw new IllegalArgumentException(NAME + ": the channel buffer holds " + channels.length
                    + " entries, fewer than the " + params.maxSpikesPerBin() + " spikes a bin can have");
        }
        int present = Math.min(params.byteCount(), to - from);
        int width = params.code().channelsPerByte();
        int count = 0;
        for (int i = 0; i < present; i++) {
            int v = bytes[from + i] & 0xff;
            int base = i * width;
            switch (params.code()) {
                case ONE_HOT -> channels[count++] = base + v;
                case NIBBLES -> {
                    channels[count++] = base + (v >>> 4);
                    channels[count++] = base + 16 + (v & 15);
                }
                case BITS -> {
                    for (int b = 0; b < 8; b++) {
                        if ((v & (0x80 >>> b)) != 0) {
                            channels[count++] = base + b;
                        }
                    }
                }
            }
        }
        return count;
    }

    /**
     * Appends the {@code steps} bins of the packet {@code bytes[from .. to)} to {@code out}, opening each of them.
     *
     * @throws IllegalArgumentException when {@code out} has another channel count, or as {@link #pattern}
     */
    public void encode(byte[] bytes, int from, int to, SpikeBatchBuilder out) {
        if (out.channelCount() != params.channelCount()) {
            throw new IllegalArgumentException(NAME + ": the builder has " + out.channelCount()
                    + " channels, the encoding " + params.channelCount());
        }
        int count = pattern(bytes, from, to, pattern);
        for (int t = 0; t < params.steps(); t++) {
            out.openBin();
            for (int k = 0; k < count; k++) {
                out.add(pattern[k]);
            }
        }
    }
}
