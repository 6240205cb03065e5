package io.spikeline.connectors.types;

import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Layout: key, sequence, first-sample time, rate, channels, samples, then the samples as one float array. */
public final class SampleFrameSerializer extends RecordSerializer<SampleFrame> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<SampleFrame> duplicate() {
        return new SampleFrameSerializer();
    }

    @Override
    public void serialize(SampleFrame record, DataOutputView out) throws IOException {
        StringValue.writeString(record.sourceKey(), out);
        out.writeLong(record.sequence());
        out.writeLong(record.firstSampleTimeUs());
        out.writeDouble(record.sampleRateHz());
        out.writeInt(record.channelCount());
        out.writeInt(record.sampleCount());
        arrays().writeFloats(record.data(), out);
    }

    @Override
    public SampleFrame deserialize(DataInputView in) throws IOException {
        return new SampleFrame(StringValue.readString(in), in.readLong(), in.readLong(), in.readDouble(), in.readInt(),
                in.readInt(), arrays().readFloats(in));
    }

    @Override
    public TypeSerializerSnapshot<SampleFrame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The versioned snapshot of {@link SampleFrameSerializer}. */
    public static final class Snapshot extends RecordSerializerSnapshot<SampleFrame> {
        public Snapshot() {
            super(SampleFrameSerializer::new);
        }
    }
}
