package io.spikeline.connectors.kafka;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.connector.base.DeliveryGuarantee;

/** Configuration of Spikeline's Kafka sources and sinks; read them together with {@link KafkaSettings#from}. */
public final class KafkaOptions {

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = key("spikeline.kafka.bootstrap-servers")
            .stringType()
            .noDefaultValue()
            .withDescription("Comma-separated host:port pairs of the Kafka brokers to connect to. Required.");

    public static final ConfigOption<List<String>> INPUT_TOPICS = key("spikeline.kafka.input-topics")
            .stringType()
            .asList()
            .defaultValues()
            .withDescription("Topics the source reads (semicolon-separated). Required by sources.");

    public static final ConfigOption<String> GROUP_ID = key("spikeline.kafka.group-id")
            .stringType()
            .defaultValue("spikeline")
            .withDescription("Consumer group of the source. Offsets live in Flink checkpoints; the group's"
                    + " committed offsets serve monitoring and the COMMITTED_OR_EARLIEST starting position.");

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS = key("spikeline.kafka.starting-offsets")
            .enumType(StartingOffsets.class)
            .defaultValue(StartingOffsets.COMMITTED_OR_EARLIEST)
            .withDescription("Where the source starts when no checkpoint or savepoint gives its position.");

    public static final ConfigOption<String> OUTPUT_TOPIC = key("spikeline.kafka.output-topic")
            .stringType()
            .noDefaultValue()
            .withDescription("Topic the record sink writes. Required by record sinks.");

    public static final ConfigOption<String> DEAD_LETTER_TOPIC = key("spikeline.kafka.dead-letter-topic")
            .stringType()
            .defaultValue("spikeline.dead-letters")
            .withDescription("Topic receiving the raw bytes of messages that could not be decoded, with headers"
                    + " naming their origin, the reason and the decoder's explanation.");

    public static final ConfigOption<DeliveryGuarantee> DELIVERY_GUARANTEE = key("spikeline.kafka.delivery-guarantee")
            .enumType(DeliveryGuarantee.class)
            .defaultValue(DeliveryGuarantee.EXACTLY_ONCE)
            .withDescription("exactly-once writes in Kafka transactions committed with each checkpoint (consumers"
                    + " must read with isolation.level=read_committed; output appears once per checkpoint"
                    + " interval). at-least-once flushes on each checkpoint and may repeat records after a"
                    + " failure. none gives no guarantee.");

    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = key("spikeline.kafka.transactional-id-prefix")
            .stringType()
            .defaultValue("spikeline")
            .withDescription("Prefix of the transactional ids of exactly-once sinks; each sink appends its topic."
                    + " Must be unique per job among all jobs writing to the same Kafka cluster.");

    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = key("spikeline.kafka.transaction-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(15))
            .withDescription("Transaction timeout of exactly-once sinks. The broker aborts a transaction open"
                    + " longer than this, so it must exceed the longest expected checkpoint interval plus"
                    + " recovery time, and must not exceed the broker's transaction.max.timeout.ms (15 min by"
                    + " default; the connector's own default of 1 h is refused by a default broker).");

    public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS = key("spikeline.kafka.watermark.max-out-of-orderness")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("How far behind the newest record time seen the watermark trails, to admit records"
                    + " that arrive late (for example from another partition).");

    public static final ConfigOption<Duration> IDLENESS = key("spikeline.kafka.watermark.idleness")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .withDescription("After this long without records a source subtask is marked idle, so that a quiet"
                    + " partition does not hold back event time for the whole job. 0 disables idleness.");

    private KafkaOptions() {
    }
}
