package io.spikeline.connectors.wire;

import org.apache.avro.Schema;

/**
 * Walks an Avro binary body with its writer schema before it is decoded, checking that every length and
 * varint stays inside the message. Avro's decoders allocate a {@code bytes} or {@code string} field at the
 * length the message claims before reading it, so one corrupt length could otherwise claim gigabytes.
 */
final class AvroBounds {
    private final byte[] message;
    private int at;

    private AvroBounds(byte[] message, int offset) {
        this.message = message;
        this.at = offset;
    }

    /** Throws {@link WireFormatException} with reason CORRUPT_AVRO unless the body fits the message exactly. */
    static void check(Schema writer, byte[] message, int offset) throws WireFormatException {
        AvroBounds walk = new AvroBounds(message, offset);
        walk.skip(writer);
        if (walk.at != message.length) {
            throw corrupt("the body ends at byte " + walk.at + " but the message has " + message.length);
        }
    }

    private void skip(Schema schema) throws WireFormatException {
        switch (schema.getType()) {
            case NULL -> { }
            case BOOLEAN -> advance(1);
            case INT, LONG, ENUM -> varint();
            case FLOAT -> advance(4);
            case DOUBLE -> advance(8);
            case BYTES, STRING -> {
                long length = varint();
                if (length < 0) {
                    throw corrupt("negative length " + length + " at byte " + at);
                }
                advance(length);
            }
            case FIXED -> advance(schema.getFixedSize());
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    skip(field.schema());
                }
            }
            case UNION -> {
                long branch = varint();
                if (branch < 0 || branch >= schema.getTypes().size()) {
                    throw corrupt("union branch " + branch + " of " + schema.getTypes().size() + " at byte " + at);
                }
                skip(schema.getTypes().get((int) branch));
            }
            case ARRAY, MAP -> skipBlocks(schema);
            default -> throw corrupt("unsupported schema type " + schema.getType());
        }
    }

    private void skipBlocks(Schema schema) throws WireFormatException {
        for (long count = varint(); count != 0; count = varint()) {
            if (count < 0) {
                varint();
                count = -count;
            }
            for (long i = 0; i < count; i++) {
                int before = at;
                if (schema.getType() == Schema.Type.MAP) {
                    skip(Schema.create(Schema.Type.STRING));
                    skip(schema.getValueType());
                } else {
                    skip(schema.getElementType());
                }
                if (at == before) {
                    throw corrupt("zero-width items cannot be bounded");
                }
            }
        }
    }

    private void advance(long n) throws WireFormatException {
        if (n > message.length - at) {
            throw corrupt(n + " bytes claimed at byte " + at + " but only " + (message.length - at) + " remain");
        }
        at += (int) n;
    }

    /** A zig-zag varint as Avro writes ints and longs. */
    private long varint() throws WireFormatException {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (at >= message.length) {
                throw corrupt("the message ends inside a number");
            }
            int b = message[at++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw corrupt("a number runs past 10 bytes at byte " + at);
    }

    private static WireFormatException corrupt(String what) {
        return new WireFormatException(WireFormatException.Reason.CORRUPT_AVRO, what, null);
    }
}
