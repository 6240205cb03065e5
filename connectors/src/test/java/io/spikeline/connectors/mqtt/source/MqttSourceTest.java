package io.spikeline.connectors.mqtt.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.deadletter.DecodeOrDeadLetter;
import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.testing.CollectingSink;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.mqtt.testing.TestPublisher;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The MQTT source against a real broker, in Flink jobs on a MiniCluster. */
class MqttSourceTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

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

    /** A topic prefix and client id of their own for each test, so persistent sessions never cross tests. */
    private static String uniquePrefix() {
        return "t" + TEST_NUMBER.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    static MqttSourceBuilder source(TestBroker broker, String prefix, MqttQos qos, String... filters) {
        MqttSourceBuilder builder = MqttSource.builder()
                .setServerUri(broker.uri())
                .setClientId("source-" + prefix)
                .setQos(qos)
                .setReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
        for (String filter : filters) {
            builder.addTopicFilters(prefix + "/" + filter);
        }
        return builder;
    }

    static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        return env;
    }

    /**
     * Publishes a marker on {@code markerTopic} until one comes out of the job: then the job's subscription is
     * in place and nothing published afterwards can be missed.
     */
    static void awaitSubscribed(TestPublisher publisher, String markerTopic, CollectingSink<String> sink) {
        Poll.until(DEADLINE, () -> {
            try {
                publisher.publish(markerTopic, "marker".getBytes(UTF_8), 1);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return sink.results().stream().anyMatch(s -> s.endsWith("|marker"));
        }, () -> "the source to subscribe");
    }

    static String describe(RawMessage message) {
        return message.topic() + "|" + new String(message.payload(), UTF_8);
    }

    @ParameterizedTest
    @EnumSource(MqttQos.class)
    void deliversEveryMessageOfTheMatchingTopicsAndNoOther(MqttQos qos) throws Exception {
        String p = uniquePrefix();
        MqttSource source = source(broker, p, qos, "sensors/+/frames", "alarms/#").build();
        StreamExecutionEnvironment env = environment();
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt")
                .map(MqttSourceTest::describe).returns(Types.STRING)
                .sinkTo(sink);
        JobClient job = env.executeAsync("mqtt source qos " + qos.level());
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
            awaitSubscribed(publisher, p + "/alarms/ready", sink);
            List<String> matching = List.of(p + "/sensors/a/frames", p + "/sensors/b/frames", p + "/alarms",
                    p + "/alarms/x/y");
            List<String> other = List.of(p + "/sensors/a/other", p + "/sensors/a/b/frames", p + "/other", "elsewhere/alarms");
            int perTopic = 100;
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perTopic; i++) {
                for (String topic : matching) {
                    publisher.publish(topic, ("m" + i).getBytes(UTF_8), qos.level());
                    expected.add(topic + "|m" + i);
                }
                for (String topic : other) {
                    publisher.publish(topic, ("m" + i).getBytes(UTF_8), qos.level());
                }
            }
            publisher.publish(p + "/alarms/end", "end".getBytes(UTF_8), 1);
            Poll.until(DEADLINE, () -> sink.results().contains(p + "/alarms/end|end"),
                    () -> "the end marker after " + sink.size() + " messages");
            Poll.until(DEADLINE, () -> data(sink.results()).size() >= expected.size(),
                    () -> expected.size() + " messages, have " + data(sink.results()).size());

            List<String> received = data(sink.results());
            assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            job.cancel().get();
        }
    }

    /** With a shared subscription group the broker hands each message to exactly one of the readers. */
    @Test
    void aSharedSubscriptionSpreadsMessagesOverTheReadersOnce() throws Exception {
        assumeTrue(broker.supportsSharedSubscriptions(), broker + " has no shared subscriptions");
        String p = uniquePrefix();
        MqttSource source = source(broker, p, MqttQos.AT_LEAST_ONCE, "shared/#").setSharedSubscriptionGroup("readers").build();
        StreamExecutionEnvironment env = environment();
        env.setParallelism(2);
        CollectingSink<String> sink = new CollectingSink<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt")
                .map(new RichMapFunction<RawMessage, String>() {
                    @Override
                    public String map(RawMessage message) {
                        return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + ":" + describe(message);
                    }
                })
                .sinkTo(sink);
        JobClient job = env.executeAsync("mqtt shared subscription");
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
            Poll.until(DEADLINE, () -> {
                try {
                    publisher.publish(p + "/shared/ready", "marker".getBytes(UTF_8), 1);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return readers(sink.results()).size() == 2;
            }, () -> "both readers to subscribe");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                publisher.publish(p + "/shared/data", ("m" + i).getBytes(UTF_8), 1);
                expected.add(p + "/shared/data|m" + i);
            }
            Poll.until(DEADLINE, () -> dataOfAllReaders(sink.results()).size() >= expected.size(),
                    () -> "200 messages, have " + dataOfAllReaders(sink.results()).size());
            assertThat(dataOfAllReaders(sink.results())).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            job.cancel().get();
        }
    }

    private static Set<String> readers(List<String> results) {
        Set<String> readers = new HashSet<>();
        for (String result : results) {
            readers.add(result.substring(0, result.indexOf(':')));
        }
        return readers;
    }

    private static List<String> dataOfAllReaders(List<String> results) {
        return data(results.stream().map(r -> r.substring(r.indexOf(':') + 1)).toList());
    }

    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    /**
     * A task failure in mid-stream: the restarted reader resumes the persistent session of its split's client
     * id, and the broker redelivers every message whose acknowledgement waited for a checkpoint that never
     * completed, so nothing published is missing downstream (duplicates are allowed: at-least-once).
     */
    @Test
    void aFailedJobResumesItsSessionAndLosesNoMessage() throws Exception {
        String p = uniquePrefix();
        MqttSource source = source(broker, p, MqttQos.AT_LEAST_ONCE, "data/#").build();
        StreamExecutionEnvironment env = environment();
        Configuration restart = new Configuration();
        restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(restart);
        CollectingSink<String> sink = new CollectingSink<>();
        FAILED_ONCE.set(false);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt")
                .map(MqttSourceTest::describe).returns(Types.STRING)
                .map(MqttSourceTest::failOnceAtMessage150).returns(Types.STRING)
                // In a separate task, so that the source has emitted past the failing message when it fails.
                .disableChaining()
                .sinkTo(sink);
        JobClient job = env.executeAsync("mqtt source failover");
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
            awaitSubscribed(publisher, p + "/data/ready", sink);
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                publisher.publish(p + "/data/stream", ("m" + i).getBytes(UTF_8), 1);
                published.add(p + "/data/stream|m" + i);
            }
            Poll.until(DEADLINE, () -> FAILED_ONCE.get() && sink.results().containsAll(published),
                    () -> "all 300 messages across the failure; have " + data(sink.results()).size());
            assertThat(FAILED_ONCE).isTrue();
        } finally {
            job.cancel().get();
        }
    }

    private static String failOnceAtMessage150(String message) {
        if (message.endsWith("|m150") && FAILED_ONCE.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure at " + message);
        }
        return message;
    }

    private static List<String> data(List<String> results) {
        return results.stream().filter(s -> !s.endsWith("|marker") && !s.endsWith("|end")).toList();
    }

    @Test
    void corruptMessagesBecomeDeadLettersWhileEveryGoodFrameArrives() throws Exception {
        String p = uniquePrefix();
        MqttSource source = source(broker, p, MqttQos.AT_LEAST_ONCE, "probe/#").build();
        StreamExecutionEnvironment env = environment();
        CollectingSink<String> markers = new CollectingSink<>();
        CollectingSink<SampleFrame> frames = new CollectingSink<>();
        CollectingSink<String> deadLetters = new CollectingSink<>();
        DataStream<RawMessage> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt");
        raw.filter(m -> m.topic().endsWith("/ready")).map(MqttSourceTest::describe).returns(Types.STRING).sinkTo(markers);
        SingleOutputStreamOperator<SampleFrame> decoded = raw.filter(m -> !m.topic().endsWith("/ready"))
                .process(new DecodeOrDeadLetter<SampleFrame>(() -> RecordCodec.sampleFrames(SamplePacking.float32())))
                .returns(SampleFrame.class);
        decoded.sinkTo(frames);
        decoded.getSideOutput(DecodeOrDeadLetter.DEAD_LETTERS)
                .map(MqttSourceTest::deadLetterSummary).returns(Types.STRING)
                .sinkTo(deadLetters);
        JobClient job = env.executeAsync("mqtt dead letters");
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
            awaitSubscribed(publisher, p + "/probe/ready", markers);
            RecordCodec<SampleFrame, ?> codec = RecordCodec.sampleFrames(SamplePacking.float32());
            SeededRandom random = new SeededRandom(7);
            List<SampleFrame> good = new ArrayList<>();
            int corrupt = 0;
            Set<String> corruptTags = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                SampleFrame frame = frame(random, good.size());
                byte[] message = codec.encode(frame);
                if (i % 5 == 0) {
                    good.add(frame);
                    publisher.publish(p + "/probe/good", message, 1);
                } else {
                    byte[] bad = corrupt(message, i % 4, random);
                    corruptTags.add("bad-" + i);
                    publisher.publish(p + "/probe/bad-" + i, bad, 1);
                    corrupt++;
                }
            }
            int expectedDead = corrupt;
            Poll.until(DEADLINE, () -> frames.size() >= good.size() && deadLetters.size() >= expectedDead,
                    () -> good.size() + " frames and " + expectedDead + " dead letters, have " + frames.size()
                            + " and " + deadLetters.size());
            assertThat(frames.results()).containsExactlyInAnyOrderElementsOf(good);
            assertThat(deadLetters.results()).hasSize(expectedDead)
                    .allSatisfy(summary -> assertThat(corruptTags).contains(summary.substring(0, summary.indexOf(' '))));

            SampleFrame after = frame(random, good.size());
            publisher.publish(p + "/probe/good", codec.encode(after), 1);
            Poll.until(DEADLINE, () -> frames.results().contains(after), () -> "a frame published after the flood");
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    private static String deadLetterSummary(DeadLetter letter) {
        String topic = letter.message().topic();
        return topic.substring(topic.lastIndexOf('/') + 1) + " " + letter.reason();
    }

    private static SampleFrame frame(SeededRandom random, int sequence) {
        int channels = 384;
        int samples = 30;
        float[] data = new float[channels * samples];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (40 * random.nextGaussian());
        }
        return new SampleFrame("probe-1", sequence, 1_000L * sequence, 30_000, channels, samples, data);
    }

    /** Four ways a message breaks: garbage without the header, truncation, a foreign fingerprint, nothing. */
    private static byte[] corrupt(byte[] message, int kind, SeededRandom random) {
        return switch (kind) {
            case 0 -> {
                byte[] garbage = new byte[1 + random.nextInt(200)];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = (byte) random.nextInt(256);
                }
                garbage[0] = 0x42;
                yield garbage;
            }
            case 1 -> Arrays.copyOf(message, message.length / 2);
            case 2 -> {
                byte[] foreign = message.clone();
                foreign[5] ^= 0x5A;
                yield foreign;
            }
            default -> new byte[0];
        };
    }
}
