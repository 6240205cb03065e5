package io.spikeline.models.encode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one channel of an Open Ephys legacy {@code .continuous} file: a 1024-byte text header (with
 * {@code header.bitVolts}), then records of an int64 timestamp, a uint16 sample count N = 1024 and a uint16
 * recording number (little-endian), N big-endian int16 samples and the 10-byte marker 0..8, 255.
 */
final class OpenEphysLegacyChannel {
    private static final int HEADER_BYTES = 1024;
    private static final int SAMPLES_PER_RECORD = 1024;
    private static final int RECORD_BYTES = 8 + 2 + 2 + 2 * SAMPLES_PER_RECORD + 10;
    private static final byte[] MARKER = {0, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 255};
    private static final Pattern BIT_VOLTS = Pattern.compile("header\\.bitVolts\\s*=\\s*([0-9.eE+-]+)");
    private static final Pattern SAMPLE_RATE = Pattern.compile("header\\.sampleRate\\s*=\\s*([0-9.eE+-]+)");

    final double sampleRateHz;
    /** Samples in microvolts. */
    final float[] microvolts;

    private OpenEphysLegacyChannel(double sampleRateHz, float[] microvolts) {
        this.sampleRateHz = sampleRateHz;
        this.microvolts = microvolts;
    }

    static OpenEphysLegacyChannel read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, 0, HEADER_BYTES, StandardCharsets.US_ASCII);
        double bitVolts = headerNumber(header, BIT_VOLTS, file);
        double rate = headerNumber(header, SAMPLE_RATE, file);
        int records = (bytes.length - HEADER_BYTES) / RECORD_BYTES;
        if (records * RECORD_BYTES + HEADER_BYTES != bytes.length) {
            throw new IOException(file + " is not a whole number of " + RECORD_BYTES + "-byte records");
        }
        float[] samples = new float[records * SAMPLES_PER_RECORD];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (int r = 0; r < records; r++) {
            int at = HEADER_BYTES + r * RECORD_BYTES;
            int count = buffer.order(ByteOrder.LITTLE_ENDIAN).getShort(at + 8) & 0xffff;
            if (count != SAMPLES_PER_RECORD) {
                throw new IOException(file + " record " + r + " holds " + count + " samples");
            }
            buffer.order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < SAMPLES_PER_RECORD; i++) {
                samples[r * SAMPLES_PER_RECORD + i] = (float) (buffer.getShort(at + 12 + 2 * i) * bitVolts);
            }
            for (int i = 0; i < MARKER.length; i++) {
                if (bytes[at + RECORD_BYTES - MARKER.length + i] != MARKER[i]) {
                    throw new IOException(file + " record " + r + " lacks its end marker");
                }
            }
        }
        return new OpenEphysLegacyChannel(rate, samples);
    }

    private static double headerNumber(String header, Pattern field, Path file) throws IOException {
        Matcher m = field.matcher(header);
        if (!m.find()) {
            throw new IOException(file + " header lacks " + field.pattern());
        }
        return Double.parseDouble(m.group(1));
    }
}
