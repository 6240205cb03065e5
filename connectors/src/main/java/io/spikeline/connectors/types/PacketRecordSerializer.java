package io.spikeline.connectors.types;

import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Layout: capture time, flow (addresses, ports as unsigned shorts, protocol as a byte), bytes, wire length, label. */
public final class PacketRecordSerializer extends RecordSerializer<PacketRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<PacketRecord> duplicate() {
        return new PacketRecordSerializer();
    }

    @Override
    public void serialize(PacketRecord record, DataOutputView out) throws IOException {
        out.writeLong(record.captureTimeUs());
        FlowKey flow = record.flow();
        BulkArrays arrays = arrays();
        arrays.writeBytes(flow.sourceAddress(), out);
        arrays.writeBytes(flow.destinationAddress(), out);
        out.writeShort(flow.sourcePort());
        out.writeShort(flow.destinationPort());
        out.writeByte(flow.protocol());
        arrays.writeBytes(record.bytes(), out);
        out.writeInt(record.wireLength());
        out.writeInt(record.label());
    }

    @Override
    public PacketRecord deserialize(DataInputView in) throws IOException {
        long captureTimeUs = in.readLong();
        BulkArrays arrays = arrays();
        FlowKey flow = new FlowKey(arrays.readBytes(in), arrays.readBytes(in), in.readUnsignedShort(),
                in.readUnsignedShort(), in.readUnsignedByte());
        return new PacketRecord(captureTimeUs, flow, arrays.readBytes(in), in.readInt(), in.readInt());
    }

    @Override
    public TypeSerializerSnapshot<PacketRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The versioned snapshot of {@link PacketRecordSerializer}. */
    public static final class Snapshot extends RecordSerializerSnapshot<PacketRecord> {
        public Snapshot() {
            super(PacketRecordSerializer::new);
        }
    }
}
