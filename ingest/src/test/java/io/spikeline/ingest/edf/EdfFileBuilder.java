package io.spikeline.ingest.edf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes small EDF/EDF+/BDF files field by field as the specifications lay them out. */
final class EdfFileBuilder {
    private final boolean bdf;
    private final String reserved;
    private final double recordDurationS;
    private final List<String[]> signals = new ArrayList<>();
    private final List<int[]> samplesPerRecord = new ArrayList<>();
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();
    private int recordCount;
    private String declaredRecords;

    EdfFileBuilder(boolean bdf, String reserved, double recordDurationS) {
        this.bdf = bdf;
        this.reserved = reserved;
        this.recordDurationS = recordDurationS;
    }

    /** Adds a signal: label, physical min/max, digital min/max, samples per record. */
    EdfFileBuilder signal(String label, double physMin, double physMax, int digMin, int digMax, int samples) {
        signals.add(new String[] {label, num(physMin), num(physMax), Integer.toString(digMin), Integer.toString(digMax)});
        samplesPerRecord.add(new int[] {samples});
        return this;
    }

    EdfFileBuilder declaredRecords(String value) {
        this.declaredRecords = value;
        return this;
    }

    /** Appends one data record: digital samples per signal, and for annotation signals their TAL text. */
    EdfFileBuilder record(Object... perSignal) {
        for (int i = 0; i < perSignal.length; i++) {
            int bytes = samplesPerRecord.get(i)[0] * (bdf ? 3 : 2);
            if (perSignal[i] instanceof String) {
                byte[] text = ((String) perSignal[i]).getBytes(StandardCharsets.UTF_8);
                records.write(text, 0, text.length);
                records.write(new byte[bytes - text.length], 0, bytes - text.length);
            } else {
                for (int v : (int[]) perSignal[i]) {
                    records.write(v & 0xff);
                    records.write((v >> 8) & 0xff);
                    if (bdf) {
                        records.write((v >> 16) & 0xff);
                    }
                }
            }
        }
        recordCount++;
        return this;
    }

    byte[] build() {
        int n = signals.size();
        StringBuilder h = new StringBuilder();
        h.append(bdf ? "\u00ffBIOSEMI" : pad("0", 8));
        h.append(pad("X X X X", 80)).append(pad("Startdate 12-AUG-2009 X X test", 80));
        h.append("12.08.09").append("16.15.00").append(pad(Integer.toString(256 * (n + 1)), 8));
        h.append(pad(reserved, 44)).append(pad(declaredRecords != null ? declaredRecords : Integer.toString(recordCount), 8));
        h.append(pad(num(recordDurationS), 8)).append(pad(Integer.toString(n), 4));
        for (String[] s : signals) {
            h.append(pad(s[0], 16));
        }
        appendEach(h, "", 80);
        appendEach(h, "uV", 8);
        for (int f = 1; f <= 4; f++) {
            for (String[] s : signals) {
                h.append(pad(s[f], 8));
            }
        }
        appendEach(h, "", 80);
        for (int[] spr : samplesPerRecord) {
            h.append(pad(Integer.toString(spr[0]), 8));
        }
        appendEach(h, "", 32);
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = records.toByteArray();
        byte[] file = new byte[header.length + data.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(data, 0, file, header.length, data.length);
        return file;
    }

    private void appendEach(StringBuilder h, String value, int width) {
        for (int i = 0; i < signals.size(); i++) {
            h.append(pad(value, width));
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String pad(String s, int width) {
        if (s.length() > width) {
            throw new IllegalArgumentException("'" + s + "' does not fit " + width + " characters");
        }
        return s + " ".repeat(width - s.length());
    }
}
