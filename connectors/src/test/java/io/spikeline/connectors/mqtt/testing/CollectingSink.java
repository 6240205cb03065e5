package io.spikeline.connectors.mqtt.testing;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** Collects what a MiniCluster job writes into a static queue, readable while the job runs. */
public final class CollectingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Queue<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectingSink() {
        RESULTS.put(id, new ConcurrentLinkedQueue<>());
    }

    /** What the job wrote so far, in arrival order. */
    @SuppressWarnings("unchecked")
    public List<T> results() {
        return (List<T>) List.copyOf(RESULTS.get(id));
    }

    public int size() {
        return RESULTS.get(id).size();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> results = RESULTS.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context writeContext) {
                results.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {
                // Nothing buffered.
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
    }
}
