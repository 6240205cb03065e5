package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.wire.WireFormatException;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts the dead letters a run collected, by reason, logging each one. */
public final class DeadLetterTally {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterTally.class);

    private final Map<WireFormatException.Reason, Long> byReason = new EnumMap<>(WireFormatException.Reason.class);
    private long total;

    public void add(DeadLetter letter) {
        LOG.warn("dead letter: {}", letter);
        byReason.merge(letter.reason(), 1L, Long::sum);
        total++;
    }

    public long total() {
        return total;
    }

    /** The count of each reason met. */
    public Map<WireFormatException.Reason, Long> byReason() {
        return Map.copyOf(byReason);
    }

    /** {@code 0}, or the total and its reasons, as {@code 3 (BAD_HEADER 2, CORRUPT_AVRO 1)}. */
    @Override
    public String toString() {
        return total == 0 ? "0" : total + byReason.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
