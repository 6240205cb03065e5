package io.spikeline.connectors.mqtt.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.testing.CollectingSink;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.mqtt.testing.TestPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The source rides out a broker restart: it reconnects with backoff and its persistent session resumes. */
class MqttSourceBrokerRestartTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    void reconnectsAfterABrokerRestartAndReceivesEverythingPublishedAfterIt(@TempDir Path directory) throws Exception {
        try (TestBroker broker = TestBroker.start(directory)) {
            String p = "restart";
            MqttSource source = MqttSourceTest.source(broker, p, MqttQos.AT_LEAST_ONCE, "data/#").build();
            StreamExecutionEnvironment env = MqttSourceTest.environment();
            CollectingSink<String> sink = new CollectingSink<>();
            env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt")
                    .map(MqttSourceTest::describe).returns(Types.STRING)
                    .sinkTo(sink);
            JobClient job = env.executeAsync("mqtt broker restart");
            try {
                try (TestPublisher publisher = new TestPublisher(broker.uri())) {
                    MqttSourceTest.awaitSubscribed(publisher, p + "/data/ready", sink);
                }
                List<String> before = publish(broker, p + "/data/before", 50);
                Poll.until(DEADLINE, () -> sink.results().containsAll(before), () -> "the messages before the restart");

                broker.stop();
                broker.start();

                List<String> after = publish(broker, p + "/data/after", 50);
                Poll.until(DEADLINE, () -> sink.results().containsAll(after),
                        () -> "the messages published after the restart; have " + sink.results().stream()
                                .filter(s -> s.contains("/after|")).count());
                assertThat(sink.results()).containsAll(before).containsAll(after);
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            } finally {
                job.cancel().get();
            }
        }
    }

    /** Publishes {@code count} QoS 1 messages on {@code topic}, returning them as the job describes them. */
    private static List<String> publish(TestBroker broker, String topic, int count) throws Exception {
        List<String> published = new ArrayList<>();
        try (TestPublisher publisher = new TestPublisher(broker.uri())) {
            for (int i = 0; i < count; i++) {
                publisher.publish(topic, ("m" + i).getBytes(UTF_8), 1);
                published.add(topic + "|m" + i);
            }
        }
        return published;
    }
}
