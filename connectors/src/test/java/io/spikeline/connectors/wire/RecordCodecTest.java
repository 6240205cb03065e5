package io.spikeline.connectors.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.connectors.avro.AvroSampleFrame;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.FlowKey;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private final SeededRandom random = new SeededRandom(99);

    private SampleFrame frame(int channels, int samples) {
        float[] data = new float[channels * samples];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (50 * random.nextGaussian());
        }
        return new SampleFrame("probe-7", 12, 1_700_000_000_000_000L, 30_000, channels, samples, data);
    }

    @Test
    void everyRecordTypeSurvivesTheRoundTripExactly() throws Exception {
        SampleFrame f = frame(384, 30);
        assertThat(RecordCodec.sampleFrames(SamplePacking.float32()).decode(
                RecordCodec.sampleFrames(SamplePacking.float32()).encode(f))).isEqualTo(f);

        EventBatch events = new EventBatch("cam", 3, 346, 260, new long[] {5, 5, 9}, new short[] {0, 345, 17},
                new short[] {259, 0, 100}, new byte[] {1, 0, 1});
        assertThat(roundTrip(RecordCodec.eventBatches(), events)).isEqualTo(events);

        SpikeBatch spikes = new SpikeBatch("implant", 8, 1000, 1000, 96, 3, new int[] {0, 2, 2, 3}, new int[] {4, 95, 0});
        assertThat(roundTrip(RecordCodec.spikeBatches(), spikes)).isEqualTo(spikes);

        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[15] = 1;
        PacketRecord unlabelled = new PacketRecord(77, new FlowKey(v6, v6, 443, 51000, 17), new byte[] {1, 2, 3}, 1200,
                PacketRecord.NO_LABEL);
        PacketRecord labelled = new PacketRecord(78, new FlowKey(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, 1, 2, 6),
                new byte[60], 60, 4);
        assertThat(roundTrip(RecordCodec.packets(), unlabelled)).isEqualTo(unlabelled);
        assertThat(roundTrip(RecordCodec.packets(), labelled)).isEqualTo(labelled);

        for (Feedback fb : new Feedback[] {Feedback.ofClass("cam", 5, 3), Feedback.ofClass("cam", 5, 3, 0.5f),
            Feedback.ofVector("implant", 6, new float[] {1.5f, -2f}), Feedback.ofReward("net", 7, -1f)}) {
            assertThat(roundTrip(RecordCodec.feedback(), fb)).isEqualTo(fb);
        }
        for (Decoding d : new Decoding[] {new Decoding("implant", 9, new float[] {0.1f, 0.2f}, Decoding.NO_CLASS, Float.NaN, 10, 20),
            new Decoding("cam", 9, new float[0], 7, 0.9f, 10, 25)}) {
            assertThat(roundTrip(RecordCodec.decodings(), d)).isEqualTo(d);
        }
    }

    @Test
    void int16PackingHalvesTheSamplesAndRoundsToTheNearestStep() throws Exception {
        SampleFrame f = frame(64, 100);
        RecordCodec<SampleFrame, AvroSampleFrame> packed = RecordCodec.sampleFrames(SamplePacking.int16(0.195f));
        byte[] message = packed.encode(f);
        byte[] exact = RecordCodec.sampleFrames(SamplePacking.float32()).encode(f);
        assertThat(exact.length - message.length).isBetween(64 * 100 * 2, 64 * 100 * 2 + 8);
        SampleFrame back = packed.decode(message);
        for (int i = 0; i < f.data().length; i++) {
            assertThat(back.data()[i]).isCloseTo(f.data()[i], within(0.195f / 2 + 1e-4f));
        }
        float[] tooLarge = {7000f};
        assertThatThrownBy(() -> packed.encode(new SampleFrame("k", 0, 0, 1000, 1, 1, tooLarge)))
                .hasMessageContaining("does not fit int16 steps of 0.195");
    }

    @Test
    void messagesCarryTheSingleObjectHeaderWithTheSchemaFingerprint() {
        RecordCodec<SampleFrame, AvroSampleFrame> codec = RecordCodec.sampleFrames(SamplePacking.float32());
        byte[] message = codec.encode(frame(2, 2));
        assertThat(message[0]).isEqualTo((byte) 0xC3);
        assertThat(message[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(codec.schema()));
    }

    /** The next schema version adds a field with a default; each version reads the other's messages. */
    @Test
    void schemaEvolutionWorksBothWays() throws Exception {
        Schema next;
        try (InputStream in = getClass().getResourceAsStream("/avro/SampleFrameNextVersion.avsc")) {
            next = new Schema.Parser().parse(in);
        }
        RecordCodec<SampleFrame, AvroSampleFrame> current = RecordCodec.sampleFrames(SamplePacking.float32());
        SampleFrame f = frame(4, 3);

        // Next version reading a message of the current version: the new field takes its default.
        BinaryMessageDecoder<GenericRecord> nextReader = new BinaryMessageDecoder<>(GenericData.get(), next);
        nextReader.addSchema(current.schema());
        GenericRecord old = nextReader.decode(current.encode(f));
        assertThat(old.get("unit").toString()).isEqualTo("uV");
        assertThat(old.get("sequence")).isEqualTo(12L);

        // Current version reading a message of the next version: the new field is skipped.
        GenericRecord newer = new GenericData.Record(next);
        for (Schema.Field field : next.getFields()) {
            newer.put(field.name(), old.get(field.name()));
        }
        newer.put("unit", "mV");
        byte[] newerMessage = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), next).encode(newer).array();
        WireFormatException unknown = catchThrowableOfType(WireFormatException.class, () -> current.decode(newerMessage));
        assertThat(unknown.reason()).isEqualTo(WireFormatException.Reason.UNKNOWN_FINGERPRINT);
        current.registerWriterSchema(next);
        assertThat(current.decode(newerMessage)).isEqualTo(f);
    }

    @Test
    void undecodableMessagesFailWithTheirReason() throws IOException {
        RecordCodec<SampleFrame, AvroSampleFrame> codec = RecordCodec.sampleFrames(SamplePacking.float32());
        byte[] good = codec.encode(frame(8, 10));
        assertThat(reason(codec, "not avro at all".getBytes())).isEqualTo(WireFormatException.Reason.BAD_HEADER);
        assertThat(reason(codec, new byte[] {(byte) 0xC3})).isEqualTo(WireFormatException.Reason.BAD_HEADER);
        byte[] spikes = RecordCodec.spikeBatches().encode(new SpikeBatch("k", 0, 0, 1, 1, 1, new int[] {0, 0}, new int[0]));
        assertThat(reason(codec, spikes)).isEqualTo(WireFormatException.Reason.UNKNOWN_FINGERPRINT);
        assertThat(reason(codec, Arrays.copyOf(good, good.length / 2))).isEqualTo(WireFormatException.Reason.CORRUPT_AVRO);

        SampleFrame f = frame(8, 10);
        AvroSampleFrame wrongSize = AvroMapping.toAvro(f, SamplePacking.float32());
        wrongSize.setChannelCount(9);
        byte[] message = new BinaryMessageEncoder<AvroSampleFrame>(org.apache.avro.specific.SpecificData.get(),
                AvroSampleFrame.getClassSchema()).encode(wrongSize).array();
        WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> codec.decode(message));
        assertThat(e.reason()).isEqualTo(WireFormatException.Reason.INVALID_RECORD);
        assertThat(e.getMessage()).contains("'samples' holds 320 bytes but 90 values of 4 bytes need 360");
    }

    /** Random corruption of valid messages: every outcome is a record or a WireFormatException, nothing else. */
    @Test
    void corruptedMessagesNeverEscapeAsAnythingButWireFormatExceptions() throws IOException {
        RecordCodec<SampleFrame, AvroSampleFrame> frames = RecordCodec.sampleFrames(SamplePacking.int16(1f));
        RecordCodec<Feedback, ?> feedback = RecordCodec.feedback();
        byte[] frameMessage = frames.encode(frame(4, 8));
        byte[] feedbackMessage = feedback.encode(Feedback.ofVector("implant", 1, new float[] {1, 2}, 0.5f));
        int[] outcomes = new int[WireFormatException.Reason.values().length + 1];
        for (int trial = 0; trial < 20_000; trial++) {
            boolean useFrame = trial % 2 == 0;
            byte[] m = (useFrame ? frameMessage : feedbackMessage).clone();
            int flips = 1 + random.nextInt(4);
            for (int k = 0; k < flips; k++) {
                m[10 + random.nextInt(m.length - 10)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                m = Arrays.copyOf(m, 10 + random.nextInt(m.length - 10));
            }
            try {
                if (useFrame) {
                    frames.decode(m);
                } else {
                    feedback.decode(m);
                }
                outcomes[outcomes.length - 1]++;
            } catch (WireFormatException e) {
                outcomes[e.reason().ordinal()]++;
            }
        }
        assertThat(outcomes[WireFormatException.Reason.CORRUPT_AVRO.ordinal()]).isPositive();
        assertThat(outcomes[WireFormatException.Reason.INVALID_RECORD.ordinal()]).isPositive();
    }

    private static WireFormatException.Reason reason(RecordCodec<?, ?> codec, byte[] message) {
        return catchThrowableOfType(WireFormatException.class, () -> codec.decode(message)).reason();
    }

    private static <T> T roundTrip(RecordCodec<T, ?> codec, T record) throws WireFormatException {
        return codec.decode(codec.encode(record));
    }
}
