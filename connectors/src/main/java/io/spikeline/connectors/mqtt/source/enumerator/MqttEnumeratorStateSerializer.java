package io.spikeline.connectors.mqtt.source.enumerator;

import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplitSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Version 1: split serializer version (int), split count (int), then each split in that split version.
 */
public final class MqttEnumeratorStateSerializer implements SimpleVersionedSerializer<MqttEnumeratorState> {
    public static final int CURRENT_VERSION = 1;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(MqttEnumeratorState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MqttSubscriptionSplitSerializer.CURRENT_VERSION);
            out.writeInt(state.unassigned().size());
            for (MqttSubscriptionSplit split : state.unassigned()) {
                MqttSubscriptionSplitSerializer.writeCurrent(split, out);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public MqttEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        return switch (version) {
            case 1 -> readVersion1(serialized);
            default -> throw new IOException("unknown MQTT enumerator state version " + version
                    + " (this reader knows 1 to " + CURRENT_VERSION + ")");
        };
    }

    private static MqttEnumeratorState readVersion1(byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int splitVersion = in.readInt();
            int count = in.readInt();
            if (count < 0 || count > 100_000) {
                throw new IOException("MQTT enumerator state claims " + count + " splits");
            }
            List<MqttSubscriptionSplit> splits = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                splits.add(MqttSubscriptionSplitSerializer.read(splitVersion, in));
            }
            if (in.available() > 0) {
                throw new IOException("MQTT enumerator state has " + in.available() + " trailing bytes");
            }
            return new MqttEnumeratorState(splits);
        }
    }
}
