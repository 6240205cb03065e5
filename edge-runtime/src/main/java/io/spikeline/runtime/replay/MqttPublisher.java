package io.spikeline.runtime.replay;

import java.io.IOException;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes to MQTT with one clean-session client. Sends are synchronous: at QoS 1 and 2 each returns once
 * the broker has acknowledged the message, so order per topic and completeness hold when the command ends.
 */
final class MqttPublisher implements RecordPublisher {
    private final BrokerUrl url;
    private final MqttClient client;
    private final int qos;

    private MqttPublisher(BrokerUrl url, MqttClient client, int qos) {
        this.url = url;
        this.client = client;
        this.qos = qos;
    }

    static MqttPublisher connect(BrokerUrl url, int qos, long timeoutMs) throws IOException {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, was " + qos);
        }
        MqttClient client;
        try {
            client = new MqttClient("tcp://" + url.hostPort(),
                    "spikeline-replay-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
            client.setTimeToWait(timeoutMs);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout((int) Math.max(1, Math.ceil(timeoutMs / 1000.0)));
            options.setMaxInflight(1000);
            client.connect(options);
        } catch (MqttException e) {
            throw new IOException("cannot reach the MQTT broker at " + url + " within " + timeoutMs / 1000.0 + " s: "
                    + e.getMessage(), e);
        }
        return new MqttPublisher(url, client, qos);
    }

    @Override
    public void publish(String key, byte[] value) throws IOException {
        try {
            client.publish(url.topicFor(key), value, qos, false);
        } catch (MqttException e) {
            throw new IOException("publishing to " + url.topicFor(key) + " on " + url + " failed: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void flush() {
        // Every publish has already completed (synchronous client).
    }

    @Override
    public void close() throws IOException {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            throw new IOException("closing the MQTT connection to " + url + ": " + e.getMessage(), e);
        }
    }
}
