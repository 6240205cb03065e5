package io.spikeline.connectors.mqtt.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSourceBuilderTest {

    private static MqttSourceBuilder valid() {
        return MqttSource.builder().setServerUri("tcp://broker:1883").setClientId("edge").addTopicFilters("a/+/b", "c/#");
    }

    @Test
    void withoutASharedGroupOneSubscriptionHoldsEveryFilter() {
        MqttSource source = valid().setQos(MqttQos.EXACTLY_ONCE).build();
        assertThat(source.initialSplits(4)).containsExactly(
                new MqttSubscriptionSplit(0, "edge", List.of("a/+/b", "c/#"), MqttQos.EXACTLY_ONCE));
    }

    @Test
    void aSharedGroupGivesEachReaderItsOwnClientAndSharedFilters() {
        MqttSource source = valid().setSharedSubscriptionGroup("decoders").build();
        assertThat(source.initialSplits(3)).containsExactly(
                new MqttSubscriptionSplit(0, "edge-0", List.of("$share/decoders/a/+/b", "$share/decoders/c/#"), MqttQos.AT_LEAST_ONCE),
                new MqttSubscriptionSplit(1, "edge-1", List.of("$share/decoders/a/+/b", "$share/decoders/c/#"), MqttQos.AT_LEAST_ONCE),
                new MqttSubscriptionSplit(2, "edge-2", List.of("$share/decoders/a/+/b", "$share/decoders/c/#"), MqttQos.AT_LEAST_ONCE));
    }

    @Test
    void badSettingsAreNamedWithTheirValues() {
        assertThatThrownBy(() -> valid().setServerUri(null).build()).hasMessageContaining("server URI must be set");
        assertThatThrownBy(() -> valid().setServerUri("http://broker:1883").build()).hasMessageContaining("'http://broker:1883'");
        assertThatThrownBy(() -> valid().setClientId("").build()).hasMessageContaining("client id");
        assertThatThrownBy(() -> MqttSource.builder().setServerUri("tcp://b:1").setClientId("c").build())
                .hasMessageContaining("at least one topic filter");
        assertThatThrownBy(() -> valid().addTopicFilters("a/#/b").build()).hasMessageContaining("'a/#/b'");
        assertThatThrownBy(() -> valid().addTopicFilters("a+").build()).hasMessageContaining("'a+'");
        assertThatThrownBy(() -> valid().addTopicFilters("$share/g/a").build()).hasMessageContaining("setSharedSubscriptionGroup");
        assertThatThrownBy(() -> valid().setSharedSubscriptionGroup("a/b").build()).hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> valid().setMaxBufferedMessages(0).build()).hasMessageContaining("max buffered messages");
        assertThatThrownBy(() -> valid().setCredentials(null, "secret").build()).hasMessageContaining("password given without");
        assertThatThrownBy(() -> valid().setReconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
                .hasMessageContaining("maximum reconnect delay PT1S is below the initial reconnect delay PT5S");
        assertThatThrownBy(() -> valid().setKeepAlive(Duration.ofMillis(10)).build()).hasMessageContaining("keep-alive");
    }

    @Test
    void thePasswordNeverAppearsInTheConnectionDescription() {
        MqttConnectionOptions options = new MqttConnectionOptions("tcp://b:1883", "c", "lab", "s3cret", false,
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(options.toString()).contains("lab").doesNotContain("s3cret");
        assertThat(options.toPaho().getPassword()).containsExactly("s3cret".toCharArray());
    }
}
