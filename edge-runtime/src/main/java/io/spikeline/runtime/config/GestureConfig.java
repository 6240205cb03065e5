package io.spikeline.runtime.config;

import io.spikeline.runtime.endpoint.JobEndpoints;
import io.spikeline.runtime.gesture.GestureSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code gesture} application's YAML configuration (example: {@code edge-runtime/examples/gesture.yaml}). Every
 * key is optional and defaults to {@link GestureSettings#defaults()}; every problem is reported with the file and line.
 *
 * <pre>
 * app: gesture
 * source:   {kind: simulator, seed, seconds, realtime, url, feedback}   # url, feedback: instead of the simulator
 * sink:     {decodings, deadLetters}                                  # URLs
 * decision: {confidence}
 * labels:   {waitSeconds}
 * report:   {dir}
 * </pre>
 *
 * The URLs are those of {@code spikeline run}'s {@code --source}, {@code --feedback}, {@code --sink} and
 * {@code --dead-letters}, which override them.
 *
 * @param settings the run
 * @param reportDir where the report goes
 * @param endpoints where the streams come from and go to
 */
public record GestureConfig(GestureSettings settings, Path reportDir, JobEndpoints endpoints) {
    private static final Map<String, List<String>> KNOWN = known();
    private static final List<String> URL_KEYS =
            List.of("source.url", "source.feedback", "sink.decodings", "sink.deadLetters");

    private static Map<String, List<String>> known() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("", List.of("app"));
        k.put("source", List.of("kind", "seed", "seconds", "realtime", "url", "feedback"));
        k.put("sink", List.of("decodings", "deadLetters"));
        k.put("decision", List.of("confidence"));
        k.put("labels", List.of("waitSeconds"));
        k.put("report", List.of("dir"));
        return k;
    }

    /** The built-in simulator's defaults, the report in {@link Sections#DEFAULT_REPORT_DIR}. */
    public static GestureConfig defaults() {
        return new GestureConfig(GestureSettings.defaults(), Path.of(Sections.DEFAULT_REPORT_DIR), JobEndpoints.NONE);
    }

    /** Reads and validates {@code file}. */
    public static GestureConfig read(Path file) throws IOException {
        ConfigFile c = ConfigFile.read(file);
        c.requireApp("gesture");
        Sections.requireSimulator(c);
        GestureSettings s = GestureSettings.defaults();
        s = Sections.apply(c, "source.seed", s, c.longInteger("source.seed", s.seed()), GestureSettings::withSeed);
        s = Sections.apply(c, "source.seconds", s, c.number("source.seconds", s.seconds()),
                GestureSettings::withSeconds);
        s = Sections.apply(c, "source.realtime", s, c.bool("source.realtime", s.realTime()),
                GestureSettings::withRealTime);
        s = Sections.apply(c, "decision.confidence", s, c.number("decision.confidence", s.confidenceThreshold()),
                GestureSettings::withConfidenceThreshold);
        s = Sections.apply(c, "labels.waitSeconds", s, c.number("labels.waitSeconds", s.labelWaitSeconds()),
                GestureSettings::withLabelWaitSeconds);
        JobEndpoints endpoints = Sections.endpoints(c, URL_KEYS, u -> JobEndpoints.parse(u[0], u[1], u[2], u[3], null));
        Path reportDir = Sections.reportDir(c);
        c.requireAllUsed(KNOWN);
        return new GestureConfig(s, reportDir, endpoints);
    }
}
