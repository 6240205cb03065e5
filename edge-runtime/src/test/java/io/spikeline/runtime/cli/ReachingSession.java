package io.spikeline.runtime.cli;

import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.runtime.bmi.BmiSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The simulated reaching session of the {@code bmi} application as the messages a publisher sends to a broker, as
 * {@code spikeline replay --feedback-to} does: each batch's spike counts to one topic, its hand velocity right after
 * it to another.
 */
final class ReachingSession {
    private static final byte[] NOT_AVRO = "{\"vx\": 1.0, \"vy\": 2.0}".getBytes(StandardCharsets.UTF_8);

    private ReachingSession() {}

    /** A message for {@code topic}. */
    record Message(String topic, byte[] payload) {}

    /**
     * The session of {@code settings} (spike counts), batches to {@code spikes} and velocity to {@code velocity}; with
     * {@code corrupt}, three corrupt messages among them (not Avro after batch 100, a velocity of an unknown schema
     * after batch 400, a truncated batch after batch 900), each kept in it by its bytes ({@link Arrays#toString}) with
     * the reason it must be dead-lettered for.
     */
    static List<Message> messages(BmiSettings settings, String spikes, String velocity,
                                  Map<String, WireFormatException.Reason> corrupt) {
        RecordCodec<SpikeBatch, ?> spikeCodec = RecordCodec.spikeBatches();
        RecordCodec<Feedback, ?> feedbackCodec = RecordCodec.feedback();
        List<Message> messages = new ArrayList<>();
        try (ReachingSimulator simulator = new ReachingSimulator(BmiSettings.SOURCE_KEY, settings.session())) {
            for (long i = 0; i < settings.batches(); i++) {
                ReachingBatch batch = simulator.read();
                byte[] spikeMessage = spikeCodec.encode(batch.spikes());
                byte[] feedbackMessage = feedbackCodec.encode(batch.velocity());
                messages.add(new Message(spikes, spikeMessage));
                messages.add(new Message(velocity, feedbackMessage));
                if (corrupt == null) {
                    continue;
                }
                if (i == 100) {
                    messages.add(new Message(spikes, NOT_AVRO));
                    corrupt.put(Arrays.toString(NOT_AVRO), WireFormatException.Reason.BAD_HEADER);
                } else if (i == 400) {
                    byte[] foreign = feedbackMessage.clone();
                    foreign[5] ^= 0x5A;
                    messages.add(new Message(velocity, foreign));
                    corrupt.put(Arrays.toString(foreign), WireFormatException.Reason.UNKNOWN_FINGERPRINT);
                } else if (i == 900) {
                    byte[] truncated = Arrays.copyOf(spikeMessage, 14);
                    messages.add(new Message(spikes, truncated));
                    corrupt.put(Arrays.toString(truncated), WireFormatException.Reason.CORRUPT_AVRO);
                }
            }
        }
        return messages;
    }
}
