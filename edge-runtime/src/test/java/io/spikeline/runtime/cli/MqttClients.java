package io.spikeline.runtime.cli;

import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The MQTT clients around a job under test: its sources' persistent sessions, and a subscriber to what it publishes. */
final class MqttClients {
    private MqttClients() {}

    /**
     * Opens a persistent session subscribed to {@code topic} at QoS 1 as {@code clientId}, and leaves it: the broker
     * queues everything published to the topic from now on for the job's source of that client id, as it would for a
     * job that is restarting.
     */
    static void persistentSession(TestBroker broker, String clientId, String topic) throws MqttException {
        MqttClient client = new MqttClient(broker.uri(), clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        client.connect(options);
        client.subscribe(topic, 1);
        client.disconnect();
        client.close();
    }

    /** {@link #persistentSession} as {@code prefix-name} on the topic {@code prefix/name}; returns the client id. */
    static String sessionOn(TestBroker broker, String prefix, String name) throws MqttException {
        String clientId = prefix + "-" + name;
        persistentSession(broker, clientId, prefix + "/" + name);
        return clientId;
    }

    /** A message as the subscriber received it. */
    record Received(String topic, byte[] payload) {}

    /**
     * A clean-session subscriber at QoS 1 to topic filters, collecting every message in arrival order. {@link #drain}
     * tells when it has received everything the broker had accepted for it.
     */
    static final class Subscriber implements AutoCloseable {
        private final MqttClient client;
        private final String drainTopic = "drain/" + UUID.randomUUID();
        private final Queue<Received> received = new ConcurrentLinkedQueue<>();
        private volatile boolean drained;

        Subscriber(TestBroker broker, String... filters) throws MqttException {
            client = new MqttClient(broker.uri(), "subscriber-" + UUID.randomUUID(), new MemoryPersistence());
            client.connect();
            client.subscribe(drainTopic, 1, (topic, message) -> drained = true);
            for (String filter : filters) {
                client.subscribe(filter, 1, (topic, message) -> received.add(new Received(topic, message.getPayload())));
            }
        }

        /**
         * Returns once every message that the broker accepted before this call has arrived. It publishes a marker and
         * waits for it: the broker queues a subscriber's messages in the order it accepted them, and a QoS 1
         * publisher's message (the job's sink flushes its publications before the job ends) is accepted before it is
         * acknowledged.
         */
        void drain(Duration deadline) throws MqttException {
            drained = false;
            client.publish(drainTopic, "drain".getBytes(StandardCharsets.UTF_8), 1, false);
            Poll.until(deadline, () -> drained, () -> "the drain marker, after " + received.size() + " messages");
        }

        /** The messages received so far on topics matching {@code filter}, in arrival order. */
        List<Received> on(String filter) {
            return received.stream().filter(m -> MqttTopic.isMatched(filter, m.topic())).toList();
        }

        @Override
        public void close() throws MqttException {
            client.disconnect();
            client.close();
        }
    }
}
