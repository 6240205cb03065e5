package io.spikeline.connectors.mqtt.source.enumerator;

import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import java.util.List;

/**
 * What the enumerator checkpoints: the subscriptions not assigned to a reader at the time (assigned ones are in
 * their readers' state). A fresh job starts with all subscriptions unassigned.
 */
public record MqttEnumeratorState(List<MqttSubscriptionSplit> unassigned) {

    public MqttEnumeratorState {
        unassigned = List.copyOf(unassigned);
    }
}
