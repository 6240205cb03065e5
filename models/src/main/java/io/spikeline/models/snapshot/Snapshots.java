package io.spikeline.models.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The snapshot wire format shared by every {@link Snapshottable}: a header (4-byte type tag, 2-byte
 * version) followed by the type's fields; arrays are written as an int length then the values, all
 * big-endian as {@link DataOutput} defines.
 */
public final class Snapshots {
    private Snapshots() {}

    /** Packs a four-character ASCII type name (for example {@code "LIFP"}) into a tag. */
    public static int tag(String fourChars) {
        byte[] b = fourChars.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 4) {
            throw new IllegalArgumentException("snapshot tag must be 4 ASCII characters, was '" + fourChars + "'");
        }
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    static String tagName(int tag) {
        return new String(new byte[] {(byte) (tag >>> 24), (byte) (tag >>> 16), (byte) (tag >>> 8), (byte) tag},
                StandardCharsets.US_ASCII);
    }

    public static void writeHeader(DataOutput out, int tag, int version) throws IOException {
        out.writeInt(tag);
        out.writeShort(version);
    }

    /**
     * Reads a header and checks it names {@code tag}; returns the version, which lies in
     * 1..{@code currentVersion}.
     */
    public static int readHeader(DataInput in, int tag, int currentVersion) throws IOException {
        int actualTag = in.readInt();
        if (actualTag != tag) {
            throw new SnapshotFormatException("snapshot is of type '" + tagName(actualTag) + "', expected '"
                    + tagName(tag) + "'");
        }
        int version = in.readUnsignedShort();
        if (version < 1 || version > currentVersion) {
            throw new SnapshotFormatException("snapshot of type '" + tagName(tag) + "' has version " + version
                    + "; this build reads versions 1.." + currentVersion);
        }
        return version;
    }

    /** Reads an int and fails unless it equals {@code expected}; {@code what} names the quantity. */
    public static void expectInt(DataInput in, int expected, String what) throws IOException {
        int actual = in.readInt();
        if (actual != expected) {
            throw new SnapshotFormatException("snapshot has " + what + " = " + actual + " but this instance has "
                    + expected);
        }
    }

    public static void writeFloats(DataOutput out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    public static void readFloats(DataInput in, float[] into, String what) throws IOException {
        expectLength(in, into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readFloat();
        }
    }

    public static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public static void readDoubles(DataInput in, double[] into, String what) throws IOException {
        expectLength(in, into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readDouble();
        }
    }

    public static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    public static void readInts(DataInput in, int[] into, String what) throws IOException {
        expectLength(in, into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readInt();
        }
    }

    public static void writeLongs(DataOutput out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    public static void readLongs(DataInput in, long[] into, String what) throws IOException {
        expectLength(in, into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readLong();
        }
    }

    public static void writeBooleans(DataOutput out, boolean[] values) throws IOException {
        out.writeInt(values.length);
        for (boolean v : values) {
            out.writeBoolean(v);
        }
    }

    public static void readBooleans(DataInput in, boolean[] into, String what) throws IOException {
        expectLength(in, into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readBoolean();
        }
    }

    private static void expectLength(DataInput in, int expected, String what) throws IOException {
        int length = in.readInt();
        if (length != expected) {
            throw new SnapshotFormatException("snapshot holds " + length + " values of '" + what
                    + "' but this instance has " + expected);
        }
    }

    /** The snapshot of {@code state} as bytes. */
    public static byte[] toBytes(Snapshottable state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            state.writeSnapshot(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a snapshot to memory", e);
        }
        return bytes.toByteArray();
    }

    /** Restores {@code state} from {@code snapshot}, which must be consumed exactly. */
    public static void restore(Snapshottable state, byte[] snapshot) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(snapshot);
        DataInputStream in = new DataInputStream(bytes);
        state.readSnapshot(in);
        if (bytes.available() != 0) {
            throw new SnapshotFormatException("snapshot has " + bytes.available() + " bytes left over after "
                    + state.getClass().getSimpleName() + " read its state");
        }
    }
}
