package io.spikeline.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A YAML pipeline configuration read as sections of keys, each remembering its line, so that every problem can be
 * reported where it is. The shape is two levels: top-level scalars ({@code app: bmi}) and sections of scalars or
 * lists of scalars. Reading a key marks it used; {@link #requireAllUsed} then names any key nobody asked for (a typo
 * must not be silently ignored).
 */
public final class ConfigFile {
    /** A value (or list of values) of the file, with the line it is on. */
    private record Entry(List<String> values, boolean list, int line) {}

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Integer> sections = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    private ConfigFile(Path file) {
        this.file = file;
    }

    /** Reads {@code file}; a YAML error or a shape other than sections of scalars fails with its line. */
    public static ConfigFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such configuration file: " + file);
        }
        ConfigFile config = new ConfigFile(file);
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw config.problem(line(p), "the configuration must be a mapping of sections (key: value)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = line(p);
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    config.section(name, line);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = name + "." + p.currentName();
                        int keyLine = line(p);
                        config.put(key, config.value(p, p.nextToken(), key), keyLine);
                    }
                } else {
                    config.put(name, config.value(p, value, name), line);
                }
            }
        } catch (JsonProcessingException e) {
            throw config.problem(e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "not valid YAML: " + e.getOriginalMessage());
        }
        return config;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private void section(String name, int line) {
        if (sections.put(name, line) != null || entries.containsKey(name)) {
            throw problem(line, "section '" + name + "' appears twice");
        }
    }

    private void put(String key, Entry entry, int line) {
        if (entries.containsKey(key) || sections.containsKey(key)) {
            throw problem(line, "key '" + key + "' appears twice");
        }
        entries.put(key, new Entry(entry.values(), entry.list(), line));
    }

    private Entry value(JsonParser p, JsonToken token, String key) throws IOException {
        int line = line(p);
        if (token == JsonToken.START_ARRAY) {
            List<String> values = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (!t.isScalarValue()) {
                    throw problem(line(p), key + " must be a list of plain values");
                }
                values.add(p.getText());
            }
            return new Entry(values, true, line);
        }
        if (!token.isScalarValue()) {
            throw problem(line, key + " must be a plain value or a list of plain values, not a nested section");
        }
        return new Entry(List.of(p.getText()), false, line);
    }

    /** The applications that have a configuration, as their {@code app:} key names them. */
    public static final List<String> APPS = List.of("bmi", "eeg", "gesture", "packets");

    /** The application the file's {@code app:} key names; a missing or unknown one fails with its line. */
    public String app() {
        String app = text("app", null);
        if (app == null) {
            throw problem(1, "app is missing; say which application this configures: app: "
                    + String.join(" | ", APPS));
        }
        if (!APPS.contains(app)) {
            throw problem(line("app"), "app '" + app + "' has no configuration; available: " + String.join(", ", APPS));
        }
        return app;
    }

    /** Fails unless the file's {@code app:} key names {@code app}. */
    public void requireApp(String app) {
        if (text("app", null) == null) {
            throw problem(1, "app is missing; this configuration must say 'app: " + app + "'");
        }
        String named = app();
        if (!named.equals(app)) {
            throw problem(line("app"), "app '" + named + "' is not a " + app + " configuration");
        }
    }

    /** Runs a constructor; a refusal is reported at {@code key}'s line with the constructor's message. */
    public <T> T check(String key, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw problem(line(key), key + ": " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** A problem on {@code line} of this file. */
    public ConfigException problem(int line, String problem) {
        return new ConfigException(file, line, problem);
    }

    /** The line of {@code key} (or of its section when the key is absent; 1 when neither is there). */
    public int line(String key) {
        Entry e = entries.get(key);
        if (e != null) {
            return e.line();
        }
        int dot = key.indexOf('.');
        return dot < 0 ? sections.getOrDefault(key, 1) : sections.getOrDefault(key.substring(0, dot), 1);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The text of scalar {@code key}, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        Entry e = entries.get(key);
        if (e == null) {
            return fallback;
        }
        used.add(key);
        if (e.list()) {
            throw problem(e.line(), key + " must be a single value, was a list");
        }
        return e.values().get(0);
    }

    /** Scalar {@code key} parsed by {@code parse} (which throws on bad text), or {@code fallback} when absent. */
    public <T> T value(String key, String what, T fallback, Function<String, T> parse) {
        if (!entries.containsKey(key)) {
            return fallback;
        }
        String text = text(key, null);
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw problem(line(key), key + " must be " + what + ", was '" + text + "'");
        }
    }

    public double number(String key, double fallback) {
        return value(key, "a number", fallback, ConfigFile::parseNumber);
    }

    public int integer(String key, int fallback) {
        return value(key, "an integer", fallback, Integer::parseInt);
    }

    public long longInteger(String key, long fallback) {
        return value(key, "an integer", fallback, Long::parseLong);
    }

    public boolean bool(String key, boolean fallback) {
        return value(key, "true or false", fallback, t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(t);
        });
    }

    /** List {@code key} of numbers, or {@code fallback} when absent. */
    public double[] numbers(String key, double[] fallback) {
        Entry e = entries.get(key);
        if (e == null) {
            return fallback;
        }
        used.add(key);
        double[] out = new double[e.values().size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = parseNumber(e.values().get(i));
            } catch (RuntimeException bad) {
                throw problem(e.line(), key + " must be a list of numbers, had '" + e.values().get(i) + "'");
            }
        }
        return out;
    }

    private static double parseNumber(String text) {
        return switch (text) {
            case ".inf", ".Inf", ".INF", "+.inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Fails on the first key that was never read, naming the keys that are known in its place. */
    public void requireAllUsed(Map<String, List<String>> knownBySection) {
        for (Map.Entry<String, Integer> s : sections.entrySet()) {
            if (!knownBySection.containsKey(s.getKey())) {
                throw problem(s.getValue(), "unknown section '" + s.getKey() + "'; known: "
                        + String.join(", ", knownBySection.keySet().stream().filter(k -> !k.isEmpty()).toList()));
            }
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!used.contains(e.getKey())) {
                int dot = e.getKey().indexOf('.');
                String section = dot < 0 ? "" : e.getKey().substring(0, dot);
                List<String> known = knownBySection.getOrDefault(section, List.of());
                throw problem(e.getValue().line(), "unknown key '" + e.getKey() + "'"
                        + (known.isEmpty() ? "" : "; known here: " + String.join(", ", known)));
            }
        }
    }
}
