package io.spikeline.connectors.mqtt.testing;

import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plain synchronous Paho client that publishes test messages (QoS 1/2 calls return once acknowledged). */
public final class TestPublisher implements AutoCloseable {
    private final MqttClient client;

    public TestPublisher(String uri) throws MqttException {
        client = new MqttClient(uri, "publisher-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
    }

    public void publish(String topic, byte[] payload, int qos) throws MqttException {
        client.publish(topic, payload, qos, false);
    }

    public MqttClient client() {
        return client;
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
