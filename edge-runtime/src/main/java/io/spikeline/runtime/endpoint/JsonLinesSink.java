package io.spikeline.runtime.endpoint;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes each record as one line of text (its JSON form, {@link JsonLines}) to a local file, replacing the file when
 * the job starts; writer {@code i > 0} of a parallel sink writes {@code path.i}. Lines are flushed at every checkpoint
 * and at the end. A restore from a checkpoint starts the file afresh, so the file holds what the job wrote since its
 * last start: for output that survives failures exactly once, write to Kafka.
 *
 * @param <T> the record type
 */
public final class JsonLinesSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final SerializableFunction<T, String> line;

    public JsonLinesSink(Path path, SerializableFunction<T, String> line) {
        this.path = path.toString();
        this.line = line;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        Path file = Path.of(subtask == 0 ? path : path + "." + subtask);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new SinkWriter<>() {
            @Override
            public void write(T record, Context writeContext) throws IOException {
                out.write(line.apply(record));
                out.write('\n');
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}
