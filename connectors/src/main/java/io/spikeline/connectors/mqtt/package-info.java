/**
 * MQTT 3.1.1 connectors on Eclipse Paho: {@code source.MqttSource} (Flink Source API) delivers
 * {@link io.spikeline.connectors.RawMessage}s for {@code DecodeOrDeadLetter} to decode, and
 * {@code sink.MqttSink} (Sink API v2) publishes encoded records. Both share {@link
 * io.spikeline.connectors.mqtt.MqttConnectionOptions} and reconnect by themselves with exponential backoff
 * ({@code client.ReconnectingClient}).
 *
 * <h2>Parallelism of the source</h2>
 * MQTT has no partitions. A split is one subscription: a client id, its topic filters and a QoS. Without a shared
 * subscription group there is exactly one split, read by reader 0; the other readers stay idle (so run the source
 * at parallelism 1 and rebalance after it). With {@code setSharedSubscriptionGroup(group)} the source makes one
 * split per reader at the job's first start, each subscribing {@code $share/group/filter} as client
 * {@code clientId-i}, and the broker spreads messages over them. Split {@code i} always goes to reader
 * {@code i % parallelism}; the number of splits is fixed at the first start and kept in checkpoints, so after a
 * rescale some readers hold several subscriptions or none.
 *
 * <h2>What a checkpoint means for the source</h2>
 * The broker, not Flink, holds the position of an MQTT subscription: a persistent session (clean session off,
 * the default) keeps the subscriptions and every QoS 1/2 message not yet acknowledged by the client, under the
 * client id. The split state is therefore only the subscription itself (client id, filters, QoS); restoring it
 * reconnects as the same client id and resumes that session.
 * <p>With the default {@code MqttAckMode.ON_CHECKPOINT_COMPLETE} the reader withholds the acknowledgement (PUBACK
 * for QoS 1, PUBCOMP for QoS 2) of each message it emits until the first checkpoint taken after the emission
 * has completed. So a completed checkpoint N means: every QoS 1/2 message emitted before N's barrier has been
 * acknowledged and will not come again; every message emitted after it is unacknowledged, and after a failure
 * the broker redelivers it to the restored reader. Hence:
 * <ul>
 *   <li>QoS 1 + persistent session: at-least-once across job failures, task failures and broker restarts (if
 *       the broker persists sessions); redelivered messages may be duplicates.</li>
 *   <li>QoS 2: exactly-once between broker and a live client, but the MQTT handshake hands a message over to
 *       the client at PUBREC, before the checkpoint; a message in flight when the job fails can be lost. Prefer
 *       QoS 1 when failures must not lose data.</li>
 *   <li>QoS 0, or a clean session: at-most-once; nothing is redelivered.</li>
 * </ul>
 * The broker must let a client hold a checkpoint interval of unacknowledged messages (Mosquitto:
 * {@code max_inflight_messages 0}, and {@code max_queued_messages} large enough for outages), and checkpointing
 * must be enabled: without completed checkpoints nothing is acknowledged and the broker stops sending once its
 * in-flight window is full. {@code MqttAckMode.ON_EMIT} acknowledges as a message is emitted instead: no such
 * requirements, at-most-once across failures.
 *
 * <h2>Back-pressure</h2>
 * Each reader buffers at most {@code maxBufferedMessages} messages; when the buffer is full, Paho's callback thread
 * waits, Paho stops reading the socket and TCP pushes back to the broker. No layer of the source buffers without
 * bound; the broker's queue limits decide what happens to a client that stays slow.
 *
 * <h2>The sink</h2>
 * Flushing before each checkpoint waits for every publication to complete (acknowledged for QoS 1/2), so a
 * completed checkpoint means every record before it reached the broker: at-least-once for QoS 1/2.
 */
package io.spikeline.connectors.mqtt;
