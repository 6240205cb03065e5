package io.spikeline.connectors.deadletter;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Decodes raw broker messages into records; a message that does not decode goes to the {@link #DEAD_LETTERS}
 * side output with its reason, and is counted in the metric group {@code deadLetters} (a total counter and
 * one per {@link WireFormatException.Reason}). Every source, Kafka or MQTT, decodes through this function,
 * so dead letters look the same whichever way a message arrived.
 *
 * @param <T> the record type
 */
public final class DecodeOrDeadLetter<T> extends ProcessFunction<RawMessage, T> {
    private static final long serialVersionUID = 1L;

    /** The side output of messages that could not be decoded. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") { };

    private final SerializableSupplier<RecordCodec<T, ?>> codecFactory;
    private transient RecordCodec<T, ?> codec;
    private transient Counter decoded;
    private transient Counter deadLetters;
    private transient Map<WireFormatException.Reason, Counter> deadLettersByReason;

    /** @param codecFactory makes the codec on each parallel instance (codecs are not serialisable) */
    public DecodeOrDeadLetter(SerializableSupplier<RecordCodec<T, ?>> codecFactory) {
        this.codecFactory = codecFactory;
    }

    @Override
    public void open(OpenContext context) {
        codec = codecFactory.get();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        decoded = metrics.counter("decodedMessages");
        MetricGroup group = metrics.addGroup("deadLetters");
        deadLetters = group.counter("total");
        deadLettersByReason = new EnumMap<>(WireFormatException.Reason.class);
        for (WireFormatException.Reason reason : WireFormatException.Reason.values()) {
            deadLettersByReason.put(reason, group.counter(reason.name()));
        }
    }

    @Override
    public void processElement(RawMessage message, Context context, Collector<T> out) {
        T record;
        try {
            record = codec.decode(message.payload());
        } catch (WireFormatException e) {
            deadLetters.inc();
            deadLettersByReason.get(e.reason()).inc();
            context.output(DEAD_LETTERS, new DeadLetter(message, e.reason(), message.origin() + ": " + e.getMessage()));
            return;
        }
        decoded.inc();
        out.collect(record);
    }
}
