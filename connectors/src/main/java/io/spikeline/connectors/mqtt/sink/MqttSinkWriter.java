package io.spikeline.connectors.mqtt.sink;

import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.client.ReconnectingClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.util.function.SerializableFunction;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes asynchronously with at most {@code maxInFlight} publications awaiting completion. Paho completes
 * them on its own threads: a success releases a slot, a failure (the connection dropped) queues the publication
 * to be sent again; only the task thread publishes, after waiting for the connection.
 */
final class MqttSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSinkWriter.class);
    private static final Duration CONNECTION_POLL = Duration.ofSeconds(1);
    private static final Set<Integer> CONNECTION_PROBLEMS = Set.of(
            (int) MqttException.REASON_CODE_CLIENT_NOT_CONNECTED,
            (int) MqttException.REASON_CODE_CLIENT_DISCONNECTING,
            (int) MqttException.REASON_CODE_CONNECTION_LOST,
            (int) MqttException.REASON_CODE_CONNECT_IN_PROGRESS);

    private record Publication(String topic, byte[] payload) { }

    private final ReconnectingClient client;
    private final Function<T, byte[]> serializer;
    private final SerializableFunction<T, String> topicSelector;
    private final MqttQos qos;
    private final boolean retained;
    private final int maxInFlight;
    private final Object lock = new Object();
    /** Publications sent or to be resent whose completion has not arrived; guarded by {@link #lock}. */
    private int inFlight;
    /** Publications whose delivery failed, to send again; guarded by {@link #lock}. */
    private final Queue<Publication> toResend = new ArrayDeque<>();
    private final IMqttActionListener completion = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            LOG.debug("MQTT publication failed, will send it again: {}", failure.toString());
            synchronized (lock) {
                toResend.add((Publication) token.getUserContext());
                lock.notifyAll();
            }
        }
    };

    MqttSinkWriter(MqttConnectionOptions connection, Function<T, byte[]> serializer,
                   SerializableFunction<T, String> topicSelector, MqttQos qos, boolean retained, int maxInFlight)
            throws MqttException {
        this.serializer = serializer;
        this.topicSelector = topicSelector;
        this.qos = qos;
        this.retained = retained;
        this.maxInFlight = maxInFlight;
        this.client = new ReconnectingClient(connection, false, maxInFlight,
                (topic, message, generation) -> { }, (paho, sessionPresent) -> { });
        client.start();
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        String topic = topicSelector.apply(element);
        try {
            MqttTopic.validate(topic, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the topic selector chose '" + topic + "', not a valid MQTT topic: "
                    + e.getMessage(), e);
        }
        Publication publication = new Publication(topic, serializer.apply(element));
        awaitInFlightBelow(maxInFlight);
        synchronized (lock) {
            inFlight++;
        }
        send(publication);
    }

    /** Waits until every publication so far has completed: before a checkpoint and at the end of input. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        awaitInFlightBelow(1);
    }

    private void awaitInFlightBelow(int limit) throws IOException, InterruptedException {
        while (true) {
            Publication failed;
            synchronized (lock) {
                failed = toResend.poll();
                if (failed == null) {
                    if (inFlight < limit) {
                        return;
                    }
                    lock.wait();
                    continue;
                }
            }
            send(failed);
        }
    }

    private void send(Publication publication) throws IOException, InterruptedException {
        while (true) {
            while (!client.awaitConnected(CONNECTION_POLL)) {
                LOG.debug("MQTT writer {} waits for its connection", client.clientId());
            }
            try {
                client.client().publish(publication.topic(), publication.payload(), qos.level(), retained, publication,
                        completion);
                return;
            } catch (MqttException e) {
                if (!CONNECTION_PROBLEMS.contains(e.getReasonCode())) {
                    throw new IOException("MQTT writer " + client.clientId() + " cannot publish to "
                            + publication.topic() + ": " + e, e);
                }
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
