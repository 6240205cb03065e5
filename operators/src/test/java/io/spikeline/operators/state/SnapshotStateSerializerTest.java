package io.spikeline.operators.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.filter.SosFilter;
import io.spikeline.models.filter.design.BesselDesign;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SnapshotStateSerializerTest {

    private static SnapshotStateSerializer<SosFilter> filters(int channels) {
        return new SnapshotStateSerializer<>(SosFilter.class,
                () -> new SosFilter(BesselDesign.bandpass(4, 300, 3000, 30_000, BesselNorm.PHASE).sos(), channels));
    }

    private static SosFilter warmed(SnapshotStateSerializer<SosFilter> serializer) {
        SosFilter filter = serializer.createInstance();
        SeededRandom random = new SeededRandom(5);
        float[] block = new float[4 * 300];
        for (int i = 0; i < block.length; i++) {
            block[i] = (float) random.nextGaussian();
        }
        filter.filter(block);
        return filter;
    }

    @Test
    void stateRoundTripsAndCopiesThroughItsSnapshot() throws IOException {
        SnapshotStateSerializer<SosFilter> serializer = filters(4);
        SosFilter filter = warmed(serializer);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(filter, out);
        SosFilter restored = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(SnapshotStateSerializer.sameState(restored, filter)).isTrue();
        assertThat(SnapshotStateSerializer.sameState(serializer.copy(filter), filter)).isTrue();
        assertThat(SnapshotStateSerializer.sameState(serializer.createInstance(), filter)).isFalse();
    }

    @Test
    void theSerializerSnapshotRestoresAWorkingSerializerAndIsCompatibleWithItself() throws IOException {
        SnapshotStateSerializer<SosFilter> serializer = filters(4);
        SosFilter filter = warmed(serializer);
        DataOutputSerializer state = new DataOutputSerializer(256);
        serializer.serialize(filter, state);

        DataOutputSerializer config = new DataOutputSerializer(256);
        TypeSerializerSnapshot<SosFilter> written = serializer.snapshotConfiguration();
        written.writeSnapshot(config);
        TypeSerializerSnapshot<SosFilter> read = new SnapshotStateSerializer.Snapshot<>();
        read.readSnapshot(written.getCurrentVersion(), new DataInputDeserializer(config.getCopyOfBuffer()),
                getClass().getClassLoader());
        TypeSerializer<SosFilter> restoredSerializer = read.restoreSerializer();
        SosFilter restored = restoredSerializer.deserialize(new DataInputDeserializer(state.getCopyOfBuffer()));
        assertThat(SnapshotStateSerializer.sameState(restored, filter)).isTrue();
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
        assertThatThrownBy(() -> new SnapshotStateSerializer.Snapshot<SosFilter>().readSnapshot(2,
                new DataInputDeserializer(config.getCopyOfBuffer()), getClass().getClassLoader()))
                .hasMessageContaining("version 2");
    }

    @Test
    void stateOfAnotherShapeFailsToRestoreWithTheDifferenceNamed() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        filters(4).serialize(warmed(filters(4)), out);
        assertThatThrownBy(() -> filters(8).deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .hasMessageContaining("channel");
    }

    @Test
    void theSerialisedFormIsTheLengthThenTheModelsSnapshotBytes() throws IOException {
        SnapshotStateSerializer<SosFilter> serializer = filters(4);
        SosFilter filter = warmed(serializer);
        byte[] snapshot = Snapshots.toBytes(filter);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(filter, out);
        DataOutputSerializer expected = new DataOutputSerializer(256);
        expected.writeInt(snapshot.length);
        expected.write(snapshot);
        assertThat(out.getCopyOfBuffer()).isEqualTo(expected.getCopyOfBuffer());
        // A duplicate has its own buffer: serialising through one leaves what the other wrote intact.
        TypeSerializer<SosFilter> duplicate = serializer.duplicate();
        assertThat(duplicate).isNotSameAs(serializer).isEqualTo(serializer);
        assertThat(SnapshotStateSerializer.sameState(duplicate.copy(filter), filter)).isTrue();
    }

    @Test
    void aSnapshotWithBytesLeftOverFailsToRestore() throws IOException {
        byte[] snapshot = Snapshots.toBytes(warmed(filters(4)));
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(snapshot.length + 3);
        out.write(snapshot);
        out.write(new byte[3]);
        assertThatThrownBy(() -> filters(4).deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("3 bytes left over");
    }
}
