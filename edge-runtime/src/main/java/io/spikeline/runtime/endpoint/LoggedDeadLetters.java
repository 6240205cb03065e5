package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.deadletter.DeadLetter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where dead letters go when no endpoint is given for them and they cannot come back to the client: the task's log,
 * one warning each (the connectors' decode step also counts them in the {@code deadLetters} metrics).
 */
public final class LoggedDeadLetters implements Sink<DeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LoggedDeadLetters.class);

    @Override
    public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(DeadLetter letter, Context writeContext) {
                LOG.warn("dead letter: {}", letter);
            }

            @Override
            public void flush(boolean endOfInput) {
                // Nothing buffered.
            }

            @Override
            public void close() {
                // Nothing held.
            }
        };
    }
}
