package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.record.SampleFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job that fails once in the middle of its input, after a checkpoint and after passing more records to the
 * sink: the restart from that checkpoint replays those records, and a {@code read_committed} consumer still
 * sees every input record exactly once. (With {@code AT_LEAST_ONCE} the same job can deliver duplicates.)
 */
class KafkaExactlyOnceTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension
    static final MiniClusterExtension FLINK = KafkaJobs.miniCluster();

    private static final int FRAMES = 200;
    /** Records the failing map passes on after a completed checkpoint and before it fails: they are replayed. */
    private static final int RECORDS_AFTER_CHECKPOINT = 5;

    @Test
    void everyRecordArrivesExactlyOnceAcrossAFailureAndRestart() throws Exception {
        String input = EmbeddedKafka.uniqueTopic("frames-in");
        String output = EmbeddedKafka.uniqueTopic("frames-out");
        KAFKA.clients().createTopics(2, input, output);
        KafkaRecordType<SampleFrame> type = KafkaRecordType.sampleFrames(SamplePacking.float32());
        List<SampleFrame> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            float[] data = new float[4 * 8];
            data[i % data.length] = i;
            frames.add(new SampleFrame("probe-" + i % 3, i, 1_700_000_000_000_000L + i * 1000L, 8000, 4, 8, data));
        }
        KAFKA.clients().produce(KafkaJobs.encode(input, type, frames));

        KafkaSettings settings = KafkaJobs.settings(KAFKA, input, output, "unused", DeliveryGuarantee.EXACTLY_ONCE);
        StreamExecutionEnvironment env = KafkaJobs.environment();
        SpikelineKafka.read(env, KafkaJobs.boundedSource(settings), type, settings).records()
                .map(new FailOnceAfterCheckpoint(FRAMES / 2)).returns(RecordTypes.SAMPLE_FRAME)
                .sinkTo(SpikelineKafka.sink(settings, type));
        FailOnceAfterCheckpoint.reset();
        env.execute("exactly once across a failure");

        assertThat(FailOnceAfterCheckpoint.FAILED).as("the job failed once").isTrue();
        List<SampleFrame> delivered = KafkaJobs.decode(type, KAFKA.clients().readCommitted(output));
        assertThat(delivered).hasSize(FRAMES).containsExactlyInAnyOrderElementsOf(frames);
        // Per source key (one partition each) the order survives the restart too.
        for (int key = 0; key < 3; key++) {
            String sourceKey = "probe-" + key;
            assertThat(delivered.stream().filter(f -> f.sourceKey().equals(sourceKey)).mapToLong(SampleFrame::sequence))
                    .isSorted();
        }
    }

    /**
     * Passes records on; from record {@code failFrom} on it waits (slowly passing records) until a checkpoint
     * completes, passes {@value #RECORDS_AFTER_CHECKPOINT} more, then throws, once per test run.
     */
    static final class FailOnceAfterCheckpoint extends RichMapFunction<SampleFrame, SampleFrame>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        // Shared with the test through the JVM: the MiniCluster runs in it.
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private static final AtomicInteger PASSED_AFTER_CHECKPOINT = new AtomicInteger();
        private static final AtomicBoolean CHECKPOINTED_IN_SECOND_HALF = new AtomicBoolean();

        private final int failFrom;
        private int seen;

        FailOnceAfterCheckpoint(int failFrom) {
            this.failFrom = failFrom;
        }

        static void reset() {
            FAILED.set(false);
            PASSED_AFTER_CHECKPOINT.set(0);
            CHECKPOINTED_IN_SECOND_HALF.set(false);
        }

        @Override
        public SampleFrame map(SampleFrame frame) throws Exception {
            seen++;
            if (FAILED.get() || seen < failFrom) {
                return frame;
            }
            if (CHECKPOINTED_IN_SECOND_HALF.get()
                    && PASSED_AFTER_CHECKPOINT.incrementAndGet() > RECORDS_AFTER_CHECKPOINT) {
                FAILED.set(true);
                throw new IllegalStateException("injected failure after record " + seen);
            }
            // Slow down so that a checkpoint completes, and so that the doomed records leave the producer.
            Thread.sleep(20);
            return frame;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (seen >= failFrom) {
                CHECKPOINTED_IN_SECOND_HALF.set(true);
            }
        }
    }
}
