package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordSamples;
import io.spikeline.connectors.wire.SamplePacking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every record type through Kafka → Flink (decode, event time, re-encode) → Kafka, compared exactly. */
class KafkaRoundTripTest {
    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();
    @RegisterExtension
    static final MiniClusterExtension FLINK = KafkaJobs.miniCluster();

    /** One pipeline of the job: its topics and what it must deliver. */
    private record Pipeline<T>(KafkaRecordType<T> type, List<T> records, String output) {
    }

    @Test
    void everyRecordTypeComesOutAsItWentIn() throws Exception {
        StreamExecutionEnvironment env = KafkaJobs.environment();
        List<Pipeline<?>> pipelines = new ArrayList<>();
        pipelines.add(pipeline(env, KafkaRecordType.sampleFrames(SamplePacking.float32()), RecordSamples.sampleFrames()));
        pipelines.add(pipeline(env, KafkaRecordType.eventBatches(), RecordSamples.eventBatches()));
        pipelines.add(pipeline(env, KafkaRecordType.spikeBatches(), RecordSamples.spikeBatches()));
        pipelines.add(pipeline(env, KafkaRecordType.packets(), RecordSamples.packetRecords()));
        pipelines.add(pipeline(env, KafkaRecordType.feedback(), RecordSamples.feedback()));
        pipelines.add(pipeline(env, KafkaRecordType.decodings(), RecordSamples.decodings()));
        env.execute("round trip of every record type");

        for (Pipeline<?> pipeline : pipelines) {
            assertDelivered(pipeline);
        }
    }

    private static <T> Pipeline<T> pipeline(StreamExecutionEnvironment env, KafkaRecordType<T> type, T[] records)
            throws Exception {
        String input = EmbeddedKafka.uniqueTopic(type.name() + "-in");
        String output = EmbeddedKafka.uniqueTopic(type.name() + "-out");
        KAFKA.clients().createTopics(1, input, output);
        List<T> list = Arrays.asList(records);
        KAFKA.clients().produce(KafkaJobs.encode(input, type, list));
        KafkaSettings settings = KafkaJobs.settings(KAFKA, input, output, "unused", DeliveryGuarantee.AT_LEAST_ONCE);
        DecodedStream<T> decoded = SpikelineKafka.read(env, KafkaJobs.boundedSource(settings), type, settings);
        decoded.records().sinkTo(SpikelineKafka.sink(settings, type)).name("sink " + type.name());
        return new Pipeline<>(type, list, output);
    }

    private static <T> void assertDelivered(Pipeline<T> pipeline) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> messages = KAFKA.clients().readCommitted(pipeline.output());
        KafkaRecordType<T> type = pipeline.type();
        assertThat(KafkaJobs.decode(type, messages)).as(type.name()).containsExactlyElementsOf(pipeline.records());
        for (int i = 0; i < messages.size(); i++) {
            T record = pipeline.records().get(i);
            assertThat(new String(messages.get(i).key(), StandardCharsets.UTF_8)).isEqualTo(type.key().apply(record));
            // The output timestamp is the event time the decode step assigned, not the broker time of the input.
            long eventTimeMs = type.eventTimeMs().extractTimestamp(record, Long.MIN_VALUE);
            if (eventTimeMs >= 0) {
                assertThat(messages.get(i).timestamp()).as(type.name() + " #" + i).isEqualTo(eventTimeMs);
            }
        }
    }
}
