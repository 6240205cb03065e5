package io.spikeline.connectors.mqtt.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.connectors.mqtt.MqttQos;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSubscriptionSplitSerializerTest {
    private final MqttSubscriptionSplitSerializer serializer = new MqttSubscriptionSplitSerializer();

    @Test
    void splitsSurviveTheRoundTrip() throws IOException {
        for (MqttSubscriptionSplit split : List.of(
                new MqttSubscriptionSplit(0, "gateway-7", List.of("sensors/+/frames"), MqttQos.AT_MOST_ONCE),
                new MqttSubscriptionSplit(3, "gateway-7-3", List.of("$share/decoders/implants/#", "$share/decoders/é/ü"),
                        MqttQos.EXACTLY_ONCE),
                new MqttSubscriptionSplit(1, "x", List.of("#"), MqttQos.AT_LEAST_ONCE))) {
            MqttSubscriptionSplit back = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
            assertThat(back).isEqualTo(split);
            assertThat(back.splitId()).isEqualTo(split.splitId());
        }
    }

    @Test
    void anUnknownVersionFailsLoudly() throws IOException {
        byte[] bytes = serializer.serialize(new MqttSubscriptionSplit(0, "c", List.of("t"), MqttQos.AT_LEAST_ONCE));
        assertThatThrownBy(() -> serializer.deserialize(MqttSubscriptionSplitSerializer.CURRENT_VERSION + 1, bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown MQTT split serializer version 2");
        assertThatThrownBy(() -> serializer.deserialize(0, bytes)).isInstanceOf(IOException.class)
                .hasMessageContaining("version 0");
    }

    @Test
    void trailingOrMissingBytesAndBadQosFail() throws IOException {
        byte[] bytes = serializer.serialize(new MqttSubscriptionSplit(0, "c", List.of("t"), MqttQos.AT_LEAST_ONCE));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> serializer.deserialize(1, longer)).hasMessageContaining("trailing");
        assertThatThrownBy(() -> serializer.deserialize(1, Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IOException.class);
        byte[] badQos = bytes.clone();
        badQos[4 + 2 + 1] = 3;
        assertThatThrownBy(() -> serializer.deserialize(1, badQos)).isInstanceOf(IOException.class)
                .hasMessageContaining("QoS");
    }
}
