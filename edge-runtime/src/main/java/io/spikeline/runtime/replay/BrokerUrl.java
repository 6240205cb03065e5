package io.spikeline.runtime.replay;

import io.spikeline.connectors.mqtt.sink.MqttSink;
import io.spikeline.runtime.endpoint.HostPort;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a stream goes: {@code kafka://host:port/topic} or {@code mqtt://host:port/topic/levels}. The port
 * defaults to the protocol's own (9092, 1883). An MQTT topic may contain {@value #KEY_PLACEHOLDER}, replaced
 * by each record's source key (a flow key's {@code /} adds topic levels); a Kafka topic may not, since Kafka
 * carries the key in the message.
 *
 * @param scheme the broker kind
 * @param host host name or address
 * @param port TCP port
 * @param topic the topic, possibly with the key placeholder (MQTT only)
 */
public record BrokerUrl(Scheme scheme, String host, int port, String topic) {
    public static final String KEY_PLACEHOLDER = "{key}";

    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** The supported brokers. */
    public enum Scheme {
        KAFKA(9092), MQTT(1883);

        private final int defaultPort;

        Scheme(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }

    public BrokerUrl {
        if (scheme == null) {
            throw new IllegalArgumentException("broker scheme must not be null");
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is missing in the " + scheme.name().toLowerCase(Locale.ROOT)
                    + " URL");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("topic is missing (expected " + scheme.name().toLowerCase(Locale.ROOT)
                    + "://host:port/topic)");
        }
        if (scheme == Scheme.KAFKA && !KAFKA_TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Kafka topic '" + topic + "' is invalid: 1 to 249 of a-z A-Z 0-9 . _ -"
                    + (topic.contains(KEY_PLACEHOLDER) ? " (the source key is the message key, not part of the topic)"
                            : ""));
        }
        if (scheme == Scheme.MQTT && (topic.contains("+") || topic.contains("#"))) {
            throw new IllegalArgumentException("MQTT topic '" + topic + "' contains a wildcard (+ or #), which "
                    + "subscriptions use but publishing cannot");
        }
    }

    /** Parses {@code scheme://host[:port]/topic}, naming the part that is wrong. */
    public static BrokerUrl parse(String url) {
        int sep = url.indexOf("://");
        if (sep < 0) {
            throw new IllegalArgumentException("'" + url + "' is not a broker URL: expected kafka://host:port/topic or "
                    + "mqtt://host:port/topic");
        }
        String schemeText = url.substring(0, sep);
        Scheme scheme = switch (schemeText.toLowerCase(Locale.ROOT)) {
            case "kafka" -> Scheme.KAFKA;
            case "mqtt" -> Scheme.MQTT;
            default -> throw new IllegalArgumentException("scheme '" + schemeText + "' in '" + url
                    + "' is not supported: use kafka:// or mqtt://");
        };
        String rest = url.substring(sep + 3);
        int slash = rest.indexOf('/');
        String topic = slash < 0 ? "" : rest.substring(slash + 1);
        HostPort authority = HostPort.parse(slash < 0 ? rest : rest.substring(0, slash), scheme.defaultPort(), url);
        return new BrokerUrl(scheme, authority.host(), authority.port(), topic);
    }

    /** The topic for a record with this source key ({@link MqttSink#topicFor}). */
    public String topicFor(String key) {
        return topic.contains(KEY_PLACEHOLDER) ? MqttSink.topicFor(topic, key) : topic;
    }

    /** {@code host:port}, an IPv6 address in brackets. */
    public String hostPort() {
        return new HostPort(host, port).toString();
    }

    @Override
    public String toString() {
        return scheme.name().toLowerCase(Locale.ROOT) + "://" + hostPort() + "/" + topic;
    }
}
