package io.spikeline.ingest;

import java.io.IOException;

/** Malformed or unsupported input, located: which source, at which byte offset, and what was expected. */
public final class IngestException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long offset;

    public IngestException(String source, long offset, String problem) {
        super(source + " at byte " + offset + ": " + problem);
        this.source = source;
        this.offset = offset;
    }

    /** The file or stream that holds the problem. */
    public String source() {
        return source;
    }

    /** The byte offset in the source where the problem was found. */
    public long offset() {
        return offset;
    }
}
