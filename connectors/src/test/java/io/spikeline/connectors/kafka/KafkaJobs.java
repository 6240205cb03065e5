package io.spikeline.connectors.kafka;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.wire.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the Kafka tests share: settings for a pair of topics, bounded sources, an environment, encoding. */
final class KafkaJobs {
    private KafkaJobs() {
    }

    static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    }

    static KafkaSettings settings(EmbeddedKafka kafka, String input, String output, String deadLetters,
                                  DeliveryGuarantee guarantee) {
        return new KafkaSettings(kafka.bootstrapServers(), List.of(input), "group-" + input,
                StartingOffsets.EARLIEST, output, deadLetters, guarantee, "tx-" + input, Duration.ofMinutes(1),
                Duration.ofMillis(50),
                Duration.ZERO);
    }

    /** A source of the settings that stops at the end offsets it finds when the job starts. */
    static KafkaSource<RawMessage> boundedSource(KafkaSettings settings) {
        return SpikelineKafka.source(settings).setBounded(OffsetsInitializer.latest()).build();
    }

    /** An environment that forbids Kryo, checkpoints every 200 ms and restarts a failed job quickly. */
    static StreamExecutionEnvironment environment() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(200);
        return env;
    }

    static <T> List<ProducerRecord<byte[], byte[]>> encode(String topic, KafkaRecordType<T> type, List<T> records) {
        RecordCodec<T, ?> codec = type.codec().get();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (T record : records) {
            out.add(new ProducerRecord<>(topic, type.key().apply(record).getBytes(StandardCharsets.UTF_8),
                    codec.encode(record)));
        }
        return out;
    }

    static <T> List<T> decode(KafkaRecordType<T> type, List<ConsumerRecord<byte[], byte[]>> messages) throws Exception {
        RecordCodec<T, ?> codec = type.codec().get();
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> message : messages) {
            out.add(codec.decode(message.value()));
        }
        return out;
    }
}
