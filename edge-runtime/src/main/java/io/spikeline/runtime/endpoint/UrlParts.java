package io.spikeline.runtime.endpoint;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An endpoint URL after its scheme, split into the part before {@code ?} and the options after it
 * ({@code name=value} pairs joined by {@code &}, values percent-decoded). Each option must be read by the endpoint
 * or the URL is refused, so a misspelt option never goes unnoticed.
 */
final class UrlParts {
    private final String url;
    private final String body;
    private final Map<String, String> options;

    private UrlParts(String url, String body, Map<String, String> options) {
        this.url = url;
        this.body = body;
        this.options = options;
    }

    /** Splits {@code url} from {@code offset} (just after {@code scheme:}). */
    static UrlParts split(String url, int offset) {
        String rest = url.substring(offset);
        int question = rest.indexOf('?');
        Map<String, String> options = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("option '" + pair + "' in '" + url + "' is not name=value");
                }
                String name = pair.substring(0, eq);
                if (options.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                    throw new IllegalArgumentException("option '" + name + "' is given twice in '" + url + "'");
                }
            }
        }
        return new UrlParts(url, question < 0 ? rest : rest.substring(0, question), options);
    }

    /** What lies between the scheme and the options. */
    String body() {
        return body;
    }

    /** The text after {@code //} up to the first {@code /}, and the rest after that {@code /}; fails without {@code //}. */
    List<String> authorityAndPath(String expected) {
        if (!body.startsWith("//")) {
            throw new IllegalArgumentException("'" + url + "' is not " + expected);
        }
        String rest = body.substring(2);
        int slash = rest.indexOf('/');
        List<String> parts = new ArrayList<>(2);
        parts.add(slash < 0 ? rest : rest.substring(0, slash));
        parts.add(slash < 0 ? "" : rest.substring(slash + 1));
        return parts;
    }

    /** Fails naming every option not among {@code known}. */
    void allowOnly(Set<String> known) {
        List<String> unknown = options.keySet().stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option" + (unknown.size() > 1 ? "s " : " ") + unknown + " in '"
                    + url + "'" + (known.isEmpty() ? ": it takes none" : ": it takes " + known.stream().sorted().toList()));
        }
    }

    /** Every option, in the order given. */
    Map<String, String> options() {
        return Map.copyOf(options);
    }

    String text(String name, String fallback) {
        String value = options.get(name);
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("option " + name + " in '" + url + "' is empty");
        }
        return value == null ? fallback : value;
    }

    /** The option as one of {@code choices} (by its written form), or {@code fallback} when absent. */
    <E> E choice(String name, Map<String, E> choices, E fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        E choice = choices.get(value);
        if (choice == null) {
            throw new IllegalArgumentException("option " + name + "=" + value + " in '" + url + "' must be one of "
                    + choices.keySet().stream().sorted().toList());
        }
        return choice;
    }

    long integer(String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + "=" + value + " in '" + url + "' is not an integer");
        }
    }

    boolean flag(String name, boolean fallback) {
        return choice(name, Map.of("true", true, "false", false), fallback);
    }

    /** An {@link IllegalArgumentException} naming the URL. */
    IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("'" + url + "': " + what);
    }
}
