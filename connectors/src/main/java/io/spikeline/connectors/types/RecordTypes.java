package io.spikeline.connectors.types;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The Flink types of every record a Spikeline job carries. Declare streams with them
 * ({@code .returns(RecordTypes.SAMPLE_FRAME)}) so that none falls back to Kryo; jobs can then run with
 * {@code pipeline.generic-types: false}.
 */
public final class RecordTypes {
    public static final TypeInformation<SampleFrame> SAMPLE_FRAME =
            new RecordTypeInfo<>(SampleFrame.class, new SampleFrameSerializer());
    public static final TypeInformation<EventBatch> EVENT_BATCH =
            new RecordTypeInfo<>(EventBatch.class, new EventBatchSerializer());
    public static final TypeInformation<SpikeBatch> SPIKE_BATCH =
            new RecordTypeInfo<>(SpikeBatch.class, new SpikeBatchSerializer());
    public static final TypeInformation<PacketRecord> PACKET_RECORD =
            new RecordTypeInfo<>(PacketRecord.class, new PacketRecordSerializer());
    public static final TypeInformation<Feedback> FEEDBACK =
            new RecordTypeInfo<>(Feedback.class, new FeedbackSerializer());
    public static final TypeInformation<Decoding> DECODING =
            new RecordTypeInfo<>(Decoding.class, new DecodingSerializer());

    /** A Java record of basic fields: Flink's own POJO serializer handles it. */
    public static final TypeInformation<RawMessage> RAW_MESSAGE = TypeInformation.of(RawMessage.class);
    /** A Java record of a {@link RawMessage}, an enum and a string: Flink's own POJO serializer handles it. */
    public static final TypeInformation<DeadLetter> DEAD_LETTER = TypeInformation.of(DeadLetter.class);

    private RecordTypes() {
    }
}
