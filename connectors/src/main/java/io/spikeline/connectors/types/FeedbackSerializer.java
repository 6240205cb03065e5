package io.spikeline.connectors.types;

import io.spikeline.models.record.Feedback;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Layout: key, event time, reward (NaN for none), kind code, then the class id or the target vector as the kind requires. */
public final class FeedbackSerializer extends RecordSerializer<Feedback> {
    private static final long serialVersionUID = 1L;
    // Kind codes of the layout, independent of the order of Feedback.Kind's constants.
    private static final int CLASS = 0;
    private static final int VECTOR = 1;
    private static final int REWARD_ONLY = 2;

    @Override
    public TypeSerializer<Feedback> duplicate() {
        return new FeedbackSerializer();
    }

    @Override
    public void serialize(Feedback record, DataOutputView out) throws IOException {
        StringValue.writeString(record.sourceKey(), out);
        out.writeLong(record.eventTimeUs());
        out.writeFloat(record.reward());
        switch (record.kind()) {
            case CLASS -> {
                out.writeByte(CLASS);
                out.writeInt(record.classId());
            }
            case VECTOR -> {
                out.writeByte(VECTOR);
                arrays().writeFloats(record.target(), out);
            }
            case REWARD_ONLY -> out.writeByte(REWARD_ONLY);
        }
    }

    @Override
    public Feedback deserialize(DataInputView in) throws IOException {
        String key = StringValue.readString(in);
        long eventTimeUs = in.readLong();
        float reward = in.readFloat();
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case CLASS -> Feedback.ofClass(key, eventTimeUs, in.readInt(), reward);
            case VECTOR -> Feedback.ofVector(key, eventTimeUs, arrays().readFloats(in), reward);
            case REWARD_ONLY -> Feedback.ofReward(key, eventTimeUs, reward);
            default -> throw new IOException("Feedback '" + key + "': unknown kind " + kind
                    + ": the serialized record is corrupt");
        };
    }

    @Override
    public TypeSerializerSnapshot<Feedback> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The versioned snapshot of {@link FeedbackSerializer}. */
    public static final class Snapshot extends RecordSerializerSnapshot<Feedback> {
        public Snapshot() {
            super(FeedbackSerializer::new);
        }
    }
}
