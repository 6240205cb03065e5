package io.spikeline.connectors.types;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's serializer test suite (round trips one by one and as sequences, with and without reuse, serialized
 * copies, duplication, Java serializability, snapshot write/read/restore and compatibility), adapted only in
 * that immutable records have no empty instance.
 */
abstract class RecordSerializerTestBase<T> extends SerializerTestBase<T> {
    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<T> serializer) {
        return true;
    }
}
