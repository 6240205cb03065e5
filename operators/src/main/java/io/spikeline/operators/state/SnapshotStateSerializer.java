package io.spikeline.operators.state;

import io.spikeline.models.snapshot.SnapshotFormatException;
import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Keeps a {@code models} state object (a filter, an encoder, a neuron population, weights, a learning rule, a
 * readout, a generator) in Flink state through its own versioned snapshot. The object is rebuilt from its
 * parameters by {@code factory} and then restored, so state holds only what changes, never the
 * configuration. Serialised form: an int length, then the object's snapshot bytes ({@code Snapshots.toBytes}).
 * The snapshot is written to and read from Flink's unsynchronised memory views rather than Java data streams (the
 * same bytes at a fraction of the cost, which matters where every record writes state, as on RocksDB); each
 * instance reuses one write buffer, so {@link #duplicate} hands out a new one.
 *
 * <p>Schema evolution: the snapshot format of every models class is versioned by the class itself
 * ({@code Snapshots.readHeader}); a snapshot of another shape (another channel count, another network) fails
 * on restore with a message saying what differs, so state is never silently reinterpreted.
 *
 * @param <T> the state object type
 */
public final class SnapshotStateSerializer<T extends Snapshottable> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final SerializableSupplier<T> factory;
    private transient DataOutputSerializer buffer;

    /** @param factory builds a fresh object from the configured parameters; must be serializable */
    public SnapshotStateSerializer(Class<T> type, SerializableSupplier<T> factory) {
        this.type = type;
        this.factory = factory;
    }

    public Class<T> stateType() {
        return type;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new SnapshotStateSerializer<>(type, factory);
    }

    @Override
    public T createInstance() {
        return factory.get();
    }

    @Override
    public T copy(T from) {
        return copy(from, factory.get());
    }

    @Override
    public T copy(T from, T reuse) {
        try {
            DataOutputSerializer snapshot = snapshotOf(from);
            restore(reuse, snapshot.getSharedBuffer(), snapshot.length());
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + type.getSimpleName() + " through its snapshot", e);
        }
        return reuse;
    }

    /** {@code record}'s snapshot in this instance's buffer, valid until the next call. */
    private DataOutputSerializer snapshotOf(T record) throws IOException {
        if (buffer == null) {
            buffer = new DataOutputSerializer(4096);
        }
        buffer.clear();
        record.writeSnapshot(buffer);
        return buffer;
    }

    /** Restores {@code state} from the first {@code length} bytes of {@code snapshot}, which must be read exactly. */
    private static void restore(Snapshottable state, byte[] snapshot, int length) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(snapshot, 0, length);
        state.readSnapshot(in);
        if (in.available() != 0) {
            throw new SnapshotFormatException("snapshot has " + in.available() + " bytes left over after "
                    + state.getClass().getSimpleName() + " read its state");
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        DataOutputSerializer snapshot = snapshotOf(record);
        target.writeInt(snapshot.length());
        target.write(snapshot.getSharedBuffer(), 0, snapshot.length());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return deserialize(factory.get(), source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        int length = source.readInt();
        byte[] bytes = new byte[length];
        source.readFully(bytes);
        restore(reuse, bytes, length);
        return reuse;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotStateSerializer && ((SnapshotStateSerializer<?>) o).type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /**
     * Remembers the state type and the factory (Java-serialised) so that a restored job can read old state
     * before its own serializer is registered. Compatible as-is with any serializer of the same state type:
     * differences in shape are caught by the models snapshot headers.
     */
    public static final class Snapshot<T extends Snapshottable> implements TypeSerializerSnapshot<T> {
        private static final int VERSION = 1;
        private SnapshotStateSerializer<T> serializer;

        /** For Flink's reflective instantiation on restore. */
        public Snapshot() {
        }

        Snapshot(SnapshotStateSerializer<T> serializer) {
            this.serializer = serializer;
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            byte[] bytes = InstantiationUtil.serializeObject(serializer);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion != VERSION) {
                throw new IOException("state serializer snapshot has version " + readVersion + "; this build reads "
                        + VERSION);
            }
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            try {
                serializer = InstantiationUtil.deserializeObject(new DataInputStream(
                        new DataInputViewStreamWrapper(new java.io.ByteArrayInputStream(bytes))), classLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException("restoring the state serializer: " + e.getMessage(), e);
            }
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return serializer;
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            if (oldSnapshot instanceof Snapshot && ((Snapshot<T>) oldSnapshot).serializer != null
                    && ((Snapshot<T>) oldSnapshot).serializer.type.equals(serializer.type)) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return TypeSerializerSchemaCompatibility.incompatible();
        }

        @Override
        public String toString() {
            return "SnapshotStateSerializer.Snapshot{" + (serializer == null ? "?" : serializer.type.getName()) + "}";
        }
    }

    @Override
    public String toString() {
        return "SnapshotStateSerializer{" + type.getName() + "}";
    }

    /** Whether two state objects hold the same snapshot (for tests and assertions). */
    public static boolean sameState(Snapshottable a, Snapshottable b) {
        return Arrays.equals(Snapshots.toBytes(a), Snapshots.toBytes(b));
    }
}
