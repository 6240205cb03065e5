/**
 * Flink type information and serializers for the {@code models} records, so that no record ever falls back
 * to Kryo. Jobs declare their streams with {@link io.spikeline.connectors.types.RecordTypes}, for example
 * {@code .returns(RecordTypes.SAMPLE_FRAME)}.
 *
 * <p>Every serializer writes a compact binary layout: scalars first, then each primitive array as its length
 * followed by its elements copied in bulk (big-endian, through a reusable chunk buffer, never element by
 * element). Records are immutable, so {@code copy} returns its argument. Each serializer's snapshot is
 * versioned: the snapshot version is the layout version, and a version this code does not know fails the
 * restore loudly instead of misreading state.
 *
 * <p>{@link io.spikeline.connectors.RawMessage} and {@link io.spikeline.connectors.deadletter.DeadLetter} are
 * Java records of basic fields, which Flink already serializes as POJOs without Kryo; {@code RecordTypes}
 * names their type information too.
 */
package io.spikeline.connectors.types;
