package io.spikeline.runtime.config;

import io.spikeline.operators.signal.EncoderSpec;
import io.spikeline.runtime.bmi.BmiSettings;
import io.spikeline.runtime.endpoint.JobEndpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public static final String DEFAULT_REPORT_DIR = Sections.DEFAULT_REPORT_DIR;

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
        k.put("feedback", List.of("waitSeconds"));
        k.put("report", List.of("dir"));
        return k;
    }

    /** Reads and validates {@code file}. */
    public static BmiConfig read(Path file) throws IOException {
        ConfigFile c = ConfigFile.read(file);
        c.requireApp("bmi");
        Sections.requireSimulator(c);
        BmiSettings s = BmiSettings.defaults();
        BmiSettings.Input input = c.value("source.input", "broadband or spike-counts", s.input(), BmiConfig::input);
        s = Sections.apply(c, "source.input", s, input, BmiSettings::withInput);
        s = Sections.apply(c, "source.channels", s, c.integer("source.channels", s.channels()), BmiSettings::withChannels);
        s = Sections.apply(c, "source.seed", s, c.longInteger("source.seed", s.seed()), BmiSettings::withSeed);
        s = Sections.apply(c, "source.seconds", s, c.number("source.seconds", s.seconds()), BmiSettings::withSeconds);
        s = Sections.apply(c, "source.realtime", s, c.bool("source.realtime", s.realTime()), BmiSettings::withRealTime);
        s = Sections.apply(c, "learning.stopAfterSeconds", s, c.number("learning.stopAfterSeconds", s.learnSeconds()),
                BmiSettings::withLearnSeconds);
        s = Sections.apply(c, "feedback.waitSeconds", s, c.number("feedback.waitSeconds", s.feedbackWaitSeconds()),
                BmiSettings::withFeedbackWaitSeconds);
        String filterKey = Sections.filterKey(c, "filter");
        s = Sections.apply(c, filterKey, s, Sections.filter(c, "filter", s.bandPass()), BmiSettings::withBandPass);
        EncoderSpec.ThresholdCrossing d = s.detection();
        double sigma = c.number("detection.thresholdSigma", d.thresholdMultiple());
        int window = c.integer("detection.noiseWindowSamples", d.noiseWindowSamples());
        int refractory = c.integer("detection.refractorySamples", d.refractorySamples());
        int stride = c.integer("detection.noiseStrideSamples", d.noiseStrideSamples());
        EncoderSpec.ThresholdCrossing detection = c.check("detection",
                () -> new EncoderSpec.ThresholdCrossing(sigma, window, refractory, stride));
        s = s.withDetection(detection);
        Path reportDir = Sections.reportDir(c);
        JobEndpoints endpoints = Sections.endpoints(c, URL_KEYS, u -> JobEndpoints.parse(u[0], u[1], u[2], u[3], u[4]));
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
}
