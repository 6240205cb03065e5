package io.spikeline.connectors.types;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The snapshot of a {@link RecordSerializer}. The serializers have no configuration, so the snapshot holds
 * only its version, which is the version of the binary layout. A snapshot of a version this code does not
 * know fails loudly; when a layout changes, {@link #CURRENT_VERSION} goes up and {@link #readSnapshot} learns
 * the old version, so that old state can be migrated instead of misread.
 *
 * @param <T> the record type
 */
public abstract class RecordSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
    /** Layout 1: scalars in declaration order, strings as Flink {@code StringValue}s, arrays length-prefixed. */
    public static final int CURRENT_VERSION = 1;

    private final Supplier<RecordSerializer<T>> serializerFactory;

    /** @param serializerFactory makes a serializer of the current layout */
    protected RecordSerializerSnapshot(Supplier<RecordSerializer<T>> serializerFactory) {
        this.serializerFactory = serializerFactory;
    }

    @Override
    public final int getCurrentVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public final void writeSnapshot(DataOutputView out) {
        // The version, written by Flink before this, is all there is.
    }

    @Override
    public final void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
            throws IOException {
        switch (readVersion) {
            case 1:
                break;
            default:
                throw new IOException(getClass().getName() + ": unknown serializer snapshot version " + readVersion
                        + " (this code reads version " + CURRENT_VERSION + "); the state was written by another"
                        + " version of Spikeline");
        }
    }

    @Override
    public final TypeSerializer<T> restoreSerializer() {
        return serializerFactory.get();
    }

    @Override
    public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        return oldSnapshot.getClass() == getClass()
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
