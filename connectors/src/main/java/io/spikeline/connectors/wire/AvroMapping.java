package io.spikeline.connectors.wire;

import io.spikeline.connectors.avro.AvroDecoding;
import io.spikeline.connectors.avro.AvroEventBatch;
import io.spikeline.connectors.avro.AvroFeedback;
import io.spikeline.connectors.avro.AvroFlowKey;
import io.spikeline.connectors.avro.AvroPacketRecord;
import io.spikeline.connectors.avro.AvroSampleEncoding;
import io.spikeline.connectors.avro.AvroSampleFrame;
import io.spikeline.connectors.avro.AvroSpikeBatch;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Maps each models record to its generated Avro class and back; the reverse direction validates. */
final class AvroMapping {
    private AvroMapping() {}

    static AvroSampleFrame toAvro(SampleFrame f, SamplePacking packing) {
        ByteBuffer samples;
        if (packing.kind() == SamplePacking.Kind.FLOAT32) {
            samples = LittleEndian.floats(f.data());
        } else {
            float[] data = f.data();
            short[] steps = new short[data.length];
            float scale = packing.scale();
            for (int i = 0; i < data.length; i++) {
                float step = Math.round(data[i] / scale);
                if (!(step >= -32767 && step <= 32767)) {
                    throw new IllegalArgumentException("sample " + data[i] + " of " + f + " (channel "
                            + i % f.channelCount() + ") does not fit int16 steps of " + scale);
                }
                steps[i] = (short) step;
            }
            samples = LittleEndian.shorts(steps);
        }
        return AvroSampleFrame.newBuilder().setSourceKey(f.sourceKey()).setSequence(f.sequence())
                .setFirstSampleTimeUs(f.firstSampleTimeUs()).setSampleRateHz(f.sampleRateHz())
                .setChannelCount(f.channelCount()).setSampleCount(f.sampleCount())
                .setEncoding(packing.kind() == SamplePacking.Kind.FLOAT32 ? AvroSampleEncoding.FLOAT32_LE
                        : AvroSampleEncoding.INT16_LE)
                .setScale(packing.scale()).setSamples(samples).build();
    }

    static SampleFrame fromAvro(AvroSampleFrame a) throws WireFormatException {
        int count = Math.multiplyExact(a.getChannelCount(), Math.max(0, a.getSampleCount()));
        float[] data;
        if (a.getEncoding() == AvroSampleEncoding.FLOAT32_LE) {
            data = LittleEndian.toFloats(a.getSamples(), count, "samples");
        } else {
            short[] steps = LittleEndian.toShorts(a.getSamples(), count, "samples");
            data = new float[count];
            float scale = a.getScale();
            for (int i = 0; i < count; i++) {
                data[i] = steps[i] * scale;
            }
        }
        return new SampleFrame(a.getSourceKey(), a.getSequence(), a.getFirstSampleTimeUs(), a.getSampleRateHz(),
                a.getChannelCount(), a.getSampleCount(), data);
    }

    static AvroEventBatch toAvro(EventBatch b) {
        return AvroEventBatch.newBuilder().setSourceKey(b.sourceKey()).setSequence(b.sequence()).setWidth(b.width())
                .setHeight(b.height()).setEventCount(b.size()).setTimestampsUs(LittleEndian.longs(b.timestampsUs()))
                .setX(LittleEndian.shorts(b.x())).setY(LittleEndian.shorts(b.y()))
                .setPolarity(ByteBuffer.wrap(b.polarity().clone())).build();
    }

    static EventBatch fromAvro(AvroEventBatch a) throws WireFormatException {
        int n = a.getEventCount();
        byte[] polarity = LittleEndian.toBytes(a.getPolarity());
        if (polarity.length != n) {
            throw new WireFormatException(WireFormatException.Reason.INVALID_RECORD, "field 'polarity' holds "
                    + polarity.length + " bytes for " + n + " events", null);
        }
        return new EventBatch(a.getSourceKey(), a.getSequence(), a.getWidth(), a.getHeight(),
                LittleEndian.toLongs(a.getTimestampsUs(), n, "timestampsUs"), LittleEndian.toShorts(a.getX(), n, "x"),
                LittleEndian.toShorts(a.getY(), n, "y"), polarity);
    }

    static AvroSpikeBatch toAvro(SpikeBatch b) {
        return AvroSpikeBatch.newBuilder().setSourceKey(b.sourceKey()).setSequence(b.sequence())
                .setStartTimeUs(b.startTimeUs()).setBinWidthUs(b.binWidthUs()).setChannelCount(b.channelCount())
                .setBinCount(b.binCount()).setBinOffsets(LittleEndian.ints(b.binOffsets()))
                .setChannelIndices(LittleEndian.ints(b.channelIndices())).build();
    }

    static SpikeBatch fromAvro(AvroSpikeBatch a) throws WireFormatException {
        int spikes = a.getChannelIndices().remaining() / 4;
        return new SpikeBatch(a.getSourceKey(), a.getSequence(), a.getStartTimeUs(), a.getBinWidthUs(),
                a.getChannelCount(), a.getBinCount(),
                LittleEndian.toInts(a.getBinOffsets(), a.getBinCount() + 1, "binOffsets"),
                LittleEndian.toInts(a.getChannelIndices(), spikes, "channelIndices"));
    }

    static AvroPacketRecord toAvro(PacketRecord p) {
        FlowKey k = p.flow();
        AvroFlowKey flow = AvroFlowKey.newBuilder().setSourceAddress(ByteBuffer.wrap(k.sourceAddress()))
                .setDestinationAddress(ByteBuffer.wrap(k.destinationAddress())).setSourcePort(k.sourcePort())
                .setDestinationPort(k.destinationPort()).setProtocol(k.protocol()).build();
        return AvroPacketRecord.newBuilder().setCaptureTimeUs(p.captureTimeUs()).setFlow(flow)
                .setBytes(ByteBuffer.wrap(p.bytes().clone())).setWireLength(p.wireLength())
                .setLabel(p.hasLabel() ? p.label() : null).build();
    }

    static PacketRecord fromAvro(AvroPacketRecord a) {
        AvroFlowKey f = a.getFlow();
        FlowKey flow = new FlowKey(LittleEndian.toBytes(f.getSourceAddress()), LittleEndian.toBytes(f.getDestinationAddress()),
                f.getSourcePort(), f.getDestinationPort(), f.getProtocol());
        return new PacketRecord(a.getCaptureTimeUs(), flow, LittleEndian.toBytes(a.getBytes()), a.getWireLength(),
                a.getLabel() == null ? PacketRecord.NO_LABEL : a.getLabel());
    }

    static AvroFeedback toAvro(Feedback f) {
        AvroFeedback.Builder b = AvroFeedback.newBuilder().setSourceKey(f.sourceKey()).setEventTimeUs(f.eventTimeUs())
                .setReward(f.hasReward() ? f.reward() : null);
        switch (f.kind()) {
            case CLASS -> b.setClassId(f.classId());
            case VECTOR -> b.setTarget(LittleEndian.floats(f.target()));
            case REWARD_ONLY -> { }
            default -> throw new IllegalStateException("unmapped feedback kind " + f.kind());
        }
        return b.build();
    }

    static Feedback fromAvro(AvroFeedback a) throws WireFormatException {
        float reward = a.getReward() == null ? Float.NaN : a.getReward();
        if (a.getClassId() != null && a.getTarget() != null) {
            throw new WireFormatException(WireFormatException.Reason.INVALID_RECORD, "feedback for '" + a.getSourceKey()
                    + "' carries both a class and a target vector", null);
        }
        if (a.getClassId() != null) {
            return Feedback.ofClass(a.getSourceKey(), a.getEventTimeUs(), a.getClassId(), reward);
        }
        if (a.getTarget() != null) {
            ByteBuffer t = a.getTarget();
            if (t.remaining() % 4 != 0) {
                throw new WireFormatException(WireFormatException.Reason.INVALID_RECORD, "field 'target' holds "
                        + t.remaining() + " bytes, not a whole number of float32", null);
            }
            return Feedback.ofVector(a.getSourceKey(), a.getEventTimeUs(), LittleEndian.toFloats(t, t.remaining() / 4,
                    "target"), reward);
        }
        if (a.getReward() == null) {
            throw new WireFormatException(WireFormatException.Reason.INVALID_RECORD, "feedback for '" + a.getSourceKey()
                    + "' carries neither a class, a target nor a reward", null);
        }
        return Feedback.ofReward(a.getSourceKey(), a.getEventTimeUs(), reward);
    }

    static AvroDecoding toAvro(Decoding d) {
        return AvroDecoding.newBuilder().setSourceKey(d.sourceKey()).setEventTimeUs(d.eventTimeUs())
                .setOutput(LittleEndian.floats(d.output())).setClassId(d.hasClass() ? d.classId() : null)
                .setConfidence(d.hasClass() ? d.confidence() : null).setIngestWallTimeUs(d.ingestWallTimeUs())
                .setEmitWallTimeUs(d.emitWallTimeUs()).build();
    }

    static Decoding fromAvro(AvroDecoding a) throws WireFormatException {
        ByteBuffer out = a.getOutput().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (out.remaining() % 4 != 0) {
            throw new WireFormatException(WireFormatException.Reason.INVALID_RECORD, "field 'output' holds "
                    + out.remaining() + " bytes, not a whole number of float32", null);
        }
        float[] output = LittleEndian.toFloats(out, out.remaining() / 4, "output");
        int classId = a.getClassId() == null ? Decoding.NO_CLASS : a.getClassId();
        float confidence = a.getConfidence() == null ? Float.NaN : a.getConfidence();
        return new Decoding(a.getSourceKey(), a.getEventTimeUs(), output, classId, confidence, a.getIngestWallTimeUs(),
                a.getEmitWallTimeUs());
    }
}
