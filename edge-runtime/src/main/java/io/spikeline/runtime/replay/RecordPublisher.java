package io.spikeline.runtime.replay;

import java.io.IOException;

/** Sends encoded records to a broker, in order per key. */
public interface RecordPublisher extends AutoCloseable {

    /** Sends one message; may return before the broker has acknowledged it. */
    void publish(String key, byte[] value) throws IOException;

    /** Returns once every message sent so far is acknowledged, or fails with the first send error. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;

    /** Connects to {@code url}, failing within {@code timeoutMs} when the broker cannot be reached. */
    static RecordPublisher connect(BrokerUrl url, int mqttQos, long timeoutMs) throws IOException {
        return switch (url.scheme()) {
            case KAFKA -> KafkaPublisher.connect(url, timeoutMs);
            case MQTT -> MqttPublisher.connect(url, mqttQos, timeoutMs);
        };
    }
}
