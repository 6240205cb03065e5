package io.spikeline.connectors.types;

import io.spikeline.models.record.Decoding;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Layout: key, event time, output vector, class id, confidence, ingest and emit wall times. */
public final class DecodingSerializer extends RecordSerializer<Decoding> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<Decoding> duplicate() {
        return new DecodingSerializer();
    }

    @Override
    public void serialize(Decoding record, DataOutputView out) throws IOException {
        StringValue.writeString(record.sourceKey(), out);
        out.writeLong(record.eventTimeUs());
        arrays().writeFloats(record.output(), out);
        out.writeInt(record.classId());
        out.writeFloat(record.confidence());
        out.writeLong(record.ingestWallTimeUs());
        out.writeLong(record.emitWallTimeUs());
    }

    @Override
    public Decoding deserialize(DataInputView in) throws IOException {
        return new Decoding(StringValue.readString(in), in.readLong(), arrays().readFloats(in), in.readInt(),
                in.readFloat(), in.readLong(), in.readLong());
    }

    @Override
    public TypeSerializerSnapshot<Decoding> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The versioned snapshot of {@link DecodingSerializer}. */
    public static final class Snapshot extends RecordSerializerSnapshot<Decoding> {
        public Snapshot() {
            super(DecodingSerializer::new);
        }
    }
}
