package io.spikeline.connectors.wire;

/** A message that cannot become a record; {@link #reason()} says which way it failed, for dead-letter counts. */
public final class WireFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The ways a message can fail to decode. */
    public enum Reason {
        /** Not an Avro single-object message: missing or wrong 0xC3 0x01 marker, or too short for a fingerprint. */
        BAD_HEADER,
        /** Single-object encoded, but with a schema fingerprint this reader does not know. */
        UNKNOWN_FINGERPRINT,
        /** The Avro body does not decode with the schema its fingerprint names (truncated, corrupt). */
        CORRUPT_AVRO,
        /** Decoded, but the values break the record's rules (sample bytes that do not fill channels × samples, ...). */
        INVALID_RECORD
    }

    private final Reason reason;

    public WireFormatException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
