package io.spikeline.runtime.replay;

import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;

/**
 * The message form of every record a recording yields: its key (the source key, or the flow of a packet), its
 * event time, and its Avro single-object bytes from {@link RecordCodec}. Samples are sent as float32, so the
 * receiver decodes exactly the frames the reader produced. One instance per thread (codecs reuse buffers).
 */
public final class WireRecords {
    private final RecordCodec<SampleFrame, ?> frames = RecordCodec.sampleFrames(SamplePacking.float32());
    private final RecordCodec<EventBatch, ?> events = RecordCodec.eventBatches();
    private final RecordCodec<SpikeBatch, ?> spikes = RecordCodec.spikeBatches();
    private final RecordCodec<PacketRecord, ?> packets = RecordCodec.packets();
    private final RecordCodec<Feedback, ?> feedback = RecordCodec.feedback();

    public byte[] encode(Object record) {
        if (record instanceof SampleFrame f) {
            return frames.encode(f);
        } else if (record instanceof EventBatch b) {
            return events.encode(b);
        } else if (record instanceof SpikeBatch b) {
            return spikes.encode(b);
        } else if (record instanceof PacketRecord p) {
            return packets.encode(p);
        } else if (record instanceof Feedback f) {
            return feedback.encode(f);
        }
        throw unsupported(record);
    }

    public static String key(Object record) {
        if (record instanceof SampleFrame f) {
            return f.sourceKey();
        } else if (record instanceof EventBatch b) {
            return b.sourceKey();
        } else if (record instanceof SpikeBatch b) {
            return b.sourceKey();
        } else if (record instanceof PacketRecord p) {
            return p.flow().toString();
        } else if (record instanceof Feedback f) {
            return f.sourceKey();
        }
        throw unsupported(record);
    }

    /** When the record starts in event time; an event batch must not be empty. */
    public static long eventTimeUs(Object record) {
        if (record instanceof SampleFrame f) {
            return f.firstSampleTimeUs();
        } else if (record instanceof EventBatch b) {
            return b.timestampsUs()[0];
        } else if (record instanceof SpikeBatch b) {
            return b.startTimeUs();
        } else if (record instanceof PacketRecord p) {
            return p.captureTimeUs();
        } else if (record instanceof Feedback f) {
            return f.eventTimeUs();
        }
        throw unsupported(record);
    }

    /** Whether the record holds nothing to send (an event batch without events). */
    public static boolean isEmpty(Object record) {
        return record instanceof EventBatch b && b.size() == 0;
    }

    private static IllegalArgumentException unsupported(Object record) {
        return new IllegalArgumentException("no wire form for " + record.getClass().getName());
    }
}
