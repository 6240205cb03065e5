package io.spikeline.runtime.endpoint;

import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.edf.EdfOptions;
import io.spikeline.ingest.edf.EdfReader;
import io.spikeline.ingest.edf.EdfSignal;
import io.spikeline.ingest.events.Aedat2Reader;
import io.spikeline.ingest.events.Aedat31Reader;
import io.spikeline.ingest.events.Aedat4Reader;
import io.spikeline.ingest.events.DatReader;
import io.spikeline.ingest.events.DvsSensor;
import io.spikeline.ingest.events.EventFileReader;
import io.spikeline.ingest.events.Evt2Reader;
import io.spikeline.ingest.events.Evt3Reader;
import io.spikeline.ingest.events.NmnistReader;
import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.ingest.probe.OpenEphysBinaryReader;
import io.spikeline.ingest.probe.OpenEphysLegacyReader;
import io.spikeline.ingest.probe.ProbeOptions;
import io.spikeline.ingest.probe.SpikeGlxReader;
import io.spikeline.ingest.probe.SpikeTableOptions;
import io.spikeline.ingest.probe.SpikeTableReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Opens a recording of any supported format by its name, the way {@code inspect} and {@code replay} read it. */
public final class Recordings {
    public static final String FORMATS = "EDF/EDF+/BDF; pcap/pcapng; AEDAT 2/3.1/4, Prophesee EVT 2/3 (.raw) and DAT, N-MNIST "
            + "(.bin, .bs2); Open Ephys legacy (a folder of .continuous files) and binary (structure.oebin); SpikeGLX "
            + "(.bin with .meta); spike-and-behaviour tables (.csv with unit_ columns).";

    private Recordings() {
    }

    /**
     * Opens the reader {@code file}'s name and first bytes call for, putting the header facts (format,
     * channels, rates, signals) into {@code out}.
     */
    public static RecordReader<?> open(Path file, Map<String, Object> out) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no such file or folder: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file)) {
            if (Files.exists(file.resolve("structure.oebin"))) {
                return openEphysBinary(file.resolve("structure.oebin"), out);
            }
            OpenEphysLegacyReader r = OpenEphysLegacyReader.open(file, ProbeOptions.defaults());
            out.put("format", "Open Ephys legacy (.continuous)");
            out.put("channels", r.files().size());
            out.put("sampleRateHz", r.sampleRateHz());
            return r;
        }
        if (name.equals("structure.oebin")) {
            return openEphysBinary(file, out);
        }
        if (name.endsWith(".edf") || name.endsWith(".bdf") || name.endsWith(".rec")) {
            return edf(file, out);
        }
        if (name.endsWith(".pcap") || name.endsWith(".pcapng") || name.endsWith(".cap")) {
            PcapReader r = PcapReader.open(file);
            out.put("format", r.isPcapng() ? "pcapng" : "pcap");
            return r;
        }
        String head = firstLine(file);
        if (name.endsWith(".aedat4")) {
            return events("AEDAT 4.0", Aedat4Reader.open(file), out);
        }
        if (name.endsWith(".aedat") || name.endsWith(".aedat2") || name.endsWith(".aedat3")) {
            if (head.startsWith("#!AER-DAT3")) {
                return events("AEDAT 3.1", Aedat31Reader.open(file), out);
            }
            if (head.startsWith("#!AER-DAT4")) {
                return events("AEDAT 4.0", Aedat4Reader.open(file), out);
            }
            return events("AEDAT 2.0 (DAVIS346 layout)", Aedat2Reader.open(file, DvsSensor.DAVIS346), out);
        }
        if (name.endsWith(".raw")) {
            String all = headerText(file);
            return all.contains("evt 3.0") || all.contains("EVT3") ? events("Prophesee EVT 3.0", Evt3Reader.open(file), out)
                    : events("Prophesee EVT 2.0", Evt2Reader.open(file), out);
        }
        if (name.endsWith(".dat")) {
            return events("Prophesee DAT", DatReader.open(file), out);
        }
        if (name.endsWith(".bin") && Files.exists(file.resolveSibling(name.substring(0, name.length() - 4) + ".meta"))) {
            SpikeGlxReader r = SpikeGlxReader.open(file, ProbeOptions.defaults());
            out.put("format", "SpikeGLX");
            out.put("channels", r.channels().size());
            out.put("sampleRateHz", r.sampleRateHz());
            return r;
        }
        if (name.endsWith(".bin") || name.endsWith(".bs2")) {
            return events("N-MNIST / N-Caltech binary", NmnistReader.open(file), out);
        }
        if (name.endsWith(".csv") && head.contains("unit_")) {
            SpikeTableReader r = SpikeTableReader.open(file, SpikeTableOptions.defaults());
            out.put("format", "spike and behaviour table");
            out.put("units", r.unitColumns().size());
            return r;
        }
        throw new IllegalArgumentException("cannot tell the format of " + file + " from its name; supported: .edf .bdf "
                + ".pcap .pcapng .aedat .aedat4 .raw .dat .bin .bs2 structure.oebin, a folder of .continuous files, "
                + "and spike tables (.csv with unit_ columns)");
    }

    private static RecordReader<?> openEphysBinary(Path oebin, Map<String, Object> out) throws IOException {
        OpenEphysBinaryReader r = OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults());
        out.put("format", "Open Ephys binary");
        out.put("channels", r.channelCount());
        out.put("sampleRateHz", r.sampleRateHz());
        return r;
    }

    private static RecordReader<?> edf(Path file, Map<String, Object> out) throws IOException {
        EdfReader r = EdfReader.open(file, EdfOptions.defaults());
        out.put("format", r.header().variant().name());
        out.put("start", r.header().start().toString());
        out.put("dataRecords", r.header().recordCount());
        out.put("recordDurationS", r.header().recordDurationS());
        out.put("sampleRateHz", r.sampleRateHz());
        List<Map<String, Object>> signals = new ArrayList<>();
        for (EdfSignal s : r.header().signals()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.label());
            m.put("rateHz", s.sampleRateHz(r.header().recordDurationS()));
            m.put("unit", s.physicalDimension());
            m.put("physicalRange", new double[] {s.physicalMin(), s.physicalMax()});
            m.put("prefiltering", s.prefiltering());
            signals.add(m);
        }
        out.put("signals", signals);
        return r;
    }

    private static RecordReader<?> events(String format, EventFileReader r, Map<String, Object> out) {
        out.put("format", format);
        out.put("sensor", r.width() + "x" + r.height());
        return r;
    }

    private static String firstLine(Path file) throws IOException {
        // Long enough for a spike table's header, whose unit_ columns follow the behaviour columns.
        byte[] head = new byte[65536];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            String text = new String(head, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\n');
            return end >= 0 ? text.substring(0, end) : text;
        }
    }

    private static String headerText(Path file) throws IOException {
        byte[] head = new byte[4096];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return new String(head, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
        }
    }
}
