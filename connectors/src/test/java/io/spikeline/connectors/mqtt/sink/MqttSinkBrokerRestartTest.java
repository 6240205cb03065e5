package io.spikeline.connectors.mqtt.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sink's writer reconnects after a broker restart and publishes everything written around it. */
class MqttSinkBrokerRestartTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final CountDownLatch HALFWAY = new CountDownLatch(1);
    private static final CountDownLatch BROKER_RESTARTED = new CountDownLatch(1);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @Test
    void publishesEveryRecordAcrossABrokerRestart(@TempDir Path directory) throws Exception {
        try (TestBroker broker = TestBroker.start(directory)) {
            Queue<String> received = new ConcurrentLinkedQueue<>();
            // A persistent QoS 1 session that reconnects by itself: the broker queues what arrives while it is away.
            MqttClient subscriber = new MqttClient(broker.uri(), "restart-subscriber", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            subscriber.connect(options);
            subscriber.subscribe("out/#", 1, (topic, message) -> received.add(new String(message.getPayload(), UTF_8)));
            try {
                List<String> records = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    records.add("r" + i);
                }
                StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
                env.setParallelism(1);
                env.fromData(records)
                        .map(MqttSinkBrokerRestartTest::pauseHalfwayForTheRestart).returns(Types.STRING)
                        .sinkTo(MqttSink.<String>builder()
                                .setServerUri(broker.uri())
                                .setClientId("restart-sink")
                                .setQos(MqttQos.AT_LEAST_ONCE)
                                .setReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
                                .setSerializer(() -> record -> record.getBytes(UTF_8))
                                .setTopicSelector(record -> "out/records")
                                .build());
                JobClient job = env.executeAsync("mqtt sink broker restart");
                assertThat(HALFWAY.await(60, TimeUnit.SECONDS)).isTrue();
                broker.stop();
                broker.start();
                BROKER_RESTARTED.countDown();
                assertThat(job.getJobExecutionResult().get(60, TimeUnit.SECONDS)).isNotNull();
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);

                Poll.until(DEADLINE, () -> received.containsAll(records),
                        () -> "all 300 records; have " + received.stream().distinct().count());
                assertThat(received).containsAll(records);
            } finally {
                subscriber.disconnect();
                subscriber.close();
            }
        }
    }

    private static String pauseHalfwayForTheRestart(String record) throws InterruptedException {
        if (record.equals("r150")) {
            HALFWAY.countDown();
            if (!BROKER_RESTARTED.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker did not restart");
            }
        }
        return record;
    }
}
