package io.spikeline.connectors.mqtt.source.split;

import io.spikeline.connectors.mqtt.MqttQos;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One MQTT subscription: the client id that holds it and the topic filters it subscribes to at one QoS. MQTT
 * has no partitions or offsets; the broker keeps a persistent session's position (its queue of unacknowledged
 * messages) under the client id, so the split needs no mutable progress state: the client id is what makes a
 * restored reader resume the same session.
 *
 * @param index the split's number, 0 to {@code splitCount - 1}; split {@code i} goes to reader {@code i % parallelism}
 * @param clientId the MQTT client id of this subscription
 * @param topicFilters the filters as sent to the broker (with the {@code $share/group/} prefix when shared)
 * @param qos the subscription QoS
 */
public record MqttSubscriptionSplit(int index, String clientId, List<String> topicFilters, MqttQos qos)
        implements SourceSplit {

    public MqttSubscriptionSplit {
        if (index < 0) {
            throw new IllegalArgumentException("split index must be >= 0, was " + index);
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(qos, "qos");
        topicFilters = List.copyOf(topicFilters);
        if (topicFilters.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one topic filter");
        }
    }

    @Override
    public String splitId() {
        return "mqtt-subscription-" + index;
    }
}
