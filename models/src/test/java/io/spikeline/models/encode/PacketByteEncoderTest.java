package io.spikeline.models.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.record.SpikeBatchBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketByteEncoderTest {

    private static int[] pattern(PacketByteEncoder encoder, byte[] bytes, int from, int to) {
        int[] channels = new int[encoder.params().maxSpikesPerBin()];
        return Arrays.copyOf(channels, encoder.pattern(bytes, from, to, channels));
    }

    @Test
    void eachCodeSpikesTheChannelsOfTheByteValueInItsOwnGroup() {
        byte[] bytes = {(byte) 0xA5, 0x00, (byte) 0xFF};
        // 0xA5: high nibble 10, low nibble 5; bits 1010 0101 set at positions 0, 2, 5, 7 (most significant first).
        assertThat(pattern(new PacketByteEncoder(new PacketByteParams(3, ByteCode.ONE_HOT, 1)), bytes, 0, 3))
                .containsExactly(0xA5, 256, 512 + 255);
        assertThat(pattern(new PacketByteEncoder(new PacketByteParams(3, ByteCode.NIBBLES, 1)), bytes, 0, 3))
                .containsExactly(10, 16 + 5, 32, 32 + 16, 64 + 15, 64 + 16 + 15);
        assertThat(pattern(new PacketByteEncoder(new PacketByteParams(3, ByteCode.BITS, 1)), bytes, 0, 3))
                .containsExactly(0, 2, 5, 7, 16, 17, 18, 19, 20, 21, 22, 23);
    }

    @Test
    void theWindowStartsAtFromAndMissingBytesAreSilent() {
        byte[] bytes = {1, 2, 3, 4, 5};
        PacketByteEncoder encoder = new PacketByteEncoder(new PacketByteParams(4, ByteCode.ONE_HOT, 1));
        // From byte 3 only two bytes remain: groups 2 and 3 stay silent.
        assertThat(pattern(encoder, bytes, 3, 5)).containsExactly(4, 256 + 5);
        // A window shorter than the packet ends at byteCount.
        assertThat(pattern(encoder, bytes, 0, 5)).containsExactly(1, 256 + 2, 512 + 3, 768 + 4);
        assertThat(pattern(encoder, bytes, 2, 2)).isEmpty();
    }

    /** Decoding the spikes back gives the bytes, for every code: the encoding loses nothing within the window. */
    @Test
    void everyCodeRoundTripsRandomPackets() {
        SeededRandom random = new SeededRandom(11);
        for (ByteCode code : ByteCode.values()) {
            PacketByteEncoder encoder = new PacketByteEncoder(new PacketByteParams(40, code, 1));
            for (int trial = 0; trial < 200; trial++) {
                byte[] bytes = new byte[1 + random.nextInt(60)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                int[] channels = pattern(encoder, bytes, 0, bytes.length);
                int[] decoded = new int[40];
                boolean[] seen = new boolean[40];
                int width = code.channelsPerByte();
                for (int c : channels) {
                    int i = c / width;
                    int k = c % width;
                    seen[i] = true;
                    decoded[i] |= switch (code) {
                        case ONE_HOT -> k;
                        case NIBBLES -> k < 16 ? k << 4 : k - 16;
                        case BITS -> 0x80 >>> k;
                    };
                }
                for (int i = 0; i < 40; i++) {
                    int expected = i < bytes.length ? bytes[i] & 0xff : 0;
                    assertThat(decoded[i]).as("%s byte %d", code, i).isEqualTo(expected);
                    if (code != ByteCode.BITS) {
                        assertThat(seen[i]).as("%s byte %d present", code, i).isEqualTo(i < bytes.length);
                    }
                }
                assertThat(channels).isSorted();
            }
        }
    }

    @Test
    void encodePresentsThePatternInEachStep() {
        PacketByteEncoder encoder = new PacketByteEncoder(new PacketByteParams(2, ByteCode.NIBBLES, 3));
        SpikeBatchBuilder builder = new SpikeBatchBuilder(encoder.channelCount());
        encoder.encode(new byte[] {0x12, 0x34, 0x56}, 0, 3, builder);
        SpikeBatch batch = builder.build("k", 0, 0, 1000);
        assertThat(batch.binCount()).isEqualTo(3);
        assertThat(batch.channelCount()).isEqualTo(64);
        for (int b = 0; b < 3; b++) {
            int from = batch.binOffsets()[b];
            int to = batch.binOffsets()[b + 1];
            assertThat(Arrays.copyOfRange(batch.channelIndices(), from, to)).containsExactly(1, 16 + 2, 32 + 3, 48 + 4);
        }
    }

    @Test
    void encodingAWarmBuilderAllocatesNothing() {
        PacketByteEncoder encoder = new PacketByteEncoder(new PacketByteParams(64, ByteCode.NIBBLES, 4));
        SpikeBatchBuilder builder = new SpikeBatchBuilder(encoder.channelCount());
        byte[] packet = new byte[1500];
        for (int i = 0; i < packet.length; i++) {
            packet[i] = (byte) (i * 37);
        }
        encoder.encode(packet, 0, packet.length, builder);
        builder.clear();
        long before = Allocation.bytesSoFar();
        for (int round = 0; round < 100; round++) {
            encoder.encode(packet, 14, packet.length, builder);
            builder.clear();
        }
        assertThat(Allocation.bytesSoFar() - before).isLessThan(1024);
    }

    @Test
    void invalidParametersAndRangesFailNamingTheValue() {
        assertThatThrownBy(() -> new PacketByteParams(0, ByteCode.BITS, 1)).hasMessageContaining("byteCount")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new PacketByteParams(4, ByteCode.BITS, -2)).hasMessageContaining("steps")
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> new PacketByteParams(4, null, 1)).hasMessageContaining("code");
        assertThatThrownBy(() -> new PacketByteParams(Integer.MAX_VALUE / 100, ByteCode.ONE_HOT, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels");
        PacketByteEncoder encoder = new PacketByteEncoder(new PacketByteParams(4, ByteCode.BITS, 1));
        assertThatThrownBy(() -> encoder.pattern(new byte[3], 2, 4, new int[32])).hasMessageContaining("[2, 4)");
        assertThatThrownBy(() -> encoder.pattern(new byte[3], 0, 3, new int[31])).hasMessageContaining("31");
        assertThatThrownBy(() -> encoder.encode(new byte[3], 0, 3, new SpikeBatchBuilder(33)))
                .hasMessageContaining("33");
    }
}
