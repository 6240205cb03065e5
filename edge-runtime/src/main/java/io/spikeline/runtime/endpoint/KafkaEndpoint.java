package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.kafka.KafkaOptions;
import io.spikeline.connectors.kafka.KafkaSettings;
import io.spikeline.connectors.kafka.StartingOffsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * A Kafka topic: {@code kafka://host[:port]/topic[?group=…&start=…&guarantee=…&transactional-id=…]}.
 *
 * @param url the URL as written
 * @param bootstrapServers the broker to bootstrap from, {@code host:port} (port 9092 unless given)
 * @param topic the topic read or written
 * @param group the consumer group of a source ({@code group}, default {@code spikeline})
 * @param startingOffsets where a source starts without a checkpoint ({@code start}: {@code earliest},
 *     {@code latest} or {@code committed}, the group's committed offset else the earliest; default committed)
 * @param guarantee a sink's delivery guarantee ({@code guarantee}: {@code exactly-once} (default),
 *     {@code at-least-once} or {@code none})
 * @param transactionalIdPrefix the prefix of an exactly-once sink's transactional ids ({@code transactional-id},
 *     default {@code spikeline}; jobs writing one topic of one cluster need distinct prefixes)
 */
public record KafkaEndpoint(String url, String bootstrapServers, String topic, String group,
                            StartingOffsets startingOffsets, DeliveryGuarantee guarantee,
                            String transactionalIdPrefix) implements Endpoint {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Map<String, StartingOffsets> STARTS = Map.of("earliest", StartingOffsets.EARLIEST,
            "latest", StartingOffsets.LATEST, "committed", StartingOffsets.COMMITTED_OR_EARLIEST);
    private static final Map<String, DeliveryGuarantee> GUARANTEES = Map.of("exactly-once",
            DeliveryGuarantee.EXACTLY_ONCE, "at-least-once", DeliveryGuarantee.AT_LEAST_ONCE, "none",
            DeliveryGuarantee.NONE);

    static KafkaEndpoint of(String url, UrlParts parts) {
        parts.allowOnly(Set.of("group", "start", "guarantee", "transactional-id"));
        List<String> authorityAndTopic = parts.authorityAndPath("kafka://host:port/topic");
        HostPort broker = HostPort.parse(authorityAndTopic.get(0), 9092, url);
        String topic = authorityAndTopic.get(1);
        if (topic.isEmpty()) {
            throw parts.problem("the topic is missing (expected kafka://host:port/topic)");
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw parts.problem("Kafka topic '" + topic + "' is invalid: 1 to 249 of a-z A-Z 0-9 . _ -");
        }
        return new KafkaEndpoint(url, broker.toString(), topic, parts.text("group", KafkaOptions.GROUP_ID.defaultValue()),
                parts.choice("start", STARTS, StartingOffsets.COMMITTED_OR_EARLIEST),
                parts.choice("guarantee", GUARANTEES, DeliveryGuarantee.EXACTLY_ONCE),
                parts.text("transactional-id", KafkaOptions.TRANSACTIONAL_ID_PREFIX.defaultValue()));
    }

    /**
     * The connectors' settings for this topic as input, output and dead-letter topic alike; transaction timeout and
     * watermarks take {@link KafkaOptions}' defaults.
     */
    public KafkaSettings settings() {
        return new KafkaSettings(bootstrapServers, List.of(topic), group, startingOffsets, topic, topic, guarantee,
                transactionalIdPrefix, KafkaOptions.TRANSACTION_TIMEOUT.defaultValue(),
                KafkaOptions.MAX_OUT_OF_ORDERNESS.defaultValue(), KafkaOptions.IDLENESS.defaultValue());
    }
}
