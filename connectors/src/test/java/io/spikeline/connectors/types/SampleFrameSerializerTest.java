package io.spikeline.connectors.types;

import io.spikeline.models.record.SampleFrame;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class SampleFrameSerializerTest extends RecordSerializerTestBase<SampleFrame> {
    @Override
    protected TypeSerializer<SampleFrame> createSerializer() {
        return new SampleFrameSerializer();
    }

    @Override
    protected Class<SampleFrame> getTypeClass() {
        return SampleFrame.class;
    }

    @Override
    protected SampleFrame[] getTestData() {
        return RecordSamples.sampleFrames();
    }
}
