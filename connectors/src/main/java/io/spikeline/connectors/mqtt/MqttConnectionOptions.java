package io.spikeline.connectors.mqtt;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * How a source reader or sink writer connects to its MQTT broker (MQTT 3.1.1). Shared by {@code MqttSource}
 * and {@code MqttSink}; built through their builders, which validate it.
 *
 * @param serverUri {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId the client id, or its prefix when several clients are made (one per split or writer)
 * @param username user name, or null for an anonymous connection
 * @param password password, or null
 * @param cleanSession true for a session the broker forgets on disconnect; false for a persistent session, in
 *                     which the broker keeps subscriptions and queues QoS 1/2 messages while the client is away
 * @param connectTimeout how long one connection attempt may take
 * @param keepAlive the MQTT keep-alive interval (the broker drops a client silent for 1.5 times this)
 * @param reconnectInitialDelay the delay before the first reconnection attempt; each failed attempt doubles it
 * @param reconnectMaxDelay the upper bound of the reconnection delay
 */
public record MqttConnectionOptions(String serverUri, String clientId, String username, String password,
                                    boolean cleanSession, Duration connectTimeout, Duration keepAlive,
                                    Duration reconnectInitialDelay, Duration reconnectMaxDelay) implements Serializable {
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public MqttConnectionOptions {
        if (serverUri == null) {
            throw new IllegalArgumentException("MQTT server URI must be set (tcp://host:port or ssl://host:port)");
        }
        if (!isBrokerUri(serverUri)) {
            throw new IllegalArgumentException("MQTT server URI is not tcp://, ssl://, ws:// or wss://host[:port], was '"
                    + serverUri + "'");
        }
        if (clientId == null || clientId.isEmpty() || clientId.length() > 65_000) {
            throw new IllegalArgumentException("MQTT client id must be non-empty and at most 65000 characters, was "
                    + (clientId == null ? "null" : "'" + clientId + "'"));
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("MQTT password given without a user name");
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("keep-alive", keepAlive);
        if (keepAlive.toSeconds() < 1) {
            throw new IllegalArgumentException("MQTT keep-alive must be at least 1 s, was " + keepAlive);
        }
        requirePositive("initial reconnect delay", reconnectInitialDelay);
        requirePositive("maximum reconnect delay", reconnectMaxDelay);
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("maximum reconnect delay " + reconnectMaxDelay
                    + " is below the initial reconnect delay " + reconnectInitialDelay);
        }
    }

    /** The same options for another client id (each split and each writer connects as its own client). */
    public MqttConnectionOptions withClientId(String id) {
        return new MqttConnectionOptions(serverUri, id, username, password, cleanSession, connectTimeout, keepAlive,
                reconnectInitialDelay, reconnectMaxDelay);
    }

    /** Paho's connect options; automatic reconnection stays off because {@code ReconnectingClient} does it. */
    public MqttConnectOptions toPaho() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setConnectionTimeout((int) Math.max(1, connectTimeout.toSeconds()));
        options.setKeepAliveInterval((int) keepAlive.toSeconds());
        options.setAutomaticReconnect(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
            if (password != null) {
                options.setPassword(password.toCharArray());
            }
        }
        return options;
    }

    @Override
    public String toString() {
        return "MqttConnectionOptions{" + serverUri + ", client " + clientId + (username == null ? "" : ", user " + username)
                + (cleanSession ? ", clean session" : ", persistent session") + "}";
    }

    private static boolean isBrokerUri(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.getScheme() != null && SCHEMES.contains(parsed.getScheme()) && parsed.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("MQTT " + what + " must be positive, was " + value);
        }
    }
}
