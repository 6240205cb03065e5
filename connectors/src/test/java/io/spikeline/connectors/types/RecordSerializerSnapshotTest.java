package io.spikeline.connectors.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.record.SampleFrame;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecordSerializerSnapshotTest {
    private static final List<RecordSerializer<?>> SERIALIZERS = List.of(new SampleFrameSerializer(),
            new EventBatchSerializer(), new SpikeBatchSerializer(), new PacketRecordSerializer(),
            new FeedbackSerializer(), new DecodingSerializer());

    @Test
    void everySnapshotRestoresItsSerializerAndIsCompatibleAsIsWithItself() throws IOException {
        for (RecordSerializer<?> serializer : SERIALIZERS) {
            assertRestoresCompatibly(serializer);
        }
    }

    private static <T> void assertRestoresCompatibly(TypeSerializer<T> serializer) throws IOException {
        TypeSerializerSnapshot<T> restored = writeAndRead(serializer.snapshotConfiguration());
        assertThat(restored).isInstanceOf(serializer.snapshotConfiguration().getClass());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer).isNotSameAs(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs())
                .as(serializer.getClass().getSimpleName()).isTrue();
    }

    @Test
    void anUnknownSnapshotVersionFailsLoudly() {
        for (RecordSerializer<?> serializer : SERIALIZERS) {
            TypeSerializerSnapshot<?> snapshot = serializer.snapshotConfiguration();
            int future = RecordSerializerSnapshot.CURRENT_VERSION + 1;
            assertThatThrownBy(() -> snapshot.readSnapshot(future, new DataInputDeserializer(new byte[0]),
                    getClass().getClassLoader()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("unknown serializer snapshot version " + future);
            assertThatThrownBy(() -> snapshot.readSnapshot(0, new DataInputDeserializer(new byte[0]),
                    getClass().getClassLoader()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("unknown serializer snapshot version 0");
        }
    }

    @Test
    void anUnknownVersionInAVersionedSnapshotFailsTheRestore() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, new SampleFrameSerializer.Snapshot());
        byte[] bytes = out.getCopyOfBuffer();
        // The version is the int right after the class name.
        bytes[bytes.length - 1] = 9;
        assertThatThrownBy(() -> TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(bytes),
                getClass().getClassLoader()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 9");
    }

    @Test
    void snapshotsOfDifferentRecordTypesAreIncompatible() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<SampleFrame> eventBatches = (TypeSerializerSnapshot) new EventBatchSerializer.Snapshot();
        assertThat(new SampleFrameSerializer.Snapshot().resolveSchemaCompatibility(eventBatches).isIncompatible())
                .isTrue();
    }

    private static <T> TypeSerializerSnapshot<T> writeAndRead(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                RecordSerializerSnapshotTest.class.getClassLoader());
    }
}
