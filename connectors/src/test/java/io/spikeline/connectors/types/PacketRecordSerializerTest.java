package io.spikeline.connectors.types;

import io.spikeline.models.record.PacketRecord;
import org.apache.flink.api.common.typeutils.TypeSerializer;

class PacketRecordSerializerTest extends RecordSerializerTestBase<PacketRecord> {
    @Override
    protected TypeSerializer<PacketRecord> createSerializer() {
        return new PacketRecordSerializer();
    }

    @Override
    protected Class<PacketRecord> getTypeClass() {
        return PacketRecord.class;
    }

    @Override
    protected PacketRecord[] getTestData() {
        return RecordSamples.packetRecords();
    }
}
