package io.spikeline.connectors.deadletter;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.wire.WireFormatException;

/**
 * A message that could not become a record: the message itself (raw bytes and origin), why, and the
 * decoder's explanation. Dead letters go to their own output so that one bad message never stops a job.
 */
public record DeadLetter(RawMessage message, WireFormatException.Reason reason, String detail) {

    @Override
    public String toString() {
        return "DeadLetter{" + message.origin() + " " + message.payload().length + " bytes: " + detail + "}";
    }
}
