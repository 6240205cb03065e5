package io.spikeline.runtime.config;

import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.runtime.eeg.EegSettings;
import io.spikeline.runtime.endpoint.JobEndpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code eeg} application's YAML configuration (example: {@code edge-runtime/examples/eeg.yaml}). Every key is
 * optional and defaults to {@link EegSettings#defaults()}; every problem is reported with the file and line.
 *
 * <pre>
 * app: eeg
 * source:   {kind: simulator, seed, seconds, realtime, url, feedback, control}   # url, feedback: instead of the simulator
 * sink:     {decodings, deadLetters}                                           # URLs
 * bandPass: {order, bandHz: [low, high], norm: phase | delay | mag}
 * notch:    {order, bandHz: [low, high], norm: phase | delay | mag}
 * encoder:  {kind: delta | sigma-delta, step}
 * report:   {dir}
 * </pre>
 *
 * The URLs are those of {@code spikeline run}'s {@code --source}, {@code --feedback}, {@code --control},
 * {@code --sink} and {@code --dead-letters}, which override them.
 *
 * @param settings the run
 * @param reportDir where the report goes
 * @param endpoints where the streams come from and go to
 */
public record EegConfig(EegSettings settings, Path reportDir, JobEndpoints endpoints) {
    private static final Map<String, List<String>> KNOWN = known();
    /** The keys of {@link JobEndpoints#parse}'s URLs, in its order. */
    private static final List<String> URL_KEYS =
            List.of("source.url", "source.feedback", "sink.decodings", "sink.deadLetters", "source.control");

    private static Map<String, List<String>> known() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("", List.of("app"));
        k.put("source", List.of("kind", "seed", "seconds", "realtime", "url", "feedback", "control"));
        k.put("sink", List.of("decodings", "deadLetters"));
        k.put("bandPass", List.of("order", "bandHz", "norm"));
        k.put("notch", List.of("order", "bandHz", "norm"));
        k.put("encoder", List.of("kind", "step"));
        k.put("report", List.of("dir"));
        return k;
    }

    /** The built-in simulator's defaults, the report in {@link Sections#DEFAULT_REPORT_DIR}. */
    public static EegConfig defaults() {
        return new EegConfig(EegSettings.defaults(), Path.of(Sections.DEFAULT_REPORT_DIR), JobEndpoints.NONE);
    }

    /** Reads and validates {@code file}. */
    public static EegConfig read(Path file) throws IOException {
        ConfigFile c = ConfigFile.read(file);
        c.requireApp("eeg");
        Sections.requireSimulator(c);
        EegSettings s = EegSettings.defaults();
        s = Sections.apply(c, "source.seed", s, c.longInteger("source.seed", s.seed()), EegSettings::withSeed);
        s = Sections.apply(c, "source.seconds", s, c.number("source.seconds", s.seconds()), EegSettings::withSeconds);
        s = Sections.apply(c, "source.realtime", s, c.bool("source.realtime", s.realTime()), EegSettings::withRealTime);
        FilterSpec bandPass = Sections.filter(c, "bandPass", s.bandPass());
        FilterSpec notch = Sections.filter(c, "notch", s.notch());
        EegSettings before = s;
        // The settings design both filters for the recording's rate: an impossible band fails at its line.
        s = c.check(Sections.filterKey(c, "bandPass"), () -> new EegSettings(before.seconds(), before.seed(),
                before.realTime(), bandPass, before.notch(), before.encoder()));
        s = Sections.apply(c, Sections.filterKey(c, "notch"), s, notch, (e, n) -> new EegSettings(e.seconds(),
                e.seed(), e.realTime(), e.bandPass(), n, e.encoder()));
        s = Sections.apply(c, "encoder", s, encoder(c, s.encoder()), EegSettings::withEncoder);
        JobEndpoints endpoints = Sections.endpoints(c, URL_KEYS, u -> JobEndpoints.parse(u[0], u[1], u[2], u[3], u[4]));
        Path reportDir = Sections.reportDir(c);
        c.requireAllUsed(KNOWN);
        return new EegConfig(s, reportDir, endpoints);
    }

    /** {@code encoder.kind} and {@code encoder.step}: the delta's step or the sigma-delta's threshold, µV. */
    private static EncoderSpec encoder(ConfigFile c, EncoderSpec fallback) {
        boolean sigmaDelta = c.value("encoder.kind", "delta or sigma-delta", fallback instanceof EncoderSpec.SigmaDelta,
                t -> switch (t) {
                    case "delta" -> false;
                    case "sigma-delta" -> true;
                    default -> throw new IllegalArgumentException(t);
                });
        double fallbackStep = fallback instanceof EncoderSpec.SigmaDelta sd ? sd.threshold()
                : ((EncoderSpec.Delta) fallback).delta();
        double step = c.number("encoder.step", fallbackStep);
        String key = c.has("encoder.step") ? "encoder.step" : "encoder.kind";
        return c.check(key, () -> sigmaDelta ? new EncoderSpec.SigmaDelta(step) : new EncoderSpec.Delta(step));
    }
}
