package io.spikeline.connectors.types;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes and reads length-prefixed primitive arrays in bulk through one reusable chunk buffer, so that a
 * 384 × 30 sample frame costs a handful of buffer copies instead of 11 520 stream calls. Not thread-safe:
 * each serializer instance owns one.
 */
final class BulkArrays {
    private static final int CHUNK_BYTES = 16 * 1024;

    private final byte[] chunk = new byte[CHUNK_BYTES];
    private final ByteBuffer bytes = ByteBuffer.wrap(chunk);
    private final ShortBuffer shorts = bytes.asShortBuffer();
    private final IntBuffer ints = bytes.asIntBuffer();
    private final LongBuffer longs = bytes.asLongBuffer();
    private final FloatBuffer floats = bytes.asFloatBuffer();

    /** Moves {@code count} elements starting at {@code offset} between an array and the chunk. */
    @FunctionalInterface
    private interface ChunkTransfer {
        void transfer(int offset, int count);
    }

    void writeBytes(byte[] array, DataOutputView out) throws IOException {
        out.writeInt(array.length);
        out.write(array);
    }

    byte[] readBytes(DataInputView in) throws IOException {
        byte[] array = new byte[readLength(in)];
        in.readFully(array);
        return array;
    }

    void writeShorts(short[] array, DataOutputView out) throws IOException {
        write(out, array.length, Short.BYTES, (offset, count) -> shorts.clear().put(array, offset, count));
    }

    short[] readShorts(DataInputView in) throws IOException {
        short[] array = new short[readLength(in)];
        read(in, array.length, Short.BYTES, (offset, count) -> shorts.clear().get(array, offset, count));
        return array;
    }

    void writeInts(int[] array, DataOutputView out) throws IOException {
        write(out, array.length, Integer.BYTES, (offset, count) -> ints.clear().put(array, offset, count));
    }

    int[] readInts(DataInputView in) throws IOException {
        int[] array = new int[readLength(in)];
        read(in, array.length, Integer.BYTES, (offset, count) -> ints.clear().get(array, offset, count));
        return array;
    }

    void writeLongs(long[] array, DataOutputView out) throws IOException {
        write(out, array.length, Long.BYTES, (offset, count) -> longs.clear().put(array, offset, count));
    }

    long[] readLongs(DataInputView in) throws IOException {
        long[] array = new long[readLength(in)];
        read(in, array.length, Long.BYTES, (offset, count) -> longs.clear().get(array, offset, count));
        return array;
    }

    void writeFloats(float[] array, DataOutputView out) throws IOException {
        write(out, array.length, Float.BYTES, (offset, count) -> floats.clear().put(array, offset, count));
    }

    float[] readFloats(DataInputView in) throws IOException {
        float[] array = new float[readLength(in)];
        read(in, array.length, Float.BYTES, (offset, count) -> floats.clear().get(array, offset, count));
        return array;
    }

    private void write(DataOutputView out, int length, int elementBytes, ChunkTransfer fill) throws IOException {
        out.writeInt(length);
        int perChunk = CHUNK_BYTES / elementBytes;
        for (int offset = 0; offset < length; offset += perChunk) {
            int count = Math.min(perChunk, length - offset);
            fill.transfer(offset, count);
            out.write(chunk, 0, count * elementBytes);
        }
    }

    private void read(DataInputView in, int length, int elementBytes, ChunkTransfer drain) throws IOException {
        int perChunk = CHUNK_BYTES / elementBytes;
        for (int offset = 0; offset < length; offset += perChunk) {
            int count = Math.min(perChunk, length - offset);
            in.readFully(chunk, 0, count * elementBytes);
            drain.transfer(offset, count);
        }
    }

    private static int readLength(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("array length " + length + " is negative: the serialized record is corrupt");
        }
        return length;
    }
}
