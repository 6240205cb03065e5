package io.spikeline.connectors.mqtt.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Records written by a Flink job through the MQTT sink reach a plain Paho subscriber of a real broker. */
class MqttSinkTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path brokerDirectory;
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start(brokerDirectory);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private record Received(String topic, byte[] payload) { }

    @ParameterizedTest
    @EnumSource(MqttQos.class)
    void publishesEveryRecordToTheTopicOfItsKey(MqttQos qos) throws Exception {
        assumeTrue(qos != MqttQos.AT_MOST_ONCE || broker.forwardsEveryQos0Message(), broker + " may drop QoS 0 messages");
        String prefix = "sink-" + qos.level();
        Queue<Received> received = new ConcurrentLinkedQueue<>();
        MqttClient subscriber = new MqttClient(broker.uri(), "subscriber-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        subscriber.connect(options);
        subscriber.subscribe(prefix + "/decoded/#", 2, (topic, message) -> received.add(new Received(topic, message.getPayload())));
        try {
            SeededRandom random = new SeededRandom(11);
            List<SampleFrame> frames = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                frames.add(frame(random, i % 2 == 0 ? "probe-a" : "probe-b", i / 2));
            }
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.fromData(frames).rebalance()
                    .sinkTo(MqttSink.<SampleFrame>builder()
                            .setServerUri(broker.uri())
                            .setClientId("sink-" + prefix)
                            .setQos(qos)
                            .setSerializer(() -> RecordCodec.sampleFrames(SamplePacking.float32())::encode)
                            .setTopicSelector(MqttSink.topicPerKey(prefix + "/decoded/{key}", SampleFrame::sourceKey))
                            .build());
            env.execute("mqtt sink qos " + qos.level());

            Poll.until(DEADLINE, () -> received.size() >= frames.size(),
                    () -> frames.size() + " messages, have " + received.size());
            RecordCodec<SampleFrame, ?> codec = RecordCodec.sampleFrames(SamplePacking.float32());
            List<SampleFrame> decoded = new ArrayList<>();
            for (Received message : received) {
                SampleFrame frame = codec.decode(message.payload());
                assertThat(message.topic()).isEqualTo(prefix + "/decoded/" + frame.sourceKey());
                decoded.add(frame);
            }
            assertThat(decoded).containsExactlyInAnyOrderElementsOf(frames);
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    @Test
    void aKeyFillsItsTopicItsSlashesAddingLevelsButNoWildcard() {
        var selector = MqttSink.topicPerKey("spikeline/decoded/{key}", (String key) -> key);
        assertThat(selector.apply("implant-3")).isEqualTo("spikeline/decoded/implant-3");
        assertThat(MqttSink.topicFor("flows/{key}/class", "17/10.0.0.2:5353>10.0.0.1:53"))
                .isEqualTo("flows/17/10.0.0.2:5353>10.0.0.1:53/class");
        for (String bad : new String[] {"a+b", "+", "x/#", ""}) {
            assertThatThrownBy(() -> selector.apply(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> MqttSink.topicPerKey("spikeline/#", (String key) -> key))
                .hasMessageContaining("spikeline/#");
    }

    @Test
    void buildRejectsAMissingSerializerOrTopicSelector() {
        assertThatThrownBy(() -> MqttSink.<String>builder().setServerUri("tcp://localhost:1883").setClientId("c")
                .setTopicSelector(s -> "t").build()).hasMessageContaining("serializer");
        assertThatThrownBy(() -> MqttSink.<String>builder().setServerUri("tcp://localhost:1883").setClientId("c")
                .setSerializer(() -> String::getBytes).build()).hasMessageContaining("topic selector");
        assertThatThrownBy(() -> MqttSink.<String>builder().setServerUri("tcp://localhost:1883").setClientId("c")
                .setSerializer(() -> String::getBytes).setTopicSelector(s -> "t").setMaxInFlight(0).build())
                .hasMessageContaining("0");
    }

    private static SampleFrame frame(SeededRandom random, String key, int sequence) {
        int channels = 32;
        int samples = 30;
        float[] data = new float[channels * samples];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        return new SampleFrame(key, sequence, 1_000L * sequence, 30_000, channels, samples, data);
    }
}
