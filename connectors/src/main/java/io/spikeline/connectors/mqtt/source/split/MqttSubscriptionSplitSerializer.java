package io.spikeline.connectors.mqtt.source.split;

import io.spikeline.connectors.mqtt.MqttQos;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Version 1: index (int), client id (UTF), QoS level (byte), filter count (int), filters (UTF each).
 */
public final class MqttSubscriptionSplitSerializer implements SimpleVersionedSerializer<MqttSubscriptionSplit> {
    public static final int CURRENT_VERSION = 1;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(MqttSubscriptionSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeCurrent(split, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public MqttSubscriptionSplit deserialize(int version, byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            MqttSubscriptionSplit split = read(version, in);
            if (in.available() > 0) {
                throw new IOException("MQTT split of version " + version + " has " + in.available() + " trailing bytes");
            }
            return split;
        }
    }

    /** Writes a split in the current version (also used inside the enumerator state). */
    public static void writeCurrent(MqttSubscriptionSplit split, DataOutput out) throws IOException {
        out.writeInt(split.index());
        out.writeUTF(split.clientId());
        out.writeByte(split.qos().level());
        out.writeInt(split.topicFilters().size());
        for (String filter : split.topicFilters()) {
            out.writeUTF(filter);
        }
    }

    /** Reads a split written in {@code version}; unknown versions fail. */
    public static MqttSubscriptionSplit read(int version, DataInput in) throws IOException {
        return switch (version) {
            case 1 -> readVersion1(in);
            default -> throw new IOException("unknown MQTT split serializer version " + version
                    + " (this reader knows 1 to " + CURRENT_VERSION + ")");
        };
    }

    private static MqttSubscriptionSplit readVersion1(DataInput in) throws IOException {
        int index = in.readInt();
        String clientId = in.readUTF();
        int qos = in.readByte();
        int count = in.readInt();
        if (count < 1 || count > 10_000) {
            throw new IOException("MQTT split " + index + " claims " + count + " topic filters");
        }
        List<String> filters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            filters.add(in.readUTF());
        }
        try {
            return new MqttSubscriptionSplit(index, clientId, filters, MqttQos.ofLevel(qos));
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt MQTT split: " + e.getMessage(), e);
        }
    }
}
