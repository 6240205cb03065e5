package io.spikeline.connectors.mqtt.source;

import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import io.spikeline.connectors.mqtt.MqttQos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttTopic;

/**
 * Builds an {@link MqttSource}. Required: {@link #setServerUri}, {@link #setClientId} and at least one topic
 * filter. Defaults: QoS 1, persistent session, acknowledgement on checkpoint completion, 1000 buffered messages,
 * connect timeout 10 s, keep-alive 30 s, reconnection after 100 ms doubling up to 30 s, no credentials, no
 * shared subscription.
 */
public final class MqttSourceBuilder {
    private String serverUri;
    private String clientId;
    private final List<String> topicFilters = new ArrayList<>();
    private MqttQos qos = MqttQos.AT_LEAST_ONCE;
    private boolean cleanSession;
    private String username;
    private String password;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration reconnectInitialDelay = Duration.ofMillis(100);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);
    private int maxBufferedMessages = 1000;
    private String sharedGroup;
    private MqttAckMode ackMode = MqttAckMode.ON_CHECKPOINT_COMPLETE;

    MqttSourceBuilder() {
    }

    /** {@code tcp://host:port} or {@code ssl://host:port}. */
    public MqttSourceBuilder setServerUri(String serverUri) {
        this.serverUri = serverUri;
        return this;
    }

    /**
     * The client id; it names the persistent session, so keep it stable across restarts of the job and unique
     * on the broker. With a shared subscription it is the prefix of the readers' ids.
     */
    public MqttSourceBuilder setClientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    /** Adds topic filters; {@code +} matches one level, {@code #} (last) any number of levels. */
    public MqttSourceBuilder addTopicFilters(String... filters) {
        topicFilters.addAll(List.of(filters));
        return this;
    }

    public MqttSourceBuilder setQos(MqttQos qos) {
        this.qos = qos;
        return this;
    }

    /** True for a clean session (the broker forgets it on disconnect); false (default) for a persistent one. */
    public MqttSourceBuilder setCleanSession(boolean cleanSession) {
        this.cleanSession = cleanSession;
        return this;
    }

    public MqttSourceBuilder setCredentials(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    public MqttSourceBuilder setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    public MqttSourceBuilder setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
        return this;
    }

    /** Reconnection waits {@code initial}, then doubles after each failed attempt up to {@code max}. */
    public MqttSourceBuilder setReconnectBackoff(Duration initial, Duration max) {
        this.reconnectInitialDelay = initial;
        this.reconnectMaxDelay = max;
        return this;
    }

    /** The most messages a reader holds between the broker and Flink; beyond it the broker is pushed back. */
    public MqttSourceBuilder setMaxBufferedMessages(int maxBufferedMessages) {
        this.maxBufferedMessages = maxBufferedMessages;
        return this;
    }

    /**
     * Subscribes every reader to {@code $share/group/filter} as client {@code clientId-i}, so the broker
     * spreads the messages over the readers (MQTT 5 shared subscriptions, which Mosquitto 2 and others also
     * offer to 3.1.1 clients). Without it, one reader holds the only subscription and the others stay idle.
     */
    public MqttSourceBuilder setSharedSubscriptionGroup(String group) {
        this.sharedGroup = group;
        return this;
    }

    public MqttSourceBuilder setAckMode(MqttAckMode ackMode) {
        this.ackMode = ackMode;
        return this;
    }

    /** Checks the settings and builds the source; fails with a message naming the bad setting. */
    public MqttSource build() {
        MqttConnectionOptions connection = new MqttConnectionOptions(serverUri, clientId, username, password,
                cleanSession, connectTimeout, keepAlive, reconnectInitialDelay, reconnectMaxDelay);
        if (topicFilters.isEmpty()) {
            throw new IllegalArgumentException("MQTT source needs at least one topic filter");
        }
        for (String filter : topicFilters) {
            if (filter == null || filter.isEmpty()) {
                throw new IllegalArgumentException("MQTT topic filter must be non-empty, was "
                        + (filter == null ? "null" : "''"));
            }
            if (filter.startsWith("$share/")) {
                throw new IllegalArgumentException("topic filter '" + filter
                        + "' is a shared subscription: give the plain filter and setSharedSubscriptionGroup");
            }
            try {
                MqttTopic.validate(filter, true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid MQTT topic filter '" + filter + "': " + e.getMessage(), e);
            }
        }
        if (qos == null || ackMode == null) {
            throw new IllegalArgumentException("MQTT source QoS and acknowledgement mode must be set, were " + qos
                    + " and " + ackMode);
        }
        if (maxBufferedMessages < 1) {
            throw new IllegalArgumentException("max buffered messages must be >= 1, was " + maxBufferedMessages);
        }
        if (sharedGroup != null && (sharedGroup.isEmpty() || sharedGroup.matches(".*[/+#].*"))) {
            throw new IllegalArgumentException("shared subscription group must be non-empty without '/', '+' or '#', was '"
                    + sharedGroup + "'");
        }
        return new MqttSource(connection, topicFilters, qos, sharedGroup, maxBufferedMessages, ackMode);
    }
}
