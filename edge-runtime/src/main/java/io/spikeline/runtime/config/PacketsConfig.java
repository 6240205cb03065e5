package io.spikeline.runtime.config;

import io.spikeline.models.encode.ByteCode;
import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.packets.PacketSources;
import io.spikeline.runtime.packets.PacketsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code packets} application's YAML configuration (example: {@code edge-runtime/examples/packets.yaml}). Every
 * key is optional and defaults to {@link PacketsSettings#defaults()}; every problem is reported with the file and line.
 *
 * <pre>
 * app: packets
 * source:  {kind: simulator, seed, seconds, realtime, url, captures}   # url or captures: instead of the simulator
 * sink:    {decodings, deadLetters}                                  # URLs
 * encoder: {bytes, code: nibbles | one-hot | bits, steps}
 * network: {hidden}
 * report:  {dir}
 * </pre>
 *
 * {@code source.url}, {@code sink.decodings} and {@code sink.deadLetters} are {@code spikeline run}'s
 * {@code --source}, {@code --sink} and {@code --dead-letters}, and {@code source.captures} its {@code --input} (a
 * pcap/pcapng file or a folder of them, relative to the working directory), which override them.
 *
 * @param settings the run
 * @param reportDir where the report goes
 * @param endpoints where the streams come from and go to (the packets carry their own labels)
 */
public record PacketsConfig(PacketsSettings settings, Path reportDir, JobEndpoints endpoints) {
    private static final Map<String, List<String>> KNOWN = known();
    private static final List<String> URL_KEYS = List.of("source.url", "sink.decodings", "sink.deadLetters");

    private static Map<String, List<String>> known() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("", List.of("app"));
        k.put("source", List.of("kind", "seed", "seconds", "realtime", "url", "captures"));
        k.put("sink", List.of("decodings", "deadLetters"));
        k.put("encoder", List.of("bytes", "code", "steps"));
        k.put("network", List.of("hidden"));
        k.put("report", List.of("dir"));
        return k;
    }

    /** The built-in simulator's defaults, the report in {@link Sections#DEFAULT_REPORT_DIR}. */
    public static PacketsConfig defaults() {
        return new PacketsConfig(PacketsSettings.defaults(), Path.of(Sections.DEFAULT_REPORT_DIR), JobEndpoints.NONE);
    }

    /** Reads and validates {@code file}. */
    public static PacketsConfig read(Path file) throws IOException {
        ConfigFile c = ConfigFile.read(file);
        c.requireApp("packets");
        Sections.requireSimulator(c);
        if (c.has("source.captures")) {
            for (String simulated : new String[] {"source.url", "source.kind", "source.seconds", "source.seed"}) {
                if (c.has(simulated)) {
                    throw c.problem(c.line(simulated), simulated + " does not apply with source.captures: the "
                            + "whole capture is classified");
                }
            }
        }
        PacketsSettings s = PacketsSettings.defaults();
        s = Sections.apply(c, "source.seed", s, c.longInteger("source.seed", s.seed()), PacketsSettings::withSeed);
        s = Sections.apply(c, "source.seconds", s, c.number("source.seconds", s.seconds()),
                PacketsSettings::withSeconds);
        s = Sections.apply(c, "source.realtime", s, c.bool("source.realtime", s.realTime()),
                PacketsSettings::withRealTime);
        int bytes = c.integer("encoder.bytes", s.byteCount());
        ByteCode code = c.value("encoder.code", "nibbles, one-hot or bits", s.code(),
                t -> ByteCode.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_')));
        int steps = c.integer("encoder.steps", s.steps());
        int hidden = c.integer("network.hidden", s.hidden());
        String encoderKey = c.has("encoder.bytes") ? "encoder.bytes" : c.has("encoder.code") ? "encoder.code"
                : "encoder.steps";
        s = Sections.apply(c, encoderKey, s, code, (p, k) -> new PacketsSettings(p.seconds(), p.seed(), p.realTime(),
                p.captures(), bytes, k, steps, p.hidden()));
        s = Sections.apply(c, "network.hidden", s, hidden, (p, h) -> new PacketsSettings(p.seconds(), p.seed(),
                p.realTime(), p.captures(), p.byteCount(), p.code(), p.steps(), h));
        String captures = c.text("source.captures", null);
        if (captures != null) {
            s = Sections.apply(c, "source.captures", s, Path.of(captures), (p, path) -> {
                try {
                    return p.withCaptures(PacketSources.captures(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        JobEndpoints endpoints = Sections.endpoints(c, URL_KEYS, u -> JobEndpoints.selfLabelled(u[0], u[1], u[2]));
        Path reportDir = Sections.reportDir(c);
        c.requireAllUsed(KNOWN);
        return new PacketsConfig(s, reportDir, endpoints);
    }
}
