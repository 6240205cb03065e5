package io.spikeline.connectors.kafka;

/** Kafka message timestamps are epoch milliseconds and never negative. */
final class KafkaTimestamps {
    private KafkaTimestamps() {
    }

    /** {@code timestampMs}, or {@code null} (the producer then stamps its own clock) when Kafka would reject it. */
    static Long orProducerTime(Long timestampMs) {
        return timestampMs == null || timestampMs < 0 ? null : timestampMs;
    }
}
