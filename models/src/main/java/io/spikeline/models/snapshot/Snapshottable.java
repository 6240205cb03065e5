package io.spikeline.models.snapshot;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A stateful model object that writes its mutable state as a compact, versioned binary snapshot and
 * restores it into an instance built from the same parameters. Restoring and then continuing equals an
 * uninterrupted run, bit for bit.
 *
 * <p>Snapshots hold state only, never parameters: the owner rebuilds the object from its configuration and
 * then restores. A snapshot whose shape does not match the instance (another channel count, another
 * type, a newer version) fails with a {@link SnapshotFormatException} that says what differs. The
 * {@link DataOutput} / {@link DataInput} interfaces let stream processors write straight into their own
 * serialisation views.
 */
public interface Snapshottable {

    /** Writes the current state, starting with a {@link Snapshots#writeHeader header}. */
    void writeSnapshot(DataOutput out) throws IOException;

    /** Replaces the current state with one written by {@link #writeSnapshot}. */
    void readSnapshot(DataInput in) throws IOException;
}
