package io.spikeline.runtime.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.deadletter.DecodeOrDeadLetter;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.operators.snn.NetworkControl;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes control messages, one JSON object each, into the SNN operator's {@link NetworkControl}s:
 * <pre>
 * {"sequence": 1, "effectiveTimeUs": 10000000, "action": "FREEZE", "targetKey": "implant-3", "scale": 0.5, "layer": 0}
 * </pre>
 * {@code sequence} (from 1, increasing as the issuer sends them), {@code effectiveTimeUs} (event time, µs) and
 * {@code action} ({@code FREEZE}, {@code UNFREEZE}, {@code EXPORT}, {@code LEARNING_RATE_SCALE} or
 * {@code THRESHOLD_SCALE}; case-insensitive) are required; {@code targetKey} (default: every key), {@code scale} (the
 * two scale actions) and {@code layer} ({@code THRESHOLD_SCALE}, default every layer) are optional. A job's own
 * setting (learning throughout, or stopping at {@code --learn-seconds}) is its control 1, so the issuer's sequence
 * {@code q} becomes {@code q + 1}. {@code LOAD}, which carries a model snapshot, does not travel as JSON. A message
 * that is not such an object becomes a dead letter ({@link WireFormatException.Reason#INVALID_RECORD}) naming the
 * problem.
 */
final class ControlMessages extends ProcessFunction<RawMessage, NetworkControl> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("sequence", "effectiveTimeUs", "action", "targetKey", "scale",
            "layer");

    @Override
    public void processElement(RawMessage message, Context context, Collector<NetworkControl> out) {
        NetworkControl control;
        try {
            control = parse(message.payload());
        } catch (IllegalArgumentException e) {
            context.output(DecodeOrDeadLetter.DEAD_LETTERS, new DeadLetter(message,
                    WireFormatException.Reason.INVALID_RECORD, message.origin() + ": " + e.getMessage()));
            return;
        }
        out.collect(control);
    }

    /** The control in {@code payload}, renumbered after the job's own; fails naming the problem. */
    static NetworkControl parse(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("a control message of " + payload.length + " bytes is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a control message must be a JSON object, was " + node);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown control field '" + name + "'; known: " + FIELDS.stream()
                        .sorted().toList());
            }
        }
        long sequence = integer(node, "sequence");
        long effectiveTimeUs = integer(node, "effectiveTimeUs");
        NetworkControl.Action action = action(node);
        String targetKey = node.hasNonNull("targetKey") ? node.get("targetKey").asText() : null;
        double scale = node.hasNonNull("scale") ? node.get("scale").asDouble() : Double.NaN;
        int layer = node.hasNonNull("layer") ? Math.toIntExact(integer(node, "layer")) : NetworkControl.ALL_LAYERS;
        if (sequence < 1) {
            throw new IllegalArgumentException("control sequence must be >= 1, was " + sequence);
        }
        return new NetworkControl(sequence + 1, effectiveTimeUs, targetKey, action, null, scale, layer);
    }

    private static NetworkControl.Action action(JsonNode node) {
        String text = required(node, "action").asText().toUpperCase(Locale.ROOT);
        if (text.equals("LOAD")) {
            throw new IllegalArgumentException("LOAD carries a model snapshot and cannot be sent as JSON");
        }
        try {
            return NetworkControl.Action.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("control action '" + text + "' is unknown; known: FREEZE, UNFREEZE, "
                    + "EXPORT, LEARNING_RATE_SCALE, THRESHOLD_SCALE");
        }
    }

    private static long integer(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("control field " + field + " must be an integer, was " + value);
        }
        return value.asLong();
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("control field " + field + " is missing");
        }
        return value;
    }
}
