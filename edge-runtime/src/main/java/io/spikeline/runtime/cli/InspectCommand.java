package io.spikeline.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.edf.EdfAnnotation;
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
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spikeline inspect <file>}: what a recording holds, read the way a pipeline would read it. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the header, channels, rates, duration, record counts and first records of a recording.",
            "Formats: EDF/EDF+/BDF; pcap/pcapng; AEDAT 2/3.1/4, Prophesee EVT 2/3 (.raw) and DAT, N-MNIST (.bin, .bs2); "
                + "Open Ephys legacy (a folder of .continuous files) and binary (structure.oebin); SpikeGLX (.bin with "
                + ".meta); spike-and-behaviour tables (.csv with unit_ columns)."})
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The recording (a file, or a folder for Open Ephys legacy).")
    Path file;

    @Option(names = "--records", defaultValue = "3", description = "How many first records to show (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no such file or folder: " + file);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        try (RecordReader<?> reader = open(out)) {
            summarise(reader, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else {
            printText(w, out);
        }
        w.flush();
        return 0;
    }

    /** Opens the reader the file's name and first bytes call for, and records the header facts. */
    private RecordReader<?> open(Map<String, Object> out) throws IOException {
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
            return edf(out);
        }
        if (name.endsWith(".pcap") || name.endsWith(".pcapng") || name.endsWith(".cap")) {
            PcapReader r = PcapReader.open(file);
            out.put("format", r.isPcapng() ? "pcapng" : "pcap");
            return r;
        }
        String head = firstLine();
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
            String all = headerText();
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

    private RecordReader<?> openEphysBinary(Path oebin, Map<String, Object> out) throws IOException {
        OpenEphysBinaryReader r = OpenEphysBinaryReader.open(oebin, ProbeOptions.defaults());
        out.put("format", "Open Ephys binary");
        out.put("channels", r.channelCount());
        out.put("sampleRateHz", r.sampleRateHz());
        return r;
    }

    private RecordReader<?> edf(Map<String, Object> out) throws IOException {
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

    private RecordReader<?> events(String format, EventFileReader r, Map<String, Object> out) {
        out.put("format", format);
        out.put("sensor", r.width() + "x" + r.height());
        return r;
    }

    private String firstLine() throws IOException {
        byte[] head = new byte[64];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            String text = new String(head, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\n');
            return end >= 0 ? text.substring(0, end) : text;
        }
    }

    private String headerText() throws IOException {
        byte[] head = new byte[4096];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return new String(head, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads the whole recording, counting what it holds and keeping the first records' descriptions. */
    private void summarise(RecordReader<?> reader, Map<String, Object> out) throws IOException {
        long count = 0;
        long items = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Set<FlowKey> flows = new HashSet<>();
        List<String> shown = new ArrayList<>();
        String itemName = "records";
        int annotations = 0;
        for (Object r; (r = reader.read()) != null; count++) {
            long start;
            long end;
            if (r instanceof SampleFrame f) {
                itemName = "samples per channel";
                items += f.sampleCount();
                start = f.firstSampleTimeUs();
                end = f.endTimeUs();
            } else if (r instanceof EventBatch b) {
                itemName = "events";
                items += b.size();
                if (b.size() == 0) {
                    continue;
                }
                start = b.timestampsUs()[0];
                end = b.timestampsUs()[b.size() - 1];
            } else if (r instanceof SpikeBatch b) {
                itemName = "spikes";
                items += b.spikeCount();
                start = b.startTimeUs();
                end = b.endTimeUs();
            } else if (r instanceof PacketRecord p) {
                itemName = "packets";
                items++;
                flows.add(p.flow());
                start = p.captureTimeUs();
                end = start;
            } else {
                throw new IllegalStateException("no summary for " + r.getClass().getName());
            }
            first = Math.min(first, start);
            last = Math.max(last, end);
            if (shown.size() < records) {
                shown.add(r.toString());
            }
            if (reader instanceof EdfReader edf) {
                List<EdfAnnotation> polled = edf.pollAnnotations();
                annotations += polled.size();
            }
        }
        out.put("records", count);
        out.put(itemName.replace(' ', '_'), items);
        if (!flows.isEmpty()) {
            out.put("flows", flows.size());
        }
        if (reader instanceof EdfReader) {
            out.put("annotations", annotations);
        }
        if (reader instanceof PcapReader pcap) {
            out.put("nonIpFramesSkipped", pcap.stats().nonIpSkipped());
            out.put("timestampAnomalies", pcap.timestampAnomalies().size());
        }
        if (count > 0 && first != Long.MAX_VALUE) {
            out.put("firstTimeUs", first);
            out.put("lastTimeUs", last);
            out.put("durationS", (last - first) / 1e6);
        }
        out.put("firstRecords", shown);
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter w, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : out.entrySet()) {
            if (e.getKey().equals("signals")) {
                List<Map<String, Object>> signals = (List<Map<String, Object>>) e.getValue();
                w.printf(Locale.ROOT, "signals (%d):%n", signals.size());
                for (Map<String, Object> s : signals) {
                    double[] range = (double[]) s.get("physicalRange");
                    w.printf(Locale.ROOT, "  %-16s %8.6g Hz  %-6s [%g, %g]  %s%n", s.get("label"), (Double) s.get("rateHz"),
                            s.get("unit"), range[0], range[1], s.get("prefiltering"));
                }
            } else if (e.getKey().equals("firstRecords")) {
                w.println("first records:");
                for (String r : (List<String>) e.getValue()) {
                    w.println("  " + r);
                }
            } else {
                w.printf(Locale.ROOT, "%s: %s%n", e.getKey(), e.getValue());
            }
        }
    }
}
