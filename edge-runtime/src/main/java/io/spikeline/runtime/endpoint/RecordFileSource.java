package io.spikeline.runtime.endpoint;

import io.spikeline.ingest.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceReader;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceSplit;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded source of the records of one type that a recording yields ({@link Recordings#open}), in file order, from
 * one reader. Its checkpointed position is the number of records read from the file, so a restored job reopens the
 * file and skips what it had already emitted. A read error (a malformed file) fails the job, naming the file.
 *
 * @param <T> the record type kept; records of other types in the file are passed over
 */
public final class RecordFileSource<T> implements Source<T, RecordFileSource.Split<T>, Collection<RecordFileSource.Split<T>>>,
        ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final TypeInformation<T> type;

    public RecordFileSource(Path path, TypeInformation<T> type) {
        this.path = path.toString();
        this.type = type;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<T, Split<T>> createReader(SourceReaderContext context) {
        return new IteratorSourceReader<>(context);
    }

    @Override
    public SplitEnumerator<Split<T>, Collection<Split<T>>> createEnumerator(SplitEnumeratorContext<Split<T>> context) {
        return new IteratorSourceEnumerator<>(context, List.of(new Split<>(path, type.getTypeClass(), 0)));
    }

    @Override
    public SplitEnumerator<Split<T>, Collection<Split<T>>> restoreEnumerator(SplitEnumeratorContext<Split<T>> context,
                                                                          Collection<Split<T>> checkpoint) {
        return new IteratorSourceEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<Split<T>> getSplitSerializer() {
        return new SplitSerializer<>();
    }

    @Override
    public SimpleVersionedSerializer<Collection<Split<T>>> getEnumeratorCheckpointSerializer() {
        return new CheckpointSerializer<>();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }

    /**
     * The whole file from record {@code position} on.
     *
     * @param position records of the file (of any type) already read
     */
    public record Split<T>(String path, Class<T> recordClass, long position)
            implements IteratorSourceSplit<T, RecordIterator<T>> {

        @Override
        public String splitId() {
            return path;
        }

        @Override
        public RecordIterator<T> getIterator() {
            return new RecordIterator<>(this);
        }

        @Override
        public IteratorSourceSplit<T, RecordIterator<T>> getUpdatedSplitForIterator(RecordIterator<T> iterator) {
            return new Split<>(path, recordClass, iterator.emittedPosition());
        }
    }

    /** Reads the file lazily, closing it at its end. */
    static final class RecordIterator<T> implements java.util.Iterator<T> {
        private final Split<T> split;
        private RecordReader<?> reader;
        private long position;
        private T next;
        private boolean ended;

        RecordIterator(Split<T> split) {
            this.split = split;
        }

        /** Records read and handed out (a record read ahead by {@link #hasNext} is not yet handed out). */
        long emittedPosition() {
            return next == null ? position : position - 1;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (ended) {
                return false;
            }
            try {
                if (reader == null) {
                    reader = Recordings.open(Path.of(split.path()), new HashMap<>());
                    for (; position < split.position(); position++) {
                        if (reader.read() == null) {
                            break;
                        }
                    }
                }
                for (Object record; (record = reader.read()) != null; ) {
                    position++;
                    if (split.recordClass().isInstance(record)) {
                        next = split.recordClass().cast(record);
                        return true;
                    }
                }
                ended = true;
                reader.close();
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + split.path() + " after record " + position + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T record = next;
            next = null;
            return record;
        }
    }

    private static final class SplitSerializer<T> implements SimpleVersionedSerializer<Split<T>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Split<T> split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(split, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public Split<T> deserialize(int version, byte[] serialized) throws IOException {
            return read(new DataInputStream(new ByteArrayInputStream(serialized)));
        }
    }

    private static final class CheckpointSerializer<T> implements SimpleVersionedSerializer<Collection<Split<T>>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Collection<Split<T>> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (Split<T> split : splits) {
                    write(split, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public Collection<Split<T>> deserialize(int version, byte[] serialized) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            int n = in.readInt();
            List<Split<T>> splits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                splits.add(read(in));
            }
            return splits;
        }
    }

    private static void write(Split<?> split, DataOutputStream out) throws IOException {
        out.writeUTF(split.path());
        out.writeUTF(split.recordClass().getName());
        out.writeLong(split.position());
    }

    @SuppressWarnings("unchecked")
    private static <T> Split<T> read(DataInputStream in) throws IOException {
        String path = in.readUTF();
        String className = in.readUTF();
        long position = in.readLong();
        try {
            return new Split<>(path, (Class<T>) Class.forName(className, false, RecordFileSource.class.getClassLoader()),
                    position);
        } catch (ClassNotFoundException e) {
            throw new IOException("record class " + className + " of a checkpointed file split is unknown", e);
        }
    }
}
