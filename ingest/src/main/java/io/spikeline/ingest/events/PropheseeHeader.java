package io.spikeline.ingest.events;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ASCII header of Prophesee RAW and DAT files: lines {@code % key value}, ended by the first byte that is
 * not {@code %} (or by {@code % end} in recent files).
 *
 * <p>The sensor geometry is read from, in this order: {@code % geometry 640x480}, the {@code height=} and
 * {@code width=} of {@code % format EVT3;height=720;width=1280}, DAT's {@code % Width 304} and
 * {@code % Height 240}, and last the sensor generation in {@code % plugin_name} of files older than these
 * fields: Gen3 is VGA 640×480, Gen4.1 / IMX636 is HD 1280×720, GenX320 is 320×320.
 */
final class PropheseeHeader {
    private static final Pattern GEOMETRY = Pattern.compile("(\\d+)\\s*x\\s*(\\d+)");
    private static final Pattern FORMAT_WIDTH = Pattern.compile("(?i)width=(\\d+)");
    private static final Pattern FORMAT_HEIGHT = Pattern.compile("(?i)height=(\\d+)");

    private final List<String> lines;

    private PropheseeHeader(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * Reads the header of an EVT {@code encoding} raw file into {@code reader}: checks the declared encoding and
     * takes the sensor geometry from it unless the reader's options give one.
     */
    static PropheseeHeader readRaw(EventFileReader reader, String encoding) throws IOException {
        String format = "Prophesee EVT " + encoding;
        PropheseeHeader header = read(reader.in, format);
        header.requireEncoding(encoding, reader.source);
        int[] g = header.geometry();
        reader.useGeometry(g[0], g[1], 0, "the " + format.substring("Prophesee ".length()) + " header");
        return header;
    }

    static PropheseeHeader read(ByteInput in, String format) throws IOException {
        List<String> lines = in.readHeaderLines('%', "% end");
        if (lines.isEmpty()) {
            throw new IngestException(in.source(), 0, "expected a " + format + " header of '%' lines, found "
                    + (in.peek() < 0 ? "an empty file" : String.format("byte 0x%02X", in.peek())));
        }
        return new PropheseeHeader(lines);
    }

    List<String> lines() {
        return lines;
    }

    /** The value of {@code % key value}, the key compared without case; null if absent. */
    String value(String key) {
        for (String line : lines) {
            String body = line.substring(1).trim();
            int space = body.indexOf(' ');
            if (space > 0 && body.substring(0, space).equalsIgnoreCase(key)) {
                return body.substring(space + 1).trim();
            }
        }
        return null;
    }

    /** {@code {width, height}}, or {@code {0, 0}} when the header gives no geometry. */
    int[] geometry() {
        String geometry = value("geometry");
        if (geometry != null) {
            Matcher m = GEOMETRY.matcher(geometry);
            if (m.find()) {
                return new int[] {parse(m.group(1)), parse(m.group(2))};
            }
        }
        String format = value("format");
        if (format != null) {
            Matcher w = FORMAT_WIDTH.matcher(format);
            Matcher h = FORMAT_HEIGHT.matcher(format);
            if (w.find() && h.find()) {
                return new int[] {parse(w.group(1)), parse(h.group(1))};
            }
        }
        String width = value("width");
        String height = value("height");
        if (width != null && height != null) {
            return new int[] {parse(width), parse(height)};
        }
        String plugin = value("plugin_name");
        if (plugin != null) {
            String p = plugin.toLowerCase(Locale.ROOT);
            if (p.contains("gen41") || p.contains("imx636")) {
                return new int[] {1280, 720};
            }
            if (p.contains("genx320")) {
                return new int[] {320, 320};
            }
            if (p.contains("gen3")) {
                return new int[] {640, 480};
            }
        }
        return new int[] {0, 0};
    }

    private static int parse(String digits) {
        return digits.length() > 6 ? -1 : Integer.parseInt(digits);
    }

    /**
     * Checks that the header, when it names its event encoding ({@code % evt 3.0} or {@code % format EVT3}),
     * names {@code expected} ("2.0", "3.0").
     */
    void requireEncoding(String expected, String source) throws IngestException {
        String evt = value("evt");
        String format = value("format");
        String named = evt != null ? evt
                : format != null ? format.split(";")[0].trim().toUpperCase(Locale.ROOT).replace("EVT", "") : null;
        if (named == null) {
            return;
        }
        String major = named.contains(".") ? named : named + ".0";
        if (!major.equals(expected)) {
            throw new IngestException(source, 0, "header names event encoding " + named + "; this reader reads EVT "
                    + expected);
        }
    }
}
