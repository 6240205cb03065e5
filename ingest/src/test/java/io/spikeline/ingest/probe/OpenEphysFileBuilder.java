package io.spikeline.ingest.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes Open Ephys legacy .continuous files byte by byte, as the format description lays them out. */
final class OpenEphysFileBuilder {
    static final int BLOCK = 1024;
    static final int RECORD_BYTES = 8 + 2 + 2 + 2 * BLOCK + 10;

    private OpenEphysFileBuilder() {
    }

    static byte[] header(String channel, double sampleRate, double bitVolts) {
        String text = "header.format = 'Open Ephys Data Format'; \n"
                + "header.version = 0.4;\n"
                + "header.header_bytes = 1024;\n"
                + "header.channel = '" + channel + "';\n"
                + "header.channelType = 'Continuous';\n"
                + "header.sampleRate = " + sampleRate + ";\n"
                + "header.blockLength = 1024;\n"
                + "header.bitVolts = " + bitVolts + ";\n";
        byte[] out = new byte[1024];
        Arrays.fill(out, (byte) ' ');
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        return out;
    }

    /** One file: record r starts at timestamps[r] and holds samples[r] (1024 values). */
    static Path write(Path file, String channel, double sampleRate, double bitVolts, long[] timestamps,
                      short[][] samples) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(1024 + timestamps.length * RECORD_BYTES);
        out.put(header(channel, sampleRate, bitVolts));
        for (int r = 0; r < timestamps.length; r++) {
            out.order(ByteOrder.LITTLE_ENDIAN).putLong(timestamps[r]).putShort((short) BLOCK).putShort((short) 0);
            out.order(ByteOrder.BIG_ENDIAN);
            for (int s = 0; s < BLOCK; s++) {
                out.putShort(samples[r][s]);
            }
            out.put(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 255});
        }
        return Files.write(file, out.array());
    }

    /** Samples that identify channel, record and position: {@code channel * 1000 + record * 10 + s % 10}. */
    static short[][] numbered(int channel, int records) {
        short[][] samples = new short[records][BLOCK];
        for (int r = 0; r < records; r++) {
            for (int s = 0; s < BLOCK; s++) {
                samples[r][s] = (short) (channel * 1000 + r * 10 + s % 10);
            }
        }
        return samples;
    }
}
