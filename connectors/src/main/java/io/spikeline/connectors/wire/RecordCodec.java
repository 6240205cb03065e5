package io.spikeline.connectors.wire;

import io.spikeline.connectors.avro.AvroDecoding;
import io.spikeline.connectors.avro.AvroEventBatch;
import io.spikeline.connectors.avro.AvroFeedback;
import io.spikeline.connectors.avro.AvroPacketRecord;
import io.spikeline.connectors.avro.AvroSampleFrame;
import io.spikeline.connectors.avro.AvroSpikeBatch;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.PacketRecord;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes one record type of Spikeline as an Avro single-object message (marker {@code C3 01}, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the binary body) and decodes such messages back,
 * resolving older or newer writer schemas that were {@link #registerWriterSchema registered}. Decoding
 * failures are {@link WireFormatException}s with a {@link WireFormatException.Reason}, ready for a dead-letter
 * output. Not thread-safe (the Avro encoder reuses its buffers): use one codec per thread or operator.
 *
 * @param <T> the models record type
 * @param <A> the generated Avro type
 */
public final class RecordCodec<T, A extends SpecificRecord> {

    /** Maps a models record to its Avro form. */
    @FunctionalInterface
    interface ToAvro<T, A> {
        A apply(T record);
    }

    /** Maps an Avro record to its models form, rejecting values that break the record's rules. */
    @FunctionalInterface
    interface FromAvro<A, T> {
        T apply(A avro) throws WireFormatException;
    }

    private static final int HEADER_BYTES = 10;

    private final Schema schema;
    private final Map<Long, Schema> writerSchemas = new HashMap<>();
    private final BinaryMessageEncoder<A> encoder;
    private final BinaryMessageDecoder<A> decoder;
    private final ToAvro<T, A> toAvro;
    private final FromAvro<A, T> fromAvro;

    private RecordCodec(Schema schema, ToAvro<T, A> toAvro, FromAvro<A, T> fromAvro) {
        this.schema = schema;
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
        writerSchemas.put(SchemaNormalization.parsingFingerprint64(schema), schema);
        this.toAvro = toAvro;
        this.fromAvro = fromAvro;
    }

    public static RecordCodec<SampleFrame, AvroSampleFrame> sampleFrames(SamplePacking packing) {
        return new RecordCodec<>(AvroSampleFrame.getClassSchema(), f -> AvroMapping.toAvro(f, packing),
                AvroMapping::fromAvro);
    }

    public static RecordCodec<EventBatch, AvroEventBatch> eventBatches() {
        return new RecordCodec<>(AvroEventBatch.getClassSchema(), AvroMapping::toAvro, AvroMapping::fromAvro);
    }

    public static RecordCodec<SpikeBatch, AvroSpikeBatch> spikeBatches() {
        return new RecordCodec<>(AvroSpikeBatch.getClassSchema(), AvroMapping::toAvro, AvroMapping::fromAvro);
    }

    public static RecordCodec<PacketRecord, AvroPacketRecord> packets() {
        return new RecordCodec<>(AvroPacketRecord.getClassSchema(), AvroMapping::toAvro, AvroMapping::fromAvro);
    }

    public static RecordCodec<Feedback, AvroFeedback> feedback() {
        return new RecordCodec<>(AvroFeedback.getClassSchema(), AvroMapping::toAvro, AvroMapping::fromAvro);
    }

    public static RecordCodec<Decoding, AvroDecoding> decodings() {
        return new RecordCodec<>(AvroDecoding.getClassSchema(), AvroMapping::toAvro, AvroMapping::fromAvro);
    }

    /** The schema this codec writes. */
    public Schema schema() {
        return schema;
    }

    /** Lets the decoder read messages written with {@code writerSchema} (an older or newer version). */
    public void registerWriterSchema(Schema writerSchema) {
        decoder.addSchema(writerSchema);
        writerSchemas.put(SchemaNormalization.parsingFingerprint64(writerSchema), writerSchema);
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(toAvro.apply(record));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("encoding " + record + " in memory", e);
        }
    }

    public T decode(byte[] message) throws WireFormatException {
        if (message.length >= HEADER_BYTES && message[0] == (byte) 0xC3 && message[1] == 0x01) {
            Schema writer = writerSchemas.get(ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
            if (writer != null) {
                AvroBounds.check(writer, message, HEADER_BYTES);
            }
        }
        A avro;
        try {
            avro = decoder.decode(message);
        } catch (BadHeaderException e) {
            throw new WireFormatException(WireFormatException.Reason.BAD_HEADER, describe(message)
                    + " is not an Avro single-object message", e);
        } catch (MissingSchemaException e) {
            throw new WireFormatException(WireFormatException.Reason.UNKNOWN_FINGERPRINT, describe(message)
                    + " names a schema fingerprint this reader does not know (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            // Whatever else Avro throws while decoding untrusted bytes means they were corrupt.
            throw new WireFormatException(WireFormatException.Reason.CORRUPT_AVRO, describe(message) + " does not decode as "
                    + schema.getName() + ": " + e, e);
        }
        try {
            return fromAvro.apply(avro);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(WireFormatException.Reason.INVALID_RECORD, e.getMessage(), e);
        }
    }

    private static String describe(byte[] message) {
        return "a message of " + message.length + " bytes";
    }
}
