package io.spikeline.integration.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.kafka.EmbeddedKafka;
import io.spikeline.connectors.kafka.KafkaTestClients;
import io.spikeline.integration.faults.ReachingPipeline.Answer;
import io.spikeline.integration.faults.ReachingPipeline.Input;
import io.spikeline.integration.faults.ReachingPipeline.Topics;
import io.spikeline.operators.snn.ModelSnapshot;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.BrokerServer;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into the broadband decoder over Kafka ({@link ReachingPipeline}: exactly-once in and out,
 * learning online) while it runs on a MiniCluster. After each, the committed decodings of every key equal those of
 * the same input through the same job run uninterrupted, bit for bit and in order (none lost, none duplicated), and
 * the models the keys export at the start of their last frame equal the uninterrupted run's.
 */
class KafkaFaultsTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** 2 s of signal per key. */
    private static final Input INPUT = Input.simulate(100);
    private static Map<String, List<Answer>> reference;
    private static Map<String, ModelSnapshot> referenceModels;

    @TempDir
    Path checkpoints;

    /**
     * Runs the input through the job uninterrupted, once per class. Not in a {@code @BeforeAll}: the MiniCluster
     * extension makes its cluster the jobs' environment only around each test.
     */
    private static void runUninterruptedOnce(MiniCluster cluster, Path checkpoints) throws Exception {
        if (reference != null) {
            return;
        }
        Topics topics = Topics.create(KAFKA.bootstrapServers(), "reference");
        INPUT.produce(KAFKA.bootstrapServers(), topics, 0, INPUT.batches() + 1);
        List<ModelSnapshot> exports;
        try (PipelineRun run = start(cluster, topics, 1, checkpoints, null)) {
            reference = ReachingPipeline.answers(awaitEnd(run, topics));
            exports = run.exports();
        }
        referenceModels = new HashMap<>();
        for (ModelSnapshot model : exports) {
            referenceModels.put(model.sourceKey(), model);
        }

        assertThat(reference).containsOnlyKeys(ReachingPipeline.KEYS);
        for (List<Answer> answers : reference.values()) {
            // About one decoding per frame.
            assertThat(answers).hasSizeBetween(INPUT.batches() - 1, INPUT.batches() + 1);
            assertThat(answers.stream().mapToLong(Answer::eventTimeUs)).isSorted().doesNotHaveDuplicates();
            // The readout starts from zero weights: decodings that move show that the decoder learned.
            assertThat(answers.stream().map(Answer::outputBits).distinct().count()).isGreaterThan(INPUT.batches() / 2);
        }
        assertThat(exports).as("one export per key").hasSize(ReachingPipeline.KEYS.size());
    }

    @Test
    void aTaskFailureMidStreamRestartsFromTheLastCheckpointWithoutLossOrDuplicates(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        runUninterruptedOnce(cluster, checkpoints.resolve("reference"));
        Topics topics = Topics.create(KAFKA.bootstrapServers(), "task-failure");
        int half = INPUT.batches() / 2;
        INPUT.produce(KAFKA.bootstrapServers(), topics, 0, half);
        try (PipelineRun run = start(cluster, topics, 1, checkpoints, null)) {
            // Once decodings of the first half are committed, a checkpoint holds the job in mid-stream.
            PipelineRun.awaitCommitted(clients(), topics.decodings(), referenceCount() / 4);
            FaultPoint.failAfter(referenceCount() / 8);
            INPUT.produce(KAFKA.bootstrapServers(), topics, half, INPUT.batches() + 1);
            Map<String, List<Answer>> answers = ReachingPipeline.answers(awaitEnd(run, topics));
            run.cancel();

            assertThat(FaultPoint.failed()).as("the injected failure happened").isTrue();
            assertSameAsReference(answers, run.exports());
        }
    }

    @Test
    void aCancelledJobResubmittedFromItsRetainedCheckpointContinuesWithoutLossOrDuplicates(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        runUninterruptedOnce(cluster, checkpoints.resolve("reference"));
        Topics topics = Topics.create(KAFKA.bootstrapServers(), "full-restart");
        INPUT.produce(KAFKA.bootstrapServers(), topics, 0, INPUT.batches() / 2);
        try (PipelineRun first = start(cluster, topics, 1, checkpoints.resolve("first"), null)) {
            PipelineRun.awaitCommitted(clients(), topics.decodings(), referenceCount() / 4);
            first.cancel();
            String checkpoint = first.retainedCheckpoint();

            INPUT.produce(KAFKA.bootstrapServers(), topics, INPUT.batches() / 2, INPUT.batches() + 1);
            try (PipelineRun second = start(cluster, topics, 1, checkpoints.resolve("second"), checkpoint)) {
                Map<String, List<Answer>> answers = ReachingPipeline.answers(awaitEnd(second, topics));
                second.cancel();

                assertThat(first.exports()).as("exports before the cancellation").isEmpty();
                assertSameAsReference(answers, second.exports());
            }
        }
    }

    @Test
    void stopWithSavepointAndResumeOnTwiceTheParallelismContinuesWithoutLossOrDuplicates(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        runUninterruptedOnce(cluster, checkpoints.resolve("reference"));
        Topics topics = Topics.create(KAFKA.bootstrapServers(), "rescale");
        INPUT.produce(KAFKA.bootstrapServers(), topics, 0, INPUT.batches() / 2);
        try (PipelineRun first = start(cluster, topics, 1, checkpoints.resolve("first"), null)) {
            PipelineRun.awaitCommitted(clients(), topics.decodings(), referenceCount() / 4);
            String savepoint = first.stopWithSavepoint(checkpoints.resolve("savepoints"));

            INPUT.produce(KAFKA.bootstrapServers(), topics, INPUT.batches() / 2, INPUT.batches() + 1);
            try (PipelineRun second = start(cluster, topics, 2, checkpoints.resolve("second"), savepoint)) {
                Map<String, List<Answer>> answers = ReachingPipeline.answers(awaitEnd(second, topics));
                assertThat(second.parallelismOf("snn decoder")).isEqualTo(2);
                second.cancel();

                assertThat(first.exports()).as("exports before the savepoint").isEmpty();
                assertSameAsReference(answers, second.exports());
            }
        }
    }

    @Test
    void aKafkaBrokerRestartMidStreamIsRecoveredWithoutLossOrDuplicates(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        runUninterruptedOnce(cluster, checkpoints.resolve("reference"));
        Topics topics = Topics.create(KAFKA.bootstrapServers(), "broker-restart");
        INPUT.produce(KAFKA.bootstrapServers(), topics, 0, INPUT.batches() / 2);
        try (PipelineRun run = start(cluster, topics, 1, checkpoints, null)) {
            PipelineRun.awaitCommitted(clients(), topics.decodings(), referenceCount() / 4);
            // The job is still taking in the second half, mid-transaction, when the broker goes away.
            INPUT.produce(KAFKA.bootstrapServers(), topics, INPUT.batches() / 2, INPUT.batches() + 1);
            restartBroker();
            Map<String, List<Answer>> answers = ReachingPipeline.answers(awaitEnd(run, topics));
            run.cancel();

            assertSameAsReference(answers, run.exports());
        }
    }

    /**
     * Stops the embedded broker for two seconds and starts it again on the same port and log directory (its KRaft
     * controller keeps running). {@link EmbeddedKafka} offers no restart, so its cluster is reached by reflection.
     */
    private static void restartBroker() throws Exception {
        Field field = EmbeddedKafka.class.getDeclaredField("cluster");
        field.setAccessible(true);
        KafkaClusterTestKit kafka = (KafkaClusterTestKit) field.get(KAFKA);
        for (BrokerServer broker : kafka.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
            // Down long enough for the job's clients to lose their connections and retry.
            Thread.sleep(2000);
            broker.startup();
        }
        kafka.waitForReadyBrokers();
    }

    private static void assertSameAsReference(Map<String, List<Answer>> answers, List<ModelSnapshot> exports) {
        assertThat(answers).containsOnlyKeys(reference.keySet());
        for (String key : reference.keySet()) {
            assertThat(answers.get(key)).as("decodings of %s", key).containsExactlyElementsOf(reference.get(key));
        }
        assertThat(exports).extracting(ModelSnapshot::sourceKey).containsAll(referenceModels.keySet());
        for (ModelSnapshot model : exports) {
            assertThat(model).as("model exported by %s", model.sourceKey())
                    .isEqualTo(referenceModels.get(model.sourceKey()));
        }
    }

    private static int referenceCount() {
        return reference.values().stream().mapToInt(List::size).sum();
    }

    private static PipelineRun start(MiniCluster cluster, Topics topics, int parallelism, Path checkpoints,
                                     String restorePath) throws Exception {
        return PipelineRun.start(cluster, parallelism, checkpoints, restorePath,
                (env, exports) -> ReachingPipeline.build(env, KAFKA.bootstrapServers(), topics, INPUT, exports));
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitEnd(PipelineRun run, Topics topics) throws Exception {
        return run.awaitEnd(clients(), topics.decodings(), ReachingPipeline.KEYS.size());
    }

    private static KafkaTestClients clients() {
        return KAFKA.clients();
    }
}
