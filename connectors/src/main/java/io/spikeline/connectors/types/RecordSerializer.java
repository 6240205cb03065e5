package io.spikeline.connectors.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The common part of the serializers of immutable {@code models} records: {@code copy} returns the record
 * itself, deserializing never reuses an instance, and each instance owns a {@link BulkArrays} buffer (so
 * {@link #duplicate} returns a fresh instance). Subclasses write and read their layout.
 *
 * @param <T> the record type
 */
public abstract class RecordSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private transient BulkArrays arrays;

    /** The chunk buffer of this instance, created on first use (serializers travel as Java-serialized objects). */
    protected final BulkArrays arrays() {
        if (arrays == null) {
            arrays = new BulkArrays();
        }
        return arrays;
    }

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    /** Immutable records have no empty instance to reuse; Flink accepts {@code null} here. */
    @Override
    public final T createInstance() {
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
