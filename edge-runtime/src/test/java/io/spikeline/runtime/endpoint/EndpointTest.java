package io.spikeline.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.connectors.kafka.KafkaOptions;
import io.spikeline.connectors.kafka.KafkaSettings;
import io.spikeline.connectors.kafka.StartingOffsets;
import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.source.MqttAckMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void kafkaTakesItsBrokerTopicAndOptionsWithTheConnectorsDefaults() {
        KafkaEndpoint plain = (KafkaEndpoint) Endpoint.parse("kafka://broker.lan/neural.raw");
        assertThat(plain.bootstrapServers()).isEqualTo("broker.lan:9092");
        assertThat(plain.topic()).isEqualTo("neural.raw");
        assertThat(plain.group()).isEqualTo(KafkaOptions.GROUP_ID.defaultValue());
        assertThat(plain.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(plain.guarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(plain.bounded()).isFalse();

        KafkaEndpoint tuned = (KafkaEndpoint) Endpoint.parse(
                "kafka://[::1]:19092/out?group=lab-3&start=earliest&guarantee=at-least-once&transactional-id=bmi-a");
        assertThat(tuned.bootstrapServers()).isEqualTo("[::1]:19092");
        assertThat(tuned.group()).isEqualTo("lab-3");
        assertThat(tuned.startingOffsets()).isEqualTo(StartingOffsets.EARLIEST);
        assertThat(tuned.guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        KafkaSettings settings = tuned.settings();
        assertThat(settings.inputTopics()).containsExactly("out");
        assertThat(settings.outputTopic()).isEqualTo("out");
        assertThat(settings.deadLetterTopic()).isEqualTo("out");
        assertThat(settings.transactionalIdPrefix()).isEqualTo("bmi-a");
        assertThat(settings.groupId()).isEqualTo("lab-3");
    }

    @Test
    void mqttTakesFiltersForSourcesKeyTemplatesForSinksAndItsOptions() {
        MqttEndpoint filter = (MqttEndpoint) Endpoint.parse("mqtt://broker:2883/spikeline/eeg/#");
        assertThat(filter.serverUri()).isEqualTo("tcp://broker:2883");
        assertThat(filter.topic()).isEqualTo("spikeline/eeg/#");
        assertThat(filter.hasWildcards()).isTrue();
        assertThat(filter.qos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
        assertThat(filter.cleanSession()).isFalse();
        assertThat(filter.ackMode()).isNull();
        assertThat(filter.clientId()).isEqualTo("spikeline-spikeline-eeg-");

        MqttEndpoint sink = (MqttEndpoint) Endpoint.parse(
                "mqtts://broker/decoded/{key}?qos=2&client-id=bmi-7&clean-session=true&ack=emit");
        assertThat(sink.serverUri()).isEqualTo("ssl://broker:8883");
        assertThat(sink.topic()).isEqualTo("decoded/{key}");
        assertThat(sink.hasWildcards()).isFalse();
        assertThat(sink.qos()).isEqualTo(MqttQos.EXACTLY_ONCE);
        assertThat(sink.clientId()).isEqualTo("bmi-7");
        assertThat(sink.cleanSession()).isTrue();
        assertThat(sink.ackMode()).isEqualTo(MqttAckMode.ON_EMIT);
    }

    @Test
    void filesAreAbsoluteWithThreeSlashesOrRelative() {
        FileEndpoint absolute = (FileEndpoint) Endpoint.parse("file:///data/run 1/S001R01.edf");
        assertThat(absolute.path()).isEqualTo(Path.of("/data/run 1/S001R01.edf"));
        assertThat(absolute.bounded()).isTrue();
        assertThat(((FileEndpoint) Endpoint.parse("file://localhost/tmp/x.edf")).path()).isEqualTo(Path.of("/tmp/x.edf"));
        assertThat(((FileEndpoint) Endpoint.parse("file:out/decodings.jsonl")).path())
                .isEqualTo(Path.of("out/decodings.jsonl"));
    }

    @Test
    void simulatorsKeepTheirOptionsForTheApplicationToRead() {
        SimEndpoint sim = (SimEndpoint) Endpoint.parse("sim:reaching?channels=48&seed=7");
        assertThat(sim.simulator()).isEqualTo(SimEndpoint.Simulator.REACHING);
        assertThat(sim.options()).isEqualTo(Map.of("channels", "48", "seed", "7"));
        assertThat(sim.integer("channels", 96)).isEqualTo(48);
        assertThat(sim.integer("absent", 96)).isEqualTo(96);
        sim.allowOnly(Set.of("channels", "seed"));
        assertThatThrownBy(() -> sim.allowOnly(Set.of("seed")))
                .hasMessageContaining("unknown option [channels] in 'sim:reaching?channels=48&seed=7'")
                .hasMessageContaining("[seed]");
        assertThatThrownBy(() -> sim.require(SimEndpoint.Simulator.EEG))
                .hasMessageContaining("runs sim:eeg, not sim:reaching");
        assertThatThrownBy(() -> ((SimEndpoint) Endpoint.parse("sim:eeg?seed=x")).integer("seed", 1))
                .hasMessage("option seed=x in 'sim:eeg?seed=x' is not an integer");
    }

    @Test
    void everyMistakeIsNamedWithItsUrl() {
        List<String[]> cases = List.of(
                new String[] {"", "must not be empty"},
                new String[] {"broker:9092/topic", "'broker:9092/topic' has scheme 'broker'"},
                new String[] {"neural.raw", "'neural.raw' has no scheme"},
                new String[] {"http://h/t", "'http://h/t' has scheme 'http'"},
                new String[] {"kafka:/h/t", "'kafka:/h/t' is not kafka://host:port/topic"},
                new String[] {"kafka://h:9092", "'kafka://h:9092': the topic is missing"},
                new String[] {"kafka://h:9092/a/b", "Kafka topic 'a/b' is invalid"},
                new String[] {"kafka://h:x/t", "port 'x' in 'kafka://h:x/t' is not a number"},
                new String[] {"kafka://h:70000/t", "port must be 1..65535, was 70000 in 'kafka://h:70000/t'"},
                new String[] {"kafka://:9092/t", "host is missing in 'kafka://:9092/t'"},
                new String[] {"kafka://h/t?grop=x", "unknown option [grop] in 'kafka://h/t?grop=x'"},
                new String[] {"kafka://h/t?guarantee=twice",
                    "option guarantee=twice in 'kafka://h/t?guarantee=twice' must be one of [at-least-once, "
                        + "exactly-once, none]"},
                new String[] {"kafka://h/t?group=a&group=b", "option 'group' is given twice"},
                new String[] {"kafka://h/t?group", "option 'group' in 'kafka://h/t?group' is not name=value"},
                new String[] {"kafka://h/t?group=", "option group in 'kafka://h/t?group=' is empty"},
                new String[] {"mqtt://h/a/#/b", "MQTT topic 'a/#/b' is invalid"},
                new String[] {"mqtt://h/t?qos=3", "option qos=3 in 'mqtt://h/t?qos=3' must be one of [0, 1, 2]"},
                new String[] {"mqtt://h/t?clean-session=yes", "must be one of [false, true]"},
                new String[] {"file://server/share/x.edf", "not host 'server'"},
                new String[] {"file:", "'file:': the path is missing"},
                new String[] {"file:///x.edf?speed=2", "unknown option [speed] in 'file:///x.edf?speed=2': it takes none"},
                new String[] {"sim:walking", "'sim:walking': unknown simulator 'walking'"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> Endpoint.parse(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1]);
        }
    }
}
