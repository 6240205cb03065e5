package io.spikeline.runtime.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.models.record.Decoding;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The JSON form of what file sinks write, one object per line (and MQTT dead-letter messages, one object each):
 * <ul>
 *   <li>a decoding: {@code {"sourceKey", "eventTimeUs", "output": [floats], "classId" (only when it has a class),
 *       "confidence", "ingestWallTimeUs", "emitWallTimeUs"}};
 *   <li>a dead letter: {@code {"origin", "reason", "detail", "brokerTimestampMs", "key", "payload"}}, key and payload
 *       in base64 exactly as they arrived, so the message can be inspected, fixed and replayed.
 * </ul>
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    public static String decoding(Decoding d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sourceKey", d.sourceKey());
        node.put("eventTimeUs", d.eventTimeUs());
        ArrayNode output = node.putArray("output");
        for (float v : d.output()) {
            output.add(v);
        }
        if (d.hasClass()) {
            node.put("classId", d.classId());
        }
        node.put("confidence", d.confidence());
        node.put("ingestWallTimeUs", d.ingestWallTimeUs());
        node.put("emitWallTimeUs", d.emitWallTimeUs());
        return write(node);
    }

    public static String deadLetter(DeadLetter letter) {
        RawMessage m = letter.message();
        ObjectNode node = JSON.createObjectNode();
        node.put("origin", m.origin());
        node.put("reason", letter.reason().name());
        node.put("detail", letter.detail());
        node.put("brokerTimestampMs", m.brokerTimestampMs());
        node.put("key", Base64.getEncoder().encodeToString(m.key()));
        node.put("payload", Base64.getEncoder().encodeToString(m.payload()));
        return write(node);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing " + node + " as JSON", e);
        }
    }
}
