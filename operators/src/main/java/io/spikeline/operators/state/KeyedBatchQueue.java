package io.spikeline.operators.state;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.record.SpikeBatch;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A queue of spike batches per key in keyed state: the batches by sequence number in map state {@code name}, the
 * sequence numbers of its head and tail in value state {@code name-ends}, so that a batch is added or taken without
 * reading the others. For operators that hold a key's batches back until something else has arrived.
 */
public final class KeyedBatchQueue {
    private static final int HEAD = 0;
    private static final int TAIL = 1;

    private final MapState<Long, SpikeBatch> batches;
    private final ValueState<long[]> ends;

    /** The queue of state {@code name}, in the keyed state of {@code context} (call in {@code open}). */
    public KeyedBatchQueue(RuntimeContext context, String name) {
        batches = context.getMapState(new MapStateDescriptor<>(name, Types.LONG, RecordTypes.SPIKE_BATCH));
        ends = context.getState(new ValueStateDescriptor<>(name + "-ends",
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    /** Batches in the current key's queue. */
    public int size() throws Exception {
        long[] e = ends.value();
        return e == null ? 0 : (int) (e[TAIL] - e[HEAD]);
    }

    public boolean isEmpty() throws Exception {
        return size() == 0;
    }

    /** Adds {@code batch} at the tail. */
    public void add(SpikeBatch batch) throws Exception {
        long[] e = ends.value();
        if (e == null) {
            e = new long[2];
        }
        batches.put(e[TAIL]++, batch);
        ends.update(e);
    }

    /** The batch at the head; {@code null} when the queue is empty. */
    public SpikeBatch head() throws Exception {
        long[] e = ends.value();
        return e == null ? null : batches.get(e[HEAD]);
    }

    /** The batch at the tail, the latest added; {@code null} when the queue is empty. */
    public SpikeBatch tail() throws Exception {
        long[] e = ends.value();
        return e == null ? null : batches.get(e[TAIL] - 1);
    }

    /** Takes the batch at the head off the queue; {@code null} when it is empty. */
    public SpikeBatch take() throws Exception {
        long[] e = ends.value();
        if (e == null) {
            return null;
        }
        SpikeBatch head = batches.get(e[HEAD]);
        batches.remove(e[HEAD]++);
        if (e[HEAD] == e[TAIL]) {
            ends.clear();
        } else {
            ends.update(e);
        }
        return head;
    }

    /** Empties the current key's queue. */
    public void clear() {
        batches.clear();
        ends.clear();
    }
}
