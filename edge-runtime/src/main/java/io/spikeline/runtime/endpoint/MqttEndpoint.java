package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.source.MqttAckMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttTopic;

/**
 * An MQTT topic: {@code mqtt://host[:port]/topic[?qos=…&client-id=…&clean-session=…&ack=…]} ({@code mqtts://} for
 * TLS). A source subscribes to the topic as a filter ({@code +} one level, {@code #} the rest); a sink publishes to it,
 * with {@code {key}} replaced by each record's source key
 * ({@link io.spikeline.connectors.mqtt.sink.MqttSink#topicFor}).
 *
 * @param url the URL as written
 * @param serverUri the broker for Paho: {@code tcp://host:port} (port 1883 unless given) or {@code ssl://host:port}
 *     (8883)
 * @param topic the topic filter of a source, or the topic (template) of a sink
 * @param qos {@code qos}: 0, 1 (default) or 2
 * @param clientId {@code client-id}: the client id, or prefix of the ids of parallel clients; it names a source's
 *     persistent session, so keep it stable across restarts and distinct between jobs (default {@code spikeline-}
 *     and the topic's letters and digits)
 * @param cleanSession {@code clean-session}: {@code false} (default) for a persistent session that the broker keeps
 *     while the source is away, {@code true} for one it forgets
 * @param ackMode {@code ack}: when a source acknowledges a message, {@code checkpoint} (after the next completed
 *     checkpoint) or {@code emit}; {@code null} (default) for {@code checkpoint} when the job checkpoints and
 *     {@code emit} when it does not, since without checkpoints nothing would ever be acknowledged
 */
public record MqttEndpoint(String url, String serverUri, String topic, MqttQos qos, String clientId,
                           boolean cleanSession, MqttAckMode ackMode) implements Endpoint {
    /** Replaced by each record's source key in a sink's topic. */
    public static final String KEY = "{key}";

    private static final Map<String, MqttQos> LEVELS = Map.of("0", MqttQos.AT_MOST_ONCE, "1", MqttQos.AT_LEAST_ONCE,
            "2", MqttQos.EXACTLY_ONCE);
    private static final Map<String, MqttAckMode> ACKS = Map.of("checkpoint", MqttAckMode.ON_CHECKPOINT_COMPLETE,
            "emit", MqttAckMode.ON_EMIT);

    static MqttEndpoint of(String url, boolean tls, UrlParts parts) {
        parts.allowOnly(Set.of("qos", "client-id", "clean-session", "ack"));
        List<String> authorityAndTopic = parts.authorityAndPath((tls ? "mqtts" : "mqtt") + "://host:port/topic");
        HostPort broker = HostPort.parse(authorityAndTopic.get(0), tls ? 8883 : 1883, url);
        String topic = authorityAndTopic.get(1);
        if (topic.isEmpty()) {
            throw parts.problem("the topic is missing (expected mqtt://host:port/topic)");
        }
        try {
            MqttTopic.validate(topic.replace(KEY, "k"), true);
        } catch (IllegalArgumentException e) {
            throw parts.problem("MQTT topic '" + topic + "' is invalid: " + e.getMessage());
        }
        return new MqttEndpoint(url, (tls ? "ssl://" : "tcp://") + broker, topic,
                parts.choice("qos", LEVELS, MqttQos.AT_LEAST_ONCE),
                parts.text("client-id", "spikeline-" + topic.replaceAll("[^A-Za-z0-9]+", "-")),
                parts.flag("clean-session", false), parts.choice("ack", ACKS, null));
    }

    /** Whether the topic is a filter with wildcards, which a source can subscribe to but a sink cannot publish to. */
    public boolean hasWildcards() {
        return topic.contains("+") || topic.contains("#");
    }
}
