package io.spikeline.ingest.edf;

import io.spikeline.ingest.IngestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The header of an EDF, EDF+ or BDF file: a 256-byte fixed part followed by 256 bytes per signal, all
 * ASCII fields padded with blanks (EDF specification, Kemp et al. 1992; EDF+, Kemp and Olivan 2003; BDF,
 * BioSemi).
 *
 * @param recordCount number of data records, or -1 when the header leaves it unknown (read to the end)
 * @param start recording start as written in the header (local time of the recording; EDF has no zone)
 */
public record EdfHeader(EdfVariant variant, String patient, String recording, LocalDateTime start,
                        int headerBytes, long recordCount, double recordDurationS, List<EdfSignal> signals) {

    static final int FIXED_BYTES = 256;
    static final int BYTES_PER_SIGNAL = 256;

    public EdfHeader {
        signals = Collections.unmodifiableList(new ArrayList<>(signals));
    }

    /** Bytes in one data record: every signal's samples, one after the other. */
    public int recordBytes() {
        int samples = 0;
        for (EdfSignal s : signals) {
            samples += s.samplesPerRecord();
        }
        return samples * variant.bytesPerSample();
    }

    /** Reads and checks a header from the start of {@code channel}; {@code source} names it in errors. */
    static EdfHeader read(String source, ReadableByteChannel channel) throws IOException {
        Fields fixed = new Fields(source, 0, readFully(source, channel, 0, FIXED_BYTES, "the 256-byte fixed header"));
        byte first = fixed.bytes.get(0);
        String version = fixed.text(0, 8);
        boolean bdf = (first & 0xff) == 0xFF && version.substring(1).trim().equals("BIOSEMI");
        if (!bdf && !version.equals("0")) {
            throw new IngestException(source, 0, "expected an EDF version field '0' or a BDF signature "
                    + "0xFF 'BIOSEMI', found '" + printable(version) + "'");
        }
        String patient = fixed.text(8, 80);
        String recording = fixed.text(88, 80);
        String date = fixed.text(168, 8);
        String time = fixed.text(176, 8);
        int headerBytes = fixed.integer(184, 8, "number of bytes in header");
        String reserved = fixed.text(192, 44);
        long recordCount = fixed.integer(236, 8, "number of data records");
        double recordDurationS = fixed.decimal(244, 8, "duration of a data record");
        int signalCount = fixed.integer(252, 4, "number of signals");

        EdfVariant variant = variant(source, bdf, reserved);
        if (signalCount <= 0) {
            throw new IngestException(source, 252, "number of signals must be positive, found " + signalCount);
        }
        int expectedHeaderBytes = FIXED_BYTES + BYTES_PER_SIGNAL * signalCount;
        if (headerBytes != expectedHeaderBytes) {
            throw new IngestException(source, 184, "header size " + headerBytes + " does not match " + signalCount
                    + " signals (expected " + expectedHeaderBytes + " bytes)");
        }
        if (recordCount < -1) {
            throw new IngestException(source, 236, "number of data records must be -1 (unknown) or >= 0, found "
                    + recordCount);
        }
        if (!(recordDurationS >= 0) || Double.isInfinite(recordDurationS)) {
            throw new IngestException(source, 244, "duration of a data record must be >= 0 s, found " + recordDurationS);
        }
        LocalDateTime start = startTime(source, date, time, recording);

        Fields perSignal = new Fields(source, FIXED_BYTES,
                readFully(source, channel, FIXED_BYTES, BYTES_PER_SIGNAL * signalCount, "the signal headers"));
        List<EdfSignal> signals = new ArrayList<>(signalCount);
        int n = signalCount;
        for (int i = 0; i < n; i++) {
            String label = perSignal.text(16 * i, 16);
            String transducer = perSignal.text(16 * n + 80 * i, 80);
            String dimension = perSignal.text(96 * n + 8 * i, 8);
            double physMin = perSignal.decimal(104 * n + 8 * i, 8, "physical minimum of signal " + i);
            double physMax = perSignal.decimal(112 * n + 8 * i, 8, "physical maximum of signal " + i);
            int digMin = perSignal.integer(120 * n + 8 * i, 8, "digital minimum of signal " + i);
            int digMax = perSignal.integer(128 * n + 8 * i, 8, "digital maximum of signal " + i);
            String prefilter = perSignal.text(136 * n + 80 * i, 80);
            int samples = perSignal.integer(216 * n + 8 * i, 8, "number of samples per record of signal " + i);
            long fieldOffset = FIXED_BYTES + 120L * n + 8L * i;
            if (digMax <= digMin) {
                throw new IngestException(source, fieldOffset, "signal " + i + " '" + label + "': digital maximum "
                        + digMax + " must exceed digital minimum " + digMin);
            }
            if (physMax == physMin) {
                throw new IngestException(source, FIXED_BYTES + 104L * n + 8L * i, "signal " + i + " '" + label
                        + "': physical minimum and maximum are both " + physMin);
            }
            if (samples <= 0) {
                throw new IngestException(source, FIXED_BYTES + 216L * n + 8L * i, "signal " + i + " '" + label
                        + "': samples per record must be positive, found " + samples);
            }
            signals.add(new EdfSignal(i, label, transducer, dimension, physMin, physMax, digMin, digMax, prefilter,
                    samples));
        }
        return new EdfHeader(variant, patient, recording, start, headerBytes, recordCount, recordDurationS, signals);
    }

    private static EdfVariant variant(String source, boolean bdf, String reserved) throws IngestException {
        String kind = reserved.length() >= 5 ? reserved.substring(0, 5) : reserved;
        if (bdf) {
            switch (kind) {
                case "BDF+C":
                    return EdfVariant.BDF_PLUS_CONTINUOUS;
                case "BDF+D":
                    return EdfVariant.BDF_PLUS_DISCONTINUOUS;
                default:
                    return EdfVariant.BDF;
            }
        }
        switch (kind) {
            case "EDF+C":
                return EdfVariant.EDF_PLUS_CONTINUOUS;
            case "EDF+D":
                return EdfVariant.EDF_PLUS_DISCONTINUOUS;
            case "24BIT":
                throw new IngestException(source, 192, "reserved field says 24BIT but the version field is EDF's '0'; "
                        + "expected the BDF signature 0xFF 'BIOSEMI'");
            default:
                return EdfVariant.EDF;
        }
    }

    /**
     * The start date and time; years 85–99 are 1985–1999 and 00–84 are 2000–2084 (the EDF rule), unless an
     * EDF+ recording field {@code Startdate dd-MMM-yyyy} gives the four-digit year.
     */
    private static LocalDateTime startTime(String source, String date, String time, String recording)
            throws IngestException {
        try {
            String[] d = date.split("\\.");
            String[] t = time.split("\\.");
            if (d.length != 3 || t.length != 3) {
                throw new IngestException(source, 168, "start date/time must read dd.mm.yy hh.mm.ss, found '" + date
                        + "' '" + time + "'");
            }
            int yy = Integer.parseInt(d[2].trim());
            int year = yy >= 85 ? 1900 + yy : 2000 + yy;
            String[] words = recording.split(" ");
            if (words.length >= 2 && words[0].equals("Startdate") && words[1].length() == 11) {
                int fullYear = Integer.parseInt(words[1].substring(7));
                if (fullYear % 100 == yy) {
                    year = fullYear;
                }
            }
            return LocalDateTime.of(year, Integer.parseInt(d[1].trim()), Integer.parseInt(d[0].trim()),
                    Integer.parseInt(t[0].trim()), Integer.parseInt(t[1].trim()), Integer.parseInt(t[2].trim()));
        } catch (NumberFormatException | DateTimeException e) {
            throw new IngestException(source, 168, "start date/time must read dd.mm.yy hh.mm.ss, found '" + date
                    + "' '" + time + "'");
        }
    }

    static ByteBuffer readFully(String source, ReadableByteChannel channel, long offset, int length, String what)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IngestException(source, offset + buffer.position(), "file ends inside " + what + " ("
                        + length + " bytes expected, " + buffer.position() + " present)");
            }
        }
        return buffer.flip();
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }

    /** Blank-padded ASCII fields of one header block. */
    private static final class Fields {
        final String source;
        final long base;
        final ByteBuffer bytes;

        Fields(String source, long base, ByteBuffer bytes) {
            this.source = source;
            this.base = base;
            this.bytes = bytes;
        }

        String text(int at, int length) {
            byte[] b = new byte[length];
            bytes.get(at, b);
            return new String(b, StandardCharsets.US_ASCII).trim();
        }

        int integer(int at, int length, String field) throws IngestException {
            String s = text(at, length);
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IngestException(source, base + at, "field '" + field + "' should be an integer, found '"
                        + printable(s) + "'");
            }
        }

        double decimal(int at, int length, String field) throws IngestException {
            String s = text(at, length);
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IngestException(source, base + at, "field '" + field + "' should be a number, found '"
                        + printable(s) + "'");
            }
        }
    }
}
