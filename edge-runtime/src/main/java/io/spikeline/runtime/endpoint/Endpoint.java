package io.spikeline.runtime.endpoint;

import java.util.Locale;

/**
 * Where a stream comes from or goes to, written as a URL (the grammar is in the package documentation):
 * a Kafka topic, an MQTT topic (filter), a recording or output file, or a simulator.
 */
public sealed interface Endpoint permits KafkaEndpoint, MqttEndpoint, FileEndpoint, SimEndpoint {

    /** The URL as written. */
    String url();

    /** Whether the stream is bounded (a file, a simulator run) or runs until the job is stopped (a broker). */
    default boolean bounded() {
        return this instanceof FileEndpoint || this instanceof SimEndpoint;
    }

    /**
     * Parses {@code url}; fails with an {@link IllegalArgumentException} naming the URL and what is wrong with it.
     */
    static Endpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("an endpoint URL must not be empty: expected kafka://host:port/topic, "
                    + "mqtt://host:port/topic, file:///path or sim:name");
        }
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        UrlParts parts = UrlParts.split(url, colon + 1);
        return switch (scheme) {
            case "kafka" -> KafkaEndpoint.of(url, parts);
            case "mqtt", "mqtts" -> MqttEndpoint.of(url, scheme.equals("mqtts"), parts);
            case "file" -> FileEndpoint.of(url, parts);
            case "sim" -> SimEndpoint.of(url, parts);
            default -> throw new IllegalArgumentException("'" + url + "' has " + (colon < 0 ? "no scheme" : "scheme '"
                    + url.substring(0, colon) + "'") + ": expected kafka://host:port/topic, mqtt://host:port/topic, "
                    + "file:///path or sim:name");
        };
    }
}
