package io.spikeline.runtime.config;

import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.runtime.bmi.BmiSettings;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.JobEndpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The {@code bmi} application's YAML configuration (example: {@code edge-runtime/examples/bmi.yaml}). Every key is
 * optional and defaults to {@link BmiSettings#defaults()}; every problem is reported with the file and line.
 *
 * <pre>
 * app: bmi
 * source:    {kind: simulator, input: broadband | spike-counts, channels, seed, seconds, realtime,
 *             url, feedback, control}                                 # url, feedback: instead of the simulator
 * sink:      {decodings, deadLetters}                                 # URLs
 * filter:    {order, bandHz: [low, high], norm: phase | delay | mag}     # broadband input only
 * detection: {thresholdSigma, noiseWindowSamples, refractorySamples, noiseStrideSamples}  # broadband input only
 * learning:  {stopAfterSeconds}
 * report:    {dir}
 * </pre>
 *
 * The URLs are those of {@code spikeline run}'s {@code --source}, {@code --feedback}, {@code --sink} and
 * {@code --dead-letters} (grammar: {@code io.spikeline.runtime.endpoint}), which override them.
 *
 * @param settings the run
 * @param reportDir where the report goes
 * @param endpoints where the streams come from and go to
 */
public record BmiConfig(BmiSettings settings, Path reportDir, JobEndpoints endpoints) {
    /** The report folder when the configuration names none. */
    public static final String DEFAULT_REPORT_DIR = "spikeline-report";

    private static final Map<String, List<String>> KNOWN = known();
    /** The keys of {@link JobEndpoints#parse}'s URLs, in its order. */
    private static final List<String> URL_KEYS =
            List.of("source.url", "source.feedback", "sink.decodings", "sink.deadLetters", "source.control");

    /** The built-in simulator's run, its report in {@code reportDir}. */
    public BmiConfig(BmiSettings settings, Path reportDir) {
        this(settings, reportDir, JobEndpoints.NONE);
    }

    private static Map<String, List<String>> known() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("", List.of("app"));
        k.put("source", List.of("kind", "input", "channels", "seed", "seconds", "realtime", "url", "feedback",
                "control"));
        k.put("sink", List.of("decodings", "deadLetters"));
        k.put("filter", List.of("order", "bandHz", "norm"));
        k.put("detection", List.of("thresholdSigma", "noiseWindowSamples", "refractorySamples", "noiseStrideSamples"));
        k.put("learning", List.of("stopAfterSeconds"));
        k.put("report", List.of("dir"));
        return k;
    }

    /** Reads and validates {@code file}. */
    public static BmiConfig read(Path file) throws IOException {
        ConfigFile c = ConfigFile.read(file);
        String app = c.text("app", null);
        if (app == null) {
            throw c.problem(1, "app is missing; this configuration must say 'app: bmi'");
        }
        if (!app.equals("bmi")) {
            throw c.problem(c.line("app"), "app '" + app + "' has no configuration yet; available: bmi");
        }
        if (c.has("source.kind") && c.has("source.url")) {
            throw c.problem(c.line("source.url"), "source.url replaces the simulator: give it without source.kind");
        }
        String kind = c.text("source.kind", "simulator");
        if (!kind.equals("simulator")) {
            throw c.problem(c.line("source.kind"), "source.kind '" + kind + "' is not available yet; available: simulator");
        }
        BmiSettings s = BmiSettings.defaults();
        BmiSettings.Input input = c.value("source.input", "broadband or spike-counts", s.input(), BmiConfig::input);
        s = apply(c, "source.input", s, input, BmiSettings::withInput);
        s = apply(c, "source.channels", s, c.integer("source.channels", s.channels()), BmiSettings::withChannels);
        s = apply(c, "source.seed", s, c.longInteger("source.seed", s.seed()), BmiSettings::withSeed);
        s = apply(c, "source.seconds", s, c.number("source.seconds", s.seconds()), BmiSettings::withSeconds);
        s = apply(c, "source.realtime", s, c.bool("source.realtime", s.realTime()), BmiSettings::withRealTime);
        s = apply(c, "learning.stopAfterSeconds", s, c.number("learning.stopAfterSeconds", s.learnSeconds()),
                BmiSettings::withLearnSeconds);
        FilterSpec f = s.bandPass();
        int order = c.integer("filter.order", f.order());
        double[] band = c.numbers("filter.bandHz", f.edgesHz());
        BesselNorm norm = c.value("filter.norm", "phase, delay or mag", f.norm(),
                t -> BesselNorm.valueOf(t.toUpperCase(Locale.ROOT)));
        String filterKey = c.has("filter.bandHz") ? "filter.bandHz" : "filter.order";
        FilterSpec bandPass = check(c, filterKey, () -> FilterSpec.causal(BandType.BANDPASS, order, band, norm));
        s = apply(c, filterKey, s, bandPass, BmiSettings::withBandPass);
        EncoderSpec.ThresholdCrossing d = s.detection();
        double sigma = c.number("detection.thresholdSigma", d.thresholdMultiple());
        int window = c.integer("detection.noiseWindowSamples", d.noiseWindowSamples());
        int refractory = c.integer("detection.refractorySamples", d.refractorySamples());
        int stride = c.integer("detection.noiseStrideSamples", d.noiseStrideSamples());
        EncoderSpec.ThresholdCrossing detection = check(c, "detection",
                () -> new EncoderSpec.ThresholdCrossing(sigma, window, refractory, stride));
        s = s.withDetection(detection);
        Path reportDir = Path.of(c.text("report.dir", DEFAULT_REPORT_DIR));
        String[] urls = new String[URL_KEYS.size()];
        String lastUrlKey = URL_KEYS.get(0);
        for (int i = 0; i < urls.length; i++) {
            String key = URL_KEYS.get(i);
            String url = c.text(key, null);
            if (url != null) {
                check(c, key, () -> Endpoint.parse(url));
                urls[i] = url;
                lastUrlKey = key;
            }
        }
        // A missing counterpart (feedback for a source, ...) is reported at the last URL given.
        JobEndpoints endpoints = check(c, lastUrlKey, () -> JobEndpoints.parse(urls[0], urls[1], urls[2], urls[3],
                urls[4]));
        c.requireAllUsed(KNOWN);
        return new BmiConfig(s, reportDir, endpoints);
    }

    private static BmiSettings.Input input(String text) {
        return switch (text) {
            case "broadband" -> BmiSettings.Input.BROADBAND;
            case "spike-counts" -> BmiSettings.Input.SPIKE_COUNTS;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** Applies {@code value} to {@code settings}; a refusal is reported at {@code key}'s line. */
    private static <T> BmiSettings apply(ConfigFile c, String key, BmiSettings settings, T value,
                                         BiFunction<BmiSettings, T, BmiSettings> with) {
        return check(c, key, () -> with.apply(settings, value));
    }

    /** Runs a constructor; a refusal is reported at {@code key}'s line with the constructor's message. */
    private static <T> T check(ConfigFile c, String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw c.problem(c.line(key), key + ": " + e.getMessage());
        }
    }
}
