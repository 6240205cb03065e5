package io.spikeline.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spikeline.ingest.RecordReader;
import io.spikeline.ingest.edf.EdfAnnotation;
import io.spikeline.ingest.edf.EdfReader;
import io.spikeline.ingest.pcap.PcapReader;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.runtime.endpoint.Recordings;
import java.io.IOException;
import java.io.PrintWriter;
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
            "Formats: " + Recordings.FORMATS})
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        try (RecordReader<?> reader = Recordings.open(file, out)) {
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
