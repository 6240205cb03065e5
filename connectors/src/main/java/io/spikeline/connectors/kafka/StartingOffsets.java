package io.spikeline.connectors.kafka;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Where a source starts reading a partition when no checkpoint or savepoint says otherwise. */
public enum StartingOffsets {
    /** The oldest retained message. */
    EARLIEST,
    /** Only messages produced after the job starts. */
    LATEST,
    /** The consumer group's committed offset, or the oldest retained message when the group has none. */
    COMMITTED_OR_EARLIEST;

    /** The connector's initializer for this choice. */
    @SuppressWarnings("deprecation") // the connector takes only the deprecated OffsetResetStrategy
    public OffsetsInitializer initializer() {
        return switch (this) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED_OR_EARLIEST -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
