package io.spikeline.connectors.mqtt.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttEnumeratorStateSerializerTest {
    private final MqttEnumeratorStateSerializer serializer = new MqttEnumeratorStateSerializer();

    @Test
    void statesSurviveTheRoundTrip() throws IOException {
        for (MqttEnumeratorState state : List.of(
                new MqttEnumeratorState(List.of()),
                new MqttEnumeratorState(List.of(
                        new MqttSubscriptionSplit(0, "edge-0", List.of("$share/g/a/+"), MqttQos.AT_LEAST_ONCE),
                        new MqttSubscriptionSplit(2, "edge-2", List.of("$share/g/a/+", "$share/g/b/#"), MqttQos.EXACTLY_ONCE))))) {
            assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
        }
    }

    @Test
    void anUnknownVersionFailsLoudly() throws IOException {
        byte[] bytes = serializer.serialize(new MqttEnumeratorState(List.of()));
        assertThatThrownBy(() -> serializer.deserialize(MqttEnumeratorStateSerializer.CURRENT_VERSION + 1, bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown MQTT enumerator state version 2");
    }

    @Test
    void anUnknownSplitVersionInsideFailsLoudly() throws IOException {
        byte[] bytes = serializer.serialize(new MqttEnumeratorState(List.of(
                new MqttSubscriptionSplit(0, "c", List.of("t"), MqttQos.AT_LEAST_ONCE))));
        bytes[3] = 9;
        assertThatThrownBy(() -> serializer.deserialize(1, bytes)).isInstanceOf(IOException.class)
                .hasMessageContaining("unknown MQTT split serializer version 9");
    }
}
