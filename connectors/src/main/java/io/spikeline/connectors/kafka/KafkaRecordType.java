package io.spikeline.connectors.kafka;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * How one record type travels through Kafka: its Flink type, its wire codec, its message key and its event
 * time in epoch milliseconds (the records carry microseconds; {@code floorDiv} keeps times before the epoch
 * ordered).
 *
 * @param name a short name for operator names
 * @param codec makes the wire codec on each parallel instance (codecs are neither serialisable nor thread-safe)
 * @param key the message key: the source key, or the flow for packets
 * @param eventTimeMs the record's event time; its second argument is the time the record already carries
 *     (the Kafka timestamp), the fallback for a record without a time of its own
 * @param <T> the record type
 */
public record KafkaRecordType<T>(String name, TypeInformation<T> type, SerializableSupplier<RecordCodec<T, ?>> codec,
                                 SerializableFunction<T, String> key, SerializableTimestampAssigner<T> eventTimeMs) {

    public static KafkaRecordType<SampleFrame> sampleFrames(SamplePacking packing) {
        // SamplePacking is not serialisable; its parts are.
        SamplePacking.Kind kind = packing.kind();
        float scale = packing.scale();
        return new KafkaRecordType<>("SampleFrame", RecordTypes.SAMPLE_FRAME,
                () -> RecordCodec.sampleFrames(new SamplePacking(kind, scale)), SampleFrame::sourceKey,
                (frame, previous) -> millis(frame.firstSampleTimeUs()));
    }

    /** Event time of a batch is its first event's; an empty batch keeps the time it arrived with. */
    public static KafkaRecordType<EventBatch> eventBatches() {
        return new KafkaRecordType<>("EventBatch", RecordTypes.EVENT_BATCH, RecordCodec::eventBatches,
                EventBatch::sourceKey,
                (batch, previous) -> batch.size() == 0 ? previous : millis(batch.timestampsUs()[0]));
    }

    public static KafkaRecordType<SpikeBatch> spikeBatches() {
        return new KafkaRecordType<>("SpikeBatch", RecordTypes.SPIKE_BATCH, RecordCodec::spikeBatches,
                SpikeBatch::sourceKey, (batch, previous) -> millis(batch.startTimeUs()));
    }

    public static KafkaRecordType<PacketRecord> packets() {
        return new KafkaRecordType<>("PacketRecord", RecordTypes.PACKET_RECORD, RecordCodec::packets,
                packet -> packet.flow().toString(), (packet, previous) -> millis(packet.captureTimeUs()));
    }

    public static KafkaRecordType<Feedback> feedback() {
        return new KafkaRecordType<>("Feedback", RecordTypes.FEEDBACK, RecordCodec::feedback, Feedback::sourceKey,
                (feedback, previous) -> millis(feedback.eventTimeUs()));
    }

    public static KafkaRecordType<Decoding> decodings() {
        return new KafkaRecordType<>("Decoding", RecordTypes.DECODING, RecordCodec::decodings, Decoding::sourceKey,
                (decoding, previous) -> millis(decoding.eventTimeUs()));
    }

    private static long millis(long micros) {
        return Math.floorDiv(micros, 1000L);
    }
}
