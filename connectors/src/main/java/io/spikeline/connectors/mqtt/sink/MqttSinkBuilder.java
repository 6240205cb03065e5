package io.spikeline.connectors.mqtt.sink;

import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import io.spikeline.connectors.mqtt.MqttQos;
import java.time.Duration;
import java.util.function.Function;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Builds an {@link MqttSink}. Required: server URI, client id (prefix), serializer and topic selector. Defaults:
 * QoS 1, not retained, 1000 publications in flight per writer, connect timeout 10 s, keep-alive 30 s,
 * reconnection after 100 ms doubling up to 30 s, no credentials.
 *
 * @param <T> the record type
 */
public final class MqttSinkBuilder<T> {
    private String serverUri;
    private String clientId;
    private String username;
    private String password;
    private SerializableSupplier<Function<T, byte[]>> serializerFactory;
    private SerializableFunction<T, String> topicSelector;
    private MqttQos qos = MqttQos.AT_LEAST_ONCE;
    private boolean retained;
    private int maxInFlight = 1000;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration reconnectInitialDelay = Duration.ofMillis(100);
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);

    MqttSinkBuilder() {
    }

    public MqttSinkBuilder<T> setServerUri(String serverUri) {
        this.serverUri = serverUri;
        return this;
    }

    /** The prefix of the writers' client ids ({@code clientId-subtask}). */
    public MqttSinkBuilder<T> setClientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public MqttSinkBuilder<T> setCredentials(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    /**
     * Makes each writer's serializer (so it may hold buffers or a codec that is neither serialisable nor
     * thread-safe), for example {@code () -> RecordCodec.decodings()::encode}.
     */
    public MqttSinkBuilder<T> setSerializer(SerializableSupplier<Function<T, byte[]>> serializerFactory) {
        this.serializerFactory = serializerFactory;
        return this;
    }

    /** Chooses each record's topic, for example {@link MqttSink#topicPerKey}. */
    public MqttSinkBuilder<T> setTopicSelector(SerializableFunction<T, String> topicSelector) {
        this.topicSelector = topicSelector;
        return this;
    }

    public MqttSinkBuilder<T> setQos(MqttQos qos) {
        this.qos = qos;
        return this;
    }

    /** Whether the broker keeps the last message of each topic for future subscribers. */
    public MqttSinkBuilder<T> setRetained(boolean retained) {
        this.retained = retained;
        return this;
    }

    /** The most publications a writer has awaiting completion; more writes wait (back-pressure). */
    public MqttSinkBuilder<T> setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
        return this;
    }

    public MqttSinkBuilder<T> setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    public MqttSinkBuilder<T> setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
        return this;
    }

    /** Reconnection waits {@code initial}, then doubles after each failed attempt up to {@code max}. */
    public MqttSinkBuilder<T> setReconnectBackoff(Duration initial, Duration max) {
        this.reconnectInitialDelay = initial;
        this.reconnectMaxDelay = max;
        return this;
    }

    /** Checks the settings and builds the sink; fails with a message naming the bad setting. */
    public MqttSink<T> build() {
        MqttConnectionOptions connection = new MqttConnectionOptions(serverUri, clientId, username, password, true,
                connectTimeout, keepAlive, reconnectInitialDelay, reconnectMaxDelay);
        if (serializerFactory == null) {
            throw new IllegalArgumentException("MQTT sink needs a serializer");
        }
        if (topicSelector == null) {
            throw new IllegalArgumentException("MQTT sink needs a topic selector");
        }
        if (qos == null) {
            throw new IllegalArgumentException("MQTT sink QoS must be set");
        }
        if (maxInFlight < 1 || maxInFlight > 65_535) {
            throw new IllegalArgumentException("max in-flight publications must be 1 to 65535 (MQTT message ids), was "
                    + maxInFlight);
        }
        return new MqttSink<>(connection, serializerFactory, topicSelector, qos, retained, maxInFlight);
    }
}
