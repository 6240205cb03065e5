package io.spikeline.connectors.types;

import io.spikeline.models.record.SpikeBatch;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class SpikeBatchSerializerTest extends RecordSerializerTestBase<SpikeBatch> {
    @Override
    protected TypeSerializer<SpikeBatch> createSerializer() {
        return new SpikeBatchSerializer();
    }

    @Override
    protected Class<SpikeBatch> getTypeClass() {
        return SpikeBatch.class;
    }

    @Override
    protected SpikeBatch[] getTestData() {
        return RecordSamples.spikeBatches();
    }
}
