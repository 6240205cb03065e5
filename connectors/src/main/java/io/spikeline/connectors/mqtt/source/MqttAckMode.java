package io.spikeline.connectors.mqtt.source;

/** When the source acknowledges a received QoS 1/2 message to the broker (PUBACK for QoS 1, PUBCOMP for QoS 2). */
public enum MqttAckMode {
    /**
     * After the first checkpoint taken after the message was emitted completes. A message is acknowledged only
     * once its effects are in a completed checkpoint, so a failure before that makes the broker redeliver it
     * (at-least-once for QoS 1 with a persistent session). Needs checkpointing enabled, and a broker that lets
     * a client hold at least one checkpoint interval of unacknowledged messages (Mosquitto:
     * {@code max_inflight_messages 0} or large; its default of 20 limits the source to 20 messages per checkpoint).
     */
    ON_CHECKPOINT_COMPLETE,
    /**
     * As soon as the message is emitted into the Flink pipeline. Works without checkpointing and with the
     * broker's default in-flight window, but a failure loses what was emitted after the last checkpoint
     * (at-most-once across failures).
     */
    ON_EMIT
}
