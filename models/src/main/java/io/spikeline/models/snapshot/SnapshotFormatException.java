package io.spikeline.models.snapshot;

import java.io.IOException;

/** A snapshot that cannot be restored: wrong type, unknown version, or a shape that does not match. */
public final class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(String message) {
        super(message);
    }
}
