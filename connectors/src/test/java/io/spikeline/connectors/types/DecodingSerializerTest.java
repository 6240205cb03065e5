package io.spikeline.connectors.types;

import io.spikeline.models.record.Decoding;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class DecodingSerializerTest extends RecordSerializerTestBase<Decoding> {
    @Override
    protected TypeSerializer<Decoding> createSerializer() {
        return new DecodingSerializer();
    }

    @Override
    protected Class<Decoding> getTypeClass() {
        return Decoding.class;
    }

    @Override
    protected Decoding[] getTestData() {
        return RecordSamples.decodings();
    }
}
