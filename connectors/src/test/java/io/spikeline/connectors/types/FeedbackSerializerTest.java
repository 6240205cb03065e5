package io.spikeline.connectors.types;

import io.spikeline.models.record.Feedback;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class FeedbackSerializerTest extends RecordSerializerTestBase<Feedback> {
    @Override
    protected TypeSerializer<Feedback> createSerializer() {
        return new FeedbackSerializer();
    }

    @Override
    protected Class<Feedback> getTypeClass() {
        return Feedback.class;
    }

    @Override
    protected Feedback[] getTestData() {
        return RecordSamples.feedback();
    }
}
