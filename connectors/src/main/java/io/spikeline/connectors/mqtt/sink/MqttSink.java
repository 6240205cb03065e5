package io.spikeline.connectors.mqtt.sink;

import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import io.spikeline.connectors.mqtt.MqttQos;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Publishes records to MQTT: each record is encoded to bytes by a serializer made on each writer and published
 * to the topic its topic selector chooses (for example {@link #topicPerKey "spikeline/decoded/{key}"}), at one
 * QoS. Each parallel writer connects as client {@code clientId-subtask} with a clean session.
 *
 * <p>Delivery: {@link SinkWriter#flush} (called before every checkpoint and at the end of input) waits until every
 * publication of the writer has completed: acknowledged by the broker for QoS 1 (PUBACK) and 2 (PUBCOMP), written
 * to the socket for QoS 0. So a completed checkpoint means that every record before it reached the broker
 * (at-least-once for QoS 1 and 2; a restore replays records after the checkpoint, which may publish some twice).
 * A publication that fails because the connection dropped is published again once the writer has reconnected;
 * while disconnected, writes and flushes wait (back-pressure), so a broker gone for good surfaces as a
 * checkpoint timeout.
 *
 * @param <T> the record type
 */
public final class MqttSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final String KEY = "{key}";

    private final MqttConnectionOptions connection;
    private final SerializableSupplier<Function<T, byte[]>> serializerFactory;
    private final SerializableFunction<T, String> topicSelector;
    private final MqttQos qos;
    private final boolean retained;
    private final int maxInFlight;

    MqttSink(MqttConnectionOptions connection, SerializableSupplier<Function<T, byte[]>> serializerFactory,
             SerializableFunction<T, String> topicSelector, MqttQos qos, boolean retained, int maxInFlight) {
        this.connection = connection;
        this.serializerFactory = serializerFactory;
        this.topicSelector = topicSelector;
        this.qos = qos;
        this.retained = retained;
        this.maxInFlight = maxInFlight;
    }

    public static <T> MqttSinkBuilder<T> builder() {
        return new MqttSinkBuilder<>();
    }

    /**
     * A topic selector that puts each record's key into {@code template} in place of {@code {key}}, as in
     * {@code "spikeline/decoded/{key}"}, by {@link #topicFor}. The template must hold {@code {key}} and no wildcard.
     */
    public static <T> SerializableFunction<T, String> topicPerKey(String template, SerializableFunction<T, String> keyOf) {
        if (template == null || !template.contains(KEY) || template.contains("+") || template.contains("#")) {
            throw new IllegalArgumentException("topic template must contain {key} and no wildcard, was '" + template + "'");
        }
        return record -> topicFor(template, keyOf.apply(record));
    }

    /**
     * The topic a record of source key {@code key} is published to under {@code template}: the template with
     * {@code {key}} replaced by the key. A {@code /} in the key adds topic levels (a packet flow's key is
     * {@code protocol/source:port>destination:port}); an empty key, or one holding the wildcards {@code +} or
     * {@code #}, which no published topic may hold, is refused naming the key and the template.
     */
    public static String topicFor(String template, String key) {
        if (key == null || key.isEmpty() || key.indexOf('+') >= 0 || key.indexOf('#') >= 0) {
            throw new IllegalArgumentException("source key '" + key + "' cannot be part of the MQTT topic " + template
                    + (key == null || key.isEmpty() ? ": it is empty" : ": it holds a wildcard"));
        }
        return template.replace(KEY, key);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        String clientId = connection.clientId() + "-" + context.getTaskInfo().getIndexOfThisSubtask();
        try {
            return new MqttSinkWriter<>(connection.withClientId(clientId), serializerFactory.get(), topicSelector, qos,
                    retained, maxInFlight);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create MQTT client " + clientId + " for " + connection.serverUri(), e);
        }
    }
}
