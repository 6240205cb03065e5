package io.spikeline.connectors.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.mqtt.sink.MqttSink;
import io.spikeline.connectors.mqtt.source.MqttSource;
import io.spikeline.connectors.mqtt.testing.CollectingSink;
import io.spikeline.connectors.mqtt.testing.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * Source and sink against the {@code eclipse-mosquitto:2} image, as deployed by docker-compose; skipped where no
 * Docker engine runs. One job publishes through the sink, another reads through the source.
 */
@Testcontainers(disabledWithoutDocker = true)
class MqttContainerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Container
    static final GenericContainer<?> MOSQUITTO = new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2"))
            .withExposedPorts(1883)
            .withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf");

    @Test
    void recordsPublishedByTheSinkArriveThroughTheSource() throws Exception {
        String uri = "tcp://" + MOSQUITTO.getHost() + ":" + MOSQUITTO.getMappedPort(1883);
        StreamExecutionEnvironment readEnv = StreamExecutionEnvironment.getExecutionEnvironment();
        readEnv.setParallelism(1);
        readEnv.enableCheckpointing(100);
        CollectingSink<String> received = new CollectingSink<>();
        readEnv.fromSource(MqttSource.builder().setServerUri(uri).setClientId("container-source")
                                .addTopicFilters("spikeline/decoded/+").build(),
                        WatermarkStrategy.noWatermarks(), "mqtt")
                .map(MqttContainerTest::describe).returns(Types.STRING)
                .sinkTo(received);
        JobClient reader = readEnv.executeAsync("mqtt container source");
        try {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                keys.add("implant-" + i);
            }
            // Retained messages reach the source even if it subscribes after they were published.
            StreamExecutionEnvironment writeEnv = StreamExecutionEnvironment.getExecutionEnvironment();
            writeEnv.setParallelism(1);
            writeEnv.fromData(keys)
                    .sinkTo(MqttSink.<String>builder().setServerUri(uri).setClientId("container-sink")
                            .setSerializer(() -> key -> key.getBytes(UTF_8))
                            .setTopicSelector(MqttSink.topicPerKey("spikeline/decoded/{key}", (String key) -> key))
                            .setRetained(true)
                            .build());
            writeEnv.execute("mqtt container sink");
            List<String> expected = keys.stream().map(k -> "spikeline/decoded/" + k + "|" + k).toList();
            Poll.until(DEADLINE, () -> received.results().containsAll(expected), () -> "all 50 records");
            assertThat(received.results()).containsAll(expected);
        } finally {
            reader.cancel().get();
        }
    }

    private static String describe(RawMessage message) {
        return message.topic() + "|" + new String(message.payload(), UTF_8);
    }
}
