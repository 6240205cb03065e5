package io.spikeline.connectors.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Packs primitive arrays into little-endian byte buffers and back, checking sizes. */
final class LittleEndian {
    private LittleEndian() {}

    static ByteBuffer floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b;
    }

    static ByteBuffer ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return b;
    }

    static ByteBuffer longs(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return b;
    }

    static ByteBuffer shorts(short[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        return b;
    }

    static float[] toFloats(ByteBuffer bytes, int count, String field) throws WireFormatException {
        ByteBuffer b = expect(bytes, count, 4, field);
        float[] out = new float[count];
        b.asFloatBuffer().get(out);
        return out;
    }

    static int[] toInts(ByteBuffer bytes, int count, String field) throws WireFormatException {
        ByteBuffer b = expect(bytes, count, 4, field);
        int[] out = new int[count];
        b.asIntBuffer().get(out);
        return out;
    }

    static long[] toLongs(ByteBuffer bytes, int count, String field) throws WireFormatException {
        ByteBuffer b = expect(bytes, count, 8, field);
        long[] out = new long[count];
        b.asLongBuffer().get(out);
        return out;
    }

    static short[] toShorts(ByteBuffer bytes, int count, String field) throws WireFormatException {
        ByteBuffer b = expect(bytes, count, 2, field);
        short[] out = new short[count];
        b.asShortBuffer().get(out);
        return out;
    }

    static byte[] toBytes(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static ByteBuffer expect(ByteBuffer bytes, int count, int width, String field) throws WireFormatException {
        if (count < 0 || bytes.remaining() != (long) count * width) {
            throw new WireFormatException(WireFormatException.Reason.INVALID_RECORD, "field '" + field + "' holds "
                    + bytes.remaining() + " bytes but " + count + " values of " + width + " bytes need "
                    + (long) count * width, null);
        }
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }
}
