package io.spikeline.runtime.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerUrlTest {

    @Test
    void partsAreReadAndPortsDefaultToEachProtocols() {
        assertThat(BrokerUrl.parse("kafka://broker.lan:19092/neural.raw"))
                .isEqualTo(new BrokerUrl(BrokerUrl.Scheme.KAFKA, "broker.lan", 19092, "neural.raw"));
        assertThat(BrokerUrl.parse("kafka://broker/t").port()).isEqualTo(9092);
        assertThat(BrokerUrl.parse("MQTT://broker/a/b").port()).isEqualTo(1883);
        assertThat(BrokerUrl.parse("mqtt://broker/a/b").topic()).isEqualTo("a/b");
    }

    @Test
    void ipv6HostsAreBracketed() {
        BrokerUrl url = BrokerUrl.parse("mqtt://[::1]:2883/x");
        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(2883);
        assertThat(url.hostPort()).isEqualTo("[::1]:2883");
        assertThat(url).hasToString("mqtt://[::1]:2883/x");
    }

    @Test
    void keyPlaceholderIsReplacedInMqttTopics() {
        BrokerUrl url = BrokerUrl.parse("mqtt://h:1/spikeline/{key}/raw");
        assertThat(url.topicFor("6/10.0.0.1:21>10.0.0.2:5000")).isEqualTo("spikeline/6/10.0.0.1:21>10.0.0.2:5000/raw");
        assertThat(BrokerUrl.parse("mqtt://h:1/fixed").topicFor("k")).isEqualTo("fixed");
    }

    @Test
    void anUnclosedIpv6BracketIsNamed() {
        assertThatThrownBy(() -> BrokerUrl.parse("kafka://[::1:9092/t")).hasMessageContaining("closing ]");
    }
}
