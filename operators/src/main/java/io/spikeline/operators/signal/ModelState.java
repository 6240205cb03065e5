package io.spikeline.operators.signal;

import io.spikeline.models.snapshot.Snapshots;
import io.spikeline.models.snapshot.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * One key's {@code models} object together with the shape it was built for, which comes from the key's data
 * (channel count, sensor size) rather than from configuration: keys of one operator may differ in shape, so
 * the shape is part of the state and a restore rebuilds the object for it before reading its snapshot.
 *
 * <p>Snapshot (version 1): header {@code OMDL}, the two shape dimensions, then the model's own snapshot.
 * A restored model is built with an empty source key: anything derived from the key at creation (a
 * generator seed) is overwritten by the model's snapshot.
 */
final class ModelState<T extends Snapshottable> implements Snapshottable {
    private static final int TAG = Snapshots.tag("OMDL");
    private static final int VERSION = 1;

    /** Builds a model of shape (first, second) for a key. */
    interface Factory<T> extends Serializable {
        T create(int first, int second, String sourceKey);
    }

    private final Factory<T> factory;
    private int first;
    private int second;
    private T model;

    ModelState(Factory<T> factory) {
        this.factory = factory;
    }

    boolean fits(int firstDimension, int secondDimension) {
        return model != null && first == firstDimension && second == secondDimension;
    }

    /** Replaces the model by a fresh one of the given shape. */
    void start(int firstDimension, int secondDimension, String sourceKey) {
        first = firstDimension;
        second = secondDimension;
        model = factory.create(firstDimension, secondDimension, sourceKey);
    }

    T model() {
        return model;
    }

    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        Snapshots.writeHeader(out, TAG, VERSION);
        out.writeInt(first);
        out.writeInt(second);
        model.writeSnapshot(out);
    }

    @Override
    public void readSnapshot(DataInput in) throws IOException {
        Snapshots.readHeader(in, TAG, VERSION);
        int a = in.readInt();
        int b = in.readInt();
        if (!fits(a, b)) {
            start(a, b, "");
        }
        model.readSnapshot(in);
    }
}
