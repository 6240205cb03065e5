package io.spikeline.ingest.probe;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SpikeGLX {@code .meta} file: one {@code key=value} pair per line. Table keys start with {@code ~}
 * ({@code ~imroTbl}, {@code ~snsChanMap}); they are found with or without it. Errors name the key and, for a
 * value that cannot be read, the byte offset of its line.
 */
public final class SpikeGlxMeta {
    private final String source;
    private final Map<String, String> entries;
    private final Map<String, Long> lineOffsets;

    private SpikeGlxMeta(String source, Map<String, String> entries, Map<String, Long> lineOffsets) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(entries);
        this.lineOffsets = lineOffsets;
    }

    /** Reads the whole file: metadata is small (a few kilobytes). */
    public static SpikeGlxMeta read(Path metaFile) throws IOException {
        String text = new String(Files.readAllBytes(metaFile), StandardCharsets.UTF_8);
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Long> offsets = new LinkedHashMap<>();
        long offset = 0;
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (!line.isBlank()) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IngestException(metaFile.toString(), offset, "expected a key=value line, found '"
                            + line + "'");
                }
                String key = line.substring(0, eq).trim();
                key = key.startsWith("~") ? key.substring(1) : key;
                entries.put(key, line.substring(eq + 1).trim());
                offsets.put(key, offset);
            }
            offset += raw.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return new SpikeGlxMeta(metaFile.toString(), entries, offsets);
    }

    /** Every key (without a leading {@code ~}) with its value, in file order. */
    public Map<String, String> entries() {
        return entries;
    }

    public boolean has(String key) {
        String value = entries.get(key);
        return value != null && !value.isEmpty();
    }

    /** The value of {@code key}; an {@link IngestException} naming the key when it is missing or empty. */
    public String text(String key) throws IngestException {
        if (!has(key)) {
            throw new IngestException(source, 0, "the metadata has no value for " + key
                    + (entries.containsKey(key) ? " (the line is empty)" : ""));
        }
        return entries.get(key);
    }

    public double number(String key) throws IngestException {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(key, "a number");
        }
    }

    public long integer(String key) throws IngestException {
        String value = text(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(key, "an integer");
        }
    }

    /** The comma-separated integers of {@code key}, which must number {@code count}. */
    public int[] integers(String key, int count) throws IngestException {
        String[] parts = text(key).split(",");
        if (parts.length != count) {
            throw invalid(key, count + " comma-separated integers");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw invalid(key, count + " comma-separated integers");
            }
        }
        return out;
    }

    /** A located error about the value of {@code key}. */
    public IngestException invalid(String key, String expected) {
        return new IngestException(source, lineOffsets.getOrDefault(key, 0L), key + " should be " + expected
                + ", was '" + entries.get(key) + "'");
    }

    public String source() {
        return source;
    }
}
