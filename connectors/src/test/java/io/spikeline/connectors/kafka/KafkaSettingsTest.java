package io.spikeline.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void readsEveryOptionFromConfiguration() {
        Configuration config = new Configuration();
        config.setString("spikeline.kafka.bootstrap-servers", "a:9092,b:9092");
        config.setString("spikeline.kafka.input-topics", "probe.raw;eeg.raw");
        config.setString("spikeline.kafka.output-topic", "decoded");
        config.setString("spikeline.kafka.delivery-guarantee", "at-least-once");
        config.setString("spikeline.kafka.starting-offsets", "LATEST");
        config.setString("spikeline.kafka.watermark.idleness", "0 ms");
        config.setString("spikeline.kafka.transaction-timeout", "2 min");
        KafkaSettings settings = KafkaSettings.from(config);
        assertThat(settings.bootstrapServers()).isEqualTo("a:9092,b:9092");
        assertThat(settings.requireInputTopics()).containsExactly("probe.raw", "eeg.raw");
        assertThat(settings.requireOutputTopic()).isEqualTo("decoded");
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(settings.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
        assertThat(settings.idleness()).isZero();
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.groupId()).isEqualTo(KafkaOptions.GROUP_ID.defaultValue());
        assertThat(settings.deadLetterTopic()).isEqualTo(KafkaOptions.DEAD_LETTER_TOPIC.defaultValue());
    }

    @Test
    void missingOrInvalidSettingsFailNamingTheOption() {
        assertThatThrownBy(() -> KafkaSettings.from(new Configuration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spikeline.kafka.bootstrap-servers must be set");
        Configuration config = new Configuration();
        config.setString("spikeline.kafka.bootstrap-servers", "a:9092");
        KafkaSettings noTopics = KafkaSettings.from(config);
        assertThatThrownBy(noTopics::requireInputTopics).hasMessageContaining("spikeline.kafka.input-topics");
        assertThatThrownBy(noTopics::requireOutputTopic).hasMessageContaining("spikeline.kafka.output-topic");
        config.setString("spikeline.kafka.group-id", " ");
        assertThatThrownBy(() -> KafkaSettings.from(config)).hasMessageContaining("spikeline.kafka.group-id must not be blank");
        assertThatThrownBy(() -> new KafkaSettings("a:1", List.of("t"), "g", StartingOffsets.EARLIEST, null, "dl",
                DeliveryGuarantee.NONE, "tx", Duration.ofMinutes(1), Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("spikeline.kafka.watermark.max-out-of-orderness must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> new KafkaSettings("a:1", List.of("t"), "g", StartingOffsets.EARLIEST, null, "dl",
                DeliveryGuarantee.NONE, "tx", Duration.ofMillis(10), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("spikeline.kafka.transaction-timeout must be at least 1 s, was PT0.01S");
    }
}
