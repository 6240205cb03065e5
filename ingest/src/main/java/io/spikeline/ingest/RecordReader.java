package io.spikeline.ingest;

import java.io.Closeable;
import java.io.IOException;

/**
 * A streaming reader of one recording: each {@link #read()} returns the next record, or {@code null} once
 * the recording has been read to its end. Memory stays bounded by one record, whatever the file size.
 *
 * @param <T> the record type produced
 */
public interface RecordReader<T> extends Closeable {

    /**
     * The next record, or {@code null} at the end.
     *
     * @throws IngestException where the input is malformed; records before it have been delivered
     */
    T read() throws IOException;
}
