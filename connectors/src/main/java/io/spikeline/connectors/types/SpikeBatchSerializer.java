package io.spikeline.connectors.types;

import io.spikeline.models.record.SpikeBatch;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Layout: key, sequence, start time, bin width, channels, bins, then the CSR bin offsets and channel indices. */
public final class SpikeBatchSerializer extends RecordSerializer<SpikeBatch> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<SpikeBatch> duplicate() {
        return new SpikeBatchSerializer();
    }

    @Override
    public void serialize(SpikeBatch record, DataOutputView out) throws IOException {
        StringValue.writeString(record.sourceKey(), out);
        out.writeLong(record.sequence());
        out.writeLong(record.startTimeUs());
        out.writeLong(record.binWidthUs());
        out.writeInt(record.channelCount());
        out.writeInt(record.binCount());
        arrays().writeInts(record.binOffsets(), out);
        arrays().writeInts(record.channelIndices(), out);
    }

    @Override
    public SpikeBatch deserialize(DataInputView in) throws IOException {
        return new SpikeBatch(StringValue.readString(in), in.readLong(), in.readLong(), in.readLong(), in.readInt(),
                in.readInt(), arrays().readInts(in), arrays().readInts(in));
    }

    @Override
    public TypeSerializerSnapshot<SpikeBatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The versioned snapshot of {@link SpikeBatchSerializer}. */
    public static final class Snapshot extends RecordSerializerSnapshot<SpikeBatch> {
        public Snapshot() {
            super(SpikeBatchSerializer::new);
        }
    }
}
