package io.spikeline.runtime.config;

import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.operators.signal.FilterSpec;
import io.spikeline.runtime.endpoint.Endpoint;
import io.spikeline.runtime.endpoint.JobEndpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The sections the applications' configurations share: the source's kind, a filter, the endpoint URLs, the report. */
final class Sections {
    /** The report folder when the configuration names none. */
    static final String DEFAULT_REPORT_DIR = "spikeline-report";

    private Sections() {}

    /** Applies {@code value} to {@code settings}; a refusal is reported at {@code key}'s line. */
    static <S, T> S apply(ConfigFile c, String key, S settings, T value, BiFunction<S, T, S> with) {
        return c.check(key, () -> with.apply(settings, value));
    }

    /** Checks {@code source.kind}: the built-in simulator, which {@code source.url} replaces. */
    static void requireSimulator(ConfigFile c) {
        if (c.has("source.kind") && c.has("source.url")) {
            throw c.problem(c.line("source.url"), "source.url replaces the simulator: give it without source.kind");
        }
        String kind = c.text("source.kind", "simulator");
        if (!kind.equals("simulator")) {
            throw c.problem(c.line("source.kind"), "source.kind '" + kind + "' is not available yet; available: simulator");
        }
    }

    /** The key a problem of filter {@code section} as a whole is reported at. */
    static String filterKey(ConfigFile c, String section) {
        return c.has(section + ".bandHz") ? section + ".bandHz" : section + ".order";
    }

    /** Filter {@code section} ({@code order}, {@code bandHz}, {@code norm}), each key defaulting to {@code fallback}'s. */
    static FilterSpec filter(ConfigFile c, String section, FilterSpec fallback) {
        int order = c.integer(section + ".order", fallback.order());
        double[] band = c.numbers(section + ".bandHz", fallback.edgesHz());
        BesselNorm norm = c.value(section + ".norm", "phase, delay or mag", fallback.norm(),
                t -> BesselNorm.valueOf(t.toUpperCase(Locale.ROOT)));
        return c.check(filterKey(c, section), () -> FilterSpec.causal(fallback.band(), order, band, norm));
    }

    /**
     * The endpoints named by the URL {@code keys} ({@code null} for a key not given), each URL checked at its line
     * and the whole built by {@code build}, whose refusal (a missing counterpart, ...) is reported at the last URL.
     */
    static JobEndpoints endpoints(ConfigFile c, List<String> keys, Function<String[], JobEndpoints> build) {
        String[] urls = new String[keys.size()];
        String lastUrlKey = keys.get(0);
        for (int i = 0; i < urls.length; i++) {
            String key = keys.get(i);
            String url = c.text(key, null);
            if (url != null) {
                c.check(key, () -> Endpoint.parse(url));
                urls[i] = url;
                lastUrlKey = key;
            }
        }
        return c.check(lastUrlKey, () -> build.apply(urls));
    }

    /** {@code report.dir}. */
    static Path reportDir(ConfigFile c) {
        return Path.of(c.text("report.dir", DEFAULT_REPORT_DIR));
    }
}
