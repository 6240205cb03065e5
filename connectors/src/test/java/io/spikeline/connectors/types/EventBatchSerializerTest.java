package io.spikeline.connectors.types;

import io.spikeline.models.record.EventBatch;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class EventBatchSerializerTest extends RecordSerializerTestBase<EventBatch> {
    @Override
    protected TypeSerializer<EventBatch> createSerializer() {
        return new EventBatchSerializer();
    }

    @Override
    protected Class<EventBatch> getTypeClass() {
        return EventBatch.class;
    }

    @Override
    protected EventBatch[] getTestData() {
        return RecordSamples.eventBatches();
    }
}
