package io.spikeline.connectors.kafka;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.deadletter.DecodeOrDeadLetter;
import io.spikeline.connectors.types.RecordTypes;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Spikeline's Kafka sources and sinks. A job reads and writes like this:
 *
 * <pre>{@code
 * KafkaSettings kafka = KafkaSettings.from(config);
 * KafkaRecordType<SampleFrame> frames = KafkaRecordType.sampleFrames(SamplePacking.float32());
 * DecodedStream<SampleFrame> in = SpikelineKafka.read(env, SpikelineKafka.source(kafka).build(), frames, kafka);
 * in.records()...sinkTo(SpikelineKafka.sink(kafka, frames));
 * in.deadLetters().sinkTo(SpikelineKafka.deadLetterSink(kafka));
 * }</pre>
 */
public final class SpikelineKafka {
    private static final int PRODUCER_BATCH_BYTES = 1 << 20;
    private static final int PRODUCER_LINGER_MS = 5;

    private SpikelineKafka() {
    }

    /**
     * A source builder reading {@code topics} as {@link RawMessage}s, starting from the group's committed offsets
     * (the oldest message when it has none), reading only committed transactions. Set other starting offsets,
     * bounds or consumer properties on the builder before {@code build()}.
     */
    public static KafkaSourceBuilder<RawMessage> source(String bootstrapServers, List<String> topics, String groupId) {
        return KafkaSource.<RawMessage>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId + "-" + String.join("+", topics))
                .setDeserializer(new RawMessageDeserializer())
                .setStartingOffsets(StartingOffsets.COMMITTED_OR_EARLIEST.initializer())
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    /** A source builder for the settings' brokers, input topics, group and starting offsets. */
    public static KafkaSourceBuilder<RawMessage> source(KafkaSettings settings) {
        return source(settings.bootstrapServers(), settings.requireInputTopics(), settings.groupId())
                .setStartingOffsets(settings.startingOffsets().initializer());
    }

    /**
     * Reads {@code source} and decodes it as {@code type}, with the watermarks the settings configure.
     * The source itself emits no watermarks: record times are known only after decoding. The source's
     * operator id, under which savepoints keep its offsets, names the record type and the settings' input
     * topics, so one job can read several topics of one type.
     */
    public static <T> DecodedStream<T> read(StreamExecutionEnvironment env, KafkaSource<RawMessage> source,
                                            KafkaRecordType<T> type, KafkaSettings settings) {
        String name = type.name() + " from " + String.join(",", settings.inputTopics());
        DataStream<RawMessage> messages = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka " + name,
                        RecordTypes.RAW_MESSAGE)
                .uid("kafka-source " + name);
        return decode(messages, type, settings.maxOutOfOrderness(), settings.idleness());
    }

    /**
     * Decodes raw messages as {@code type}: records get their own event time as timestamp, and watermarks
     * that trail the newest time by {@code maxOutOfOrderness}; after {@code idleness} without records
     * ({@link Duration#ZERO}: never) a subtask stops holding event time back. Undecodable messages become
     * dead letters. Both steps are stateless, so they need no operator ids of their own.
     */
    public static <T> DecodedStream<T> decode(DataStream<RawMessage> messages, KafkaRecordType<T> type,
                                              Duration maxOutOfOrderness, Duration idleness) {
        SingleOutputStreamOperator<T> decoded = messages
                .process(new DecodeOrDeadLetter<>(type.codec()), type.type())
                .name("decode " + type.name());
        DataStream<T> records = decoded.assignTimestampsAndWatermarks(watermarks(type, maxOutOfOrderness, idleness))
                .name("event time " + type.name());
        return new DecodedStream<>(records, decoded.getSideOutput(DecodeOrDeadLetter.DEAD_LETTERS));
    }

    /**
     * Event time from each record's own time, watermarks trailing the newest time seen by
     * {@code maxOutOfOrderness}, and a subtask marked idle after {@code idleness} without records
     * ({@link Duration#ZERO}: never).
     */
    public static <T> WatermarkStrategy<T> watermarks(KafkaRecordType<T> type, Duration maxOutOfOrderness,
                                                      Duration idleness) {
        WatermarkStrategy<T> watermarks = WatermarkStrategy.<T>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner(type.eventTimeMs());
        return idleness.isZero() ? watermarks : watermarks.withIdleness(idleness);
    }

    /**
     * A sink writing {@code type} records to the settings' output topic with the settings' guarantee. A job
     * has at most one sink per topic (union the streams that go there): the transactional ids derive from it.
     */
    public static <T> KafkaSink<T> sink(KafkaSettings settings, KafkaRecordType<T> type) {
        return sinkBuilder(settings, type).build();
    }

    /** A dead-letter sink writing to the settings' dead-letter topic with the settings' guarantee. */
    public static KafkaSink<DeadLetter> deadLetterSink(KafkaSettings settings) {
        return deadLetterSinkBuilder(settings).build();
    }

    /** The builder behind {@link #sink}, to set further producer properties before {@code build()}. */
    public static <T> KafkaSinkBuilder<T> sinkBuilder(KafkaSettings settings, KafkaRecordType<T> type) {
        String topic = settings.requireOutputTopic();
        return sinkBuilder(settings, topic, new RecordSerializationSchema<>(topic, type.codec(), type.key()));
    }

    /** The builder behind {@link #deadLetterSink}, to set further producer properties before {@code build()}. */
    public static KafkaSinkBuilder<DeadLetter> deadLetterSinkBuilder(KafkaSettings settings) {
        String topic = settings.deadLetterTopic();
        return sinkBuilder(settings, topic, new DeadLetterSerializationSchema(topic));
    }

    /**
     * Transactional ids derive from the topic, so a job has one sink per topic (union the streams that go
     * there), and jobs writing one topic of one cluster need distinct prefixes. Records are blocks of tens
     * of kilobytes (a 384 × 30 sample frame is 46 kB), larger than the producer's default 16 kB batch, which
     * would make every record a request of its own: batches of {@value #PRODUCER_BATCH_BYTES} bytes gathered
     * for {@value #PRODUCER_LINGER_MS} ms let a request carry many.
     */
    private static <T> KafkaSinkBuilder<T> sinkBuilder(KafkaSettings settings, String topic,
                                                       KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(settings.deliveryGuarantee())
                .setTransactionalIdPrefix(settings.transactionalIdPrefix() + "-" + topic)
                .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                        Long.toString(settings.transactionTimeout().toMillis()))
                .setProperty(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(PRODUCER_BATCH_BYTES))
                .setProperty(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(PRODUCER_LINGER_MS));
    }
}
