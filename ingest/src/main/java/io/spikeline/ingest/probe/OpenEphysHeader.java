package io.spikeline.ingest.probe;

import io.spikeline.ingest.IngestException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 1024-byte text header of an Open Ephys legacy {@code .continuous} file: MATLAB-style lines
 * {@code header.key = value;}, string values in single quotes, padded with spaces.
 *
 * @param fields every {@code header.*} key with its value (quotes removed), in file order
 * @param channel the channel name, e.g. {@code CH1}
 * @param sampleRateHz samples per second
 * @param bitVolts microvolts per digital unit: {@code µV = int16 × bitVolts}
 * @param blockLength samples per record
 */
public record OpenEphysHeader(Map<String, String> fields, String channel, double sampleRateHz, double bitVolts,
                              int blockLength) {
    /** Bytes of the text header before the first record. */
    public static final int HEADER_BYTES = 1024;

    private static final Pattern FIELD = Pattern.compile("header\\.(\\w+)\\s*=\\s*(?:'([^']*)'|([^;]*?))\\s*;");

    public OpenEphysHeader {
        fields = Map.copyOf(fields);
    }

    /** Parses the header bytes of {@code source}; a missing or unreadable required key names the key. */
    static OpenEphysHeader parse(String source, byte[] header) throws IngestException {
        String text = new String(header, StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            fields.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            offsets.put(m.group(1), m.start());
        }
        if (!"Open Ephys Data Format".equals(fields.get("format"))) {
            throw new IngestException(source, 0, "expected an Open Ephys legacy header starting with "
                    + "header.format = 'Open Ephys Data Format'; found format " + fields.get("format"));
        }
        String headerBytes = fields.get("header_bytes");
        if (headerBytes != null && number(source, fields, offsets, "header_bytes") != HEADER_BYTES) {
            throw new IngestException(source, offsets.get("header_bytes"), "header.header_bytes is " + headerBytes
                    + "; only " + HEADER_BYTES + "-byte headers are defined");
        }
        double rate = number(source, fields, offsets, "sampleRate");
        double bitVolts = number(source, fields, offsets, "bitVolts");
        double block = fields.containsKey("blockLength") ? number(source, fields, offsets, "blockLength") : 1024;
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IngestException(source, offsets.get("sampleRate"), "header.sampleRate must be > 0, was " + rate);
        }
        if (!(bitVolts > 0) || Double.isInfinite(bitVolts)) {
            throw new IngestException(source, offsets.get("bitVolts"), "header.bitVolts must be > 0, was " + bitVolts);
        }
        if (block != Math.rint(block) || block < 1 || block > 65535) {
            throw new IngestException(source, offsets.get("blockLength"),
                    "header.blockLength must be an integer in 1..65535, was " + block);
        }
        return new OpenEphysHeader(fields, fields.getOrDefault("channel", ""), rate, bitVolts, (int) block);
    }

    private static double number(String source, Map<String, String> fields, Map<String, Integer> offsets, String key)
            throws IngestException {
        String value = fields.get(key);
        if (value == null) {
            throw new IngestException(source, 0, "the header has no header." + key);
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IngestException(source, offsets.get(key), "header." + key + " should be a number, found '"
                    + value + "'");
        }
    }
}
