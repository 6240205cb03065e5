package io.spikeline.connectors.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * The Kafka settings of a job, read from {@link KafkaOptions}. Sources need {@link #inputTopics} and record
 * sinks {@link #outputTopic}; each checks its own when it is built.
 *
 * @param outputTopic the record sinks' topic, or {@code null} for a job that writes no records
 * @param idleness {@link Duration#ZERO} to never mark a source idle
 */
public record KafkaSettings(String bootstrapServers, List<String> inputTopics, String groupId,
                            StartingOffsets startingOffsets, String outputTopic, String deadLetterTopic,
                            DeliveryGuarantee deliveryGuarantee, String transactionalIdPrefix,
                            Duration transactionTimeout, Duration maxOutOfOrderness, Duration idleness) {

    public KafkaSettings {
        requireText(KafkaOptions.BOOTSTRAP_SERVERS, bootstrapServers);
        inputTopics = List.copyOf(require(KafkaOptions.INPUT_TOPICS, inputTopics));
        for (String topic : inputTopics) {
            requireText(KafkaOptions.INPUT_TOPICS, topic);
        }
        requireText(KafkaOptions.GROUP_ID, groupId);
        require(KafkaOptions.STARTING_OFFSETS, startingOffsets);
        if (outputTopic != null) {
            requireText(KafkaOptions.OUTPUT_TOPIC, outputTopic);
        }
        requireText(KafkaOptions.DEAD_LETTER_TOPIC, deadLetterTopic);
        require(KafkaOptions.DELIVERY_GUARANTEE, deliveryGuarantee);
        requireText(KafkaOptions.TRANSACTIONAL_ID_PREFIX, transactionalIdPrefix);
        if (require(KafkaOptions.TRANSACTION_TIMEOUT, transactionTimeout).compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(KafkaOptions.TRANSACTION_TIMEOUT.key() + " must be at least 1 s, was "
                    + transactionTimeout);
        }
        requireNonNegative(KafkaOptions.MAX_OUT_OF_ORDERNESS, maxOutOfOrderness);
        requireNonNegative(KafkaOptions.IDLENESS, idleness);
    }

    /** The settings in {@code config}; fails naming the option when a required one is missing or invalid. */
    public static KafkaSettings from(ReadableConfig config) {
        return new KafkaSettings(config.get(KafkaOptions.BOOTSTRAP_SERVERS), config.get(KafkaOptions.INPUT_TOPICS),
                config.get(KafkaOptions.GROUP_ID), config.get(KafkaOptions.STARTING_OFFSETS),
                config.get(KafkaOptions.OUTPUT_TOPIC), config.get(KafkaOptions.DEAD_LETTER_TOPIC),
                config.get(KafkaOptions.DELIVERY_GUARANTEE), config.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX),
                config.get(KafkaOptions.TRANSACTION_TIMEOUT), config.get(KafkaOptions.MAX_OUT_OF_ORDERNESS), config.get(KafkaOptions.IDLENESS));
    }

    /** The output topic; fails naming the option when the job has none. */
    public String requireOutputTopic() {
        if (outputTopic == null) {
            throw new IllegalArgumentException(KafkaOptions.OUTPUT_TOPIC.key() + " must be set to build a record sink");
        }
        return outputTopic;
    }

    /** The input topics; fails naming the option when there are none. */
    public List<String> requireInputTopics() {
        if (inputTopics.isEmpty()) {
            throw new IllegalArgumentException(KafkaOptions.INPUT_TOPICS.key() + " must name at least one topic"
                    + " to build a source");
        }
        return inputTopics;
    }

    private static <T> T require(ConfigOption<?> option, T value) {
        if (value == null) {
            throw new IllegalArgumentException(option.key() + " must be set");
        }
        return value;
    }

    private static void requireText(ConfigOption<?> option, String value) {
        if (require(option, value).isBlank()) {
            throw new IllegalArgumentException(option.key() + " must not be blank, was '" + value + "'");
        }
    }

    private static void requireNonNegative(ConfigOption<Duration> option, Duration value) {
        if (require(option, value).isNegative()) {
            throw new IllegalArgumentException(option.key() + " must not be negative, was " + value);
        }
    }
}
