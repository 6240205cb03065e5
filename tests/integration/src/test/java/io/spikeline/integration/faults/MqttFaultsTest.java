package io.spikeline.integration.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.kafka.KafkaTestClients;
import io.spikeline.connectors.kafka.SpikelineKafka;
import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.source.MqttSource;
import io.spikeline.connectors.mqtt.testing.CollectingSink;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.mqtt.testing.TestPublisher;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.integration.faults.ReachingPipeline.Answer;
import io.spikeline.integration.faults.ReachingPipeline.Input;
import io.spikeline.integration.faults.ReachingPipeline.Topics;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.operators.sideoutput.SequenceGap;
import io.spikeline.operators.signal.SignalOutputs;
import io.spikeline.operators.snn.ModelSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broadband decoder fed by MQTT (frames at QoS 1 on a persistent session, acknowledged on checkpoints) with its
 * feedback and its decodings on exactly-once Kafka, across a drop and restore of the MQTT broker (a real Mosquitto
 * when installed). MQTT at QoS 1 is at-least-once: the broker redelivers what the job received but had not yet
 * acknowledged. The band-pass filter drops a frame whose sequence number its key has passed (a duplicate), so the
 * decodings and learned models must still equal those of the same job without the drop: no frame lost (no gap in
 * any key's sequence), and every frame the filter dropped a redelivered copy of one already received.
 */
class MqttFaultsTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Input INPUT = Input.simulate(100);

    @TempDir
    static Path brokerDirectory;
    private static TestBroker broker;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start(brokerDirectory);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void anMqttBrokerDropLosesNoFrameAndOnlyRedeliveredCopiesAreDropped(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        Observed reference = run(cluster, "mqtt-steady", false);
        Observed dropped = run(cluster, "mqtt-drop", true);

        for (Observed run : List.of(reference, dropped)) {
            assertThat(run.gaps()).as("gaps in the frames").isEmpty();
            assertThat(run.received().keySet()).as("distinct frames received")
                    .containsExactlyInAnyOrderElementsOf(frameIds(INPUT.frames(0, INPUT.batches() + 1)));
            // A frame dropped as a duplicate was received more than once, and every copy beyond the first was dropped.
            Map<String, Long> dropsPerFrame = run.late().stream().map(MqttFaultsTest::frameId)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Map<String, Long> copiesPerFrame = new HashMap<>();
            run.received().forEach((id, copies) -> {
                if (copies > 1) {
                    copiesPerFrame.put(id, copies - 1);
                }
            });
            assertThat(dropsPerFrame).as("frames dropped as duplicates").isEqualTo(copiesPerFrame);
        }
        assertThat(dropped.answers()).containsOnlyKeys(ReachingPipeline.KEYS);
        for (String key : ReachingPipeline.KEYS) {
            assertThat(dropped.answers().get(key)).as("decodings of %s", key)
                    .containsExactlyElementsOf(reference.answers().get(key));
        }
        assertThat(dropped.exports()).containsExactlyInAnyOrderElementsOf(reference.exports());
    }

    /** What a run wrote and reported. {@code received}: how often each frame ({@link #frameId}) came in. */
    private record Observed(Map<String, List<Answer>> answers, List<ModelSnapshot> exports,
                            Map<String, Long> received, List<SampleFrame> late, List<SequenceGap> gaps) {
    }

    /**
     * Runs the job: the feedback goes to Kafka, the first half of the frames to MQTT; once a quarter of the
     * decodings is committed, the second half; with {@code drop}, the MQTT broker stops and starts again right
     * after, while the job is still taking in the second half.
     */
    private Observed run(MiniCluster cluster, String stem, boolean drop) throws Exception {
        Topics topics = Topics.create(KAFKA.bootstrapServers(), stem);
        ReachingPipeline.send(KAFKA.bootstrapServers(), ReachingPipeline.encode(topics.feedback(),
                ReachingPipeline.FEEDBACK, INPUT.feedback(0, INPUT.batches() + 1)));
        String prefix = stem + "-" + Long.toHexString(System.nanoTime());
        String clientId = "decoder-" + prefix;
        String filter = prefix + "/frames/#";
        openPersistentSession(clientId, filter);

        CollectingSink<String> received = new CollectingSink<>();
        CollectingSink<SampleFrame> late = new CollectingSink<>();
        CollectingSink<SequenceGap> gaps = new CollectingSink<>();
        try (PipelineRun run = PipelineRun.start(cluster, 1, checkpoints.resolve(stem), null, (env, exports) -> {
            MqttSource source = MqttSource.builder().setServerUri(broker.uri()).setClientId(clientId)
                    .setQos(MqttQos.AT_LEAST_ONCE).addTopicFilters(filter)
                    .setReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).build();
            DataStream<RawMessage> messages = env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt frames",
                    RecordTypes.RAW_MESSAGE).uid("mqtt frames");
            DataStream<SampleFrame> frames = SpikelineKafka.decode(messages, ReachingPipeline.FRAMES,
                    Duration.ofHours(1), Duration.ZERO).records();
            frames.map(MqttFaultsTest::frameId).returns(Types.STRING).sinkTo(received).name("received frames");
            SingleOutputStreamOperator<SampleFrame> bandPass =
                    ReachingPipeline.decode(env, KAFKA.bootstrapServers(), topics, INPUT, frames, exports);
            bandPass.getSideOutput(SignalOutputs.LATE_FRAMES).sinkTo(late).name("late frames");
            bandPass.getSideOutput(SignalOutputs.GAPS).sinkTo(gaps).name("gaps");
        })) {
            int half = INPUT.batches() / 2;
            publish(prefix, INPUT.frames(0, half));
            PipelineRun.awaitCommitted(clients(), topics.decodings(), ReachingPipeline.KEYS.size() * half / 2);
            publish(prefix, INPUT.frames(half, INPUT.batches() + 1));
            if (drop) {
                broker.stop();
                broker.start();
            }
            Map<String, List<Answer>> answers = ReachingPipeline.answers(
                    run.awaitEnd(clients(), topics.decodings(), ReachingPipeline.KEYS.size()));
            run.cancel();
            Map<String, Long> counts = received.results().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            return new Observed(answers, run.exports(), counts, late.results(), gaps.results());
        }
    }

    /**
     * Connects once as the job's client with a persistent session and subscribes, so that the broker queues every
     * frame published from then on for the job, however late its source connects.
     */
    private static void openPersistentSession(String clientId, String filter) throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        try (MqttClient client = new MqttClient(broker.uri(), clientId, new MemoryPersistence())) {
            client.connect(options);
            client.subscribe(filter, MqttQos.AT_LEAST_ONCE.level());
            client.disconnect();
        }
    }

    private static void publish(String prefix, List<SampleFrame> frames) throws Exception {
        RecordCodec<SampleFrame, ?> codec = ReachingPipeline.FRAMES.codec().get();
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
            for (SampleFrame frame : frames) {
                publisher.publish(prefix + "/frames/" + frame.sourceKey(), codec.encode(frame),
                        MqttQos.AT_LEAST_ONCE.level());
            }
        }
    }

    private static String frameId(SampleFrame frame) {
        return frame.sourceKey() + "#" + frame.sequence();
    }

    private static Set<String> frameIds(List<SampleFrame> frames) {
        return frames.stream().map(MqttFaultsTest::frameId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static KafkaTestClients clients() {
        return KAFKA.clients();
    }
}
