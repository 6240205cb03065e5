package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.record.SampleFrame;
import java.time.Duration;
import java.util.List;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** How jobs are assembled; what they do with a broker is in the tests with an embedded Kafka. */
class SpikelineKafkaTest {

    @Test
    void oneJobCanReadSeveralTopicsOfOneRecordTypeUnderDistinctSourceIds() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        KafkaRecordType<SampleFrame> frames = KafkaRecordType.sampleFrames(SamplePacking.int16(0.195f));
        KafkaSettings a = settings(List.of("probe-a"), "decoded");
        KafkaSettings b = settings(List.of("probe-b"), "decoded");
        DecodedStream<SampleFrame> fromA = SpikelineKafka.read(env, SpikelineKafka.source(a).build(), frames, a);
        DecodedStream<SampleFrame> fromB = SpikelineKafka.read(env, SpikelineKafka.source(b).build(), frames, b);
        // One sink per topic: the sinks' transactional ids derive from their topics.
        fromA.records().union(fromB.records()).sinkTo(SpikelineKafka.sink(a, frames));
        fromA.deadLetters().union(fromB.deadLetters()).sinkTo(SpikelineKafka.deadLetterSink(a));
        List<String> sourceIds = env.getStreamGraph().getStreamNodes().stream()
                .map(StreamNode::getTransformationUID).filter(uid -> uid != null && uid.startsWith("kafka-source"))
                .toList();
        assertThat(sourceIds).containsExactlyInAnyOrder("kafka-source SampleFrame from probe-a",
                "kafka-source SampleFrame from probe-b");
    }

    @Test
    void buildingASourceOrRecordSinkWithoutItsTopicsFailsNamingTheOption() {
        KafkaSettings noTopics = settings(List.of(), null);
        assertThatThrownBy(() -> SpikelineKafka.source(noTopics))
                .hasMessageContaining(KafkaOptions.INPUT_TOPICS.key());
        assertThatThrownBy(() -> SpikelineKafka.sink(noTopics, KafkaRecordType.feedback()))
                .hasMessageContaining(KafkaOptions.OUTPUT_TOPIC.key());
    }

    private static KafkaSettings settings(List<String> inputs, String output) {
        return new KafkaSettings("localhost:9092", inputs, "group", StartingOffsets.COMMITTED_OR_EARLIEST, output,
                "dead", DeliveryGuarantee.EXACTLY_ONCE, "tx", Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO);
    }
}
