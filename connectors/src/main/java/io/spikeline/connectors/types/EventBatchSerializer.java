package io.spikeline.connectors.types;

import io.spikeline.models.record.EventBatch;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Layout: key, sequence, sensor width and height, then the columns timestamps, x, y, polarity. */
public final class EventBatchSerializer extends RecordSerializer<EventBatch> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<EventBatch> duplicate() {
        return new EventBatchSerializer();
    }

    @Override
    public void serialize(EventBatch record, DataOutputView out) throws IOException {
        StringValue.writeString(record.sourceKey(), out);
        out.writeLong(record.sequence());
        out.writeInt(record.width());
        out.writeInt(record.height());
        BulkArrays arrays = arrays();
        arrays.writeLongs(record.timestampsUs(), out);
        arrays.writeShorts(record.x(), out);
        arrays.writeShorts(record.y(), out);
        arrays.writeBytes(record.polarity(), out);
    }

    @Override
    public EventBatch deserialize(DataInputView in) throws IOException {
        String key = StringValue.readString(in);
        long sequence = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        BulkArrays arrays = arrays();
        return new EventBatch(key, sequence, width, height, arrays.readLongs(in), arrays.readShorts(in),
                arrays.readShorts(in), arrays.readBytes(in));
    }

    @Override
    public TypeSerializerSnapshot<EventBatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The versioned snapshot of {@link EventBatchSerializer}. */
    public static final class Snapshot extends RecordSerializerSnapshot<EventBatch> {
        public Snapshot() {
            super(EventBatchSerializer::new);
        }
    }
}
