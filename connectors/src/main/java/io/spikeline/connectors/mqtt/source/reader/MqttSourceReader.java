package io.spikeline.connectors.mqtt.source.reader;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import io.spikeline.connectors.mqtt.client.ReconnectingClient;
import io.spikeline.connectors.mqtt.source.MqttAckMode;
import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.synchronization.FutureCompletingBlockingQueue;
import org.apache.flink.core.io.InputStatus;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the subscriptions assigned to it into one bounded queue of {@code maxBufferedMessages}. Paho's callback
 * thread puts each message into the queue and blocks while it is full; Paho then stops reading the socket, so a
 * slow pipeline pushes back through TCP to the broker instead of buffering without bound. (A back-pressure
 * stall longer than about the keep-alive interval makes Paho drop the connection; it reconnects, and with a
 * persistent session the broker redelivers what was not acknowledged.)
 *
 * <p>Acknowledgements follow the {@link MqttAckMode}. With {@link MqttAckMode#ON_CHECKPOINT_COMPLETE} the messages
 * emitted between two snapshots are kept per checkpoint id and acknowledged in
 * {@link #notifyCheckpointComplete}; a message that arrived on an earlier connection is not acknowledged
 * (its id belonged to that connection) because the broker redelivers it on the new one.
 */
public final class MqttSourceReader implements SourceReader<RawMessage, MqttSubscriptionSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);
    private static final byte[] NO_KEY = new byte[0];

    /** A received message and what it takes to acknowledge it. */
    private record Delivery(RawMessage message, int clientIndex, int messageId, int qos, long generation) { }

    private final SourceReaderContext context;
    private final MqttConnectionOptions connection;
    private final MqttAckMode ackMode;
    private final FutureCompletingBlockingQueue<Delivery> queue;
    private final List<MqttSubscriptionSplit> splits = new ArrayList<>();
    private final List<ReconnectingClient> clients = new ArrayList<>();
    private final NavigableMap<Long, List<Delivery>> awaitingCheckpoint = new TreeMap<>();
    private List<Delivery> emittedSinceSnapshot = new ArrayList<>();
    private volatile boolean closed;

    public MqttSourceReader(SourceReaderContext context, MqttConnectionOptions connection, MqttAckMode ackMode,
                            int maxBufferedMessages) {
        this.context = context;
        this.connection = connection;
        this.ackMode = ackMode;
        this.queue = new FutureCompletingBlockingQueue<>(maxBufferedMessages);
        context.metricGroup().gauge("mqttBufferedMessages", queue::size);
    }

    @Override
    public void start() {
        // Subscriptions arrive through addSplits, on a fresh start and on restore alike.
    }

    @Override
    public void addSplits(List<MqttSubscriptionSplit> newSplits) {
        for (MqttSubscriptionSplit split : newSplits) {
            int putterIndex = clients.size();
            ReconnectingClient client;
            try {
                // The in-flight limit bounds outgoing publications only, which a subscriber never makes.
                client = new ReconnectingClient(connection.withClientId(split.clientId()), true, 10,
                        (topic, message, generation) -> enqueue(putterIndex, topic, message, generation),
                        (paho, sessionPresent) -> subscribe(paho, split));
            } catch (MqttException e) {
                throw new IllegalStateException("cannot create MQTT client " + split.clientId() + " for "
                        + connection.serverUri() + ": " + e, e);
            }
            // Registered before starting: a message may arrive as soon as the client connects.
            splits.add(split);
            clients.add(client);
            client.start();
            LOG.info("Subtask {} reads {} as client {} at {}", context.getIndexOfSubtask(), split.topicFilters(),
                    split.clientId(), split.qos());
        }
    }

    private void enqueue(int putterIndex, String topic, MqttMessage message, long generation) throws InterruptedException {
        if (closed) {
            return;
        }
        RawMessage raw = new RawMessage("mqtt", topic, -1, -1, System.currentTimeMillis(), NO_KEY, message.getPayload());
        queue.put(putterIndex, new Delivery(raw, putterIndex, message.getId(), message.getQos(), generation));
    }

    private void subscribe(MqttAsyncClient paho, MqttSubscriptionSplit split) throws MqttException {
        String[] filters = split.topicFilters().toArray(String[]::new);
        int[] qos = new int[filters.length];
        Arrays.fill(qos, split.qos().level());
        IMqttToken token = paho.subscribe(filters, qos);
        token.waitForCompletion(connection.connectTimeout().toMillis());
        int[] granted = token.getGrantedQos();
        for (int i = 0; i < granted.length && i < filters.length; i++) {
            if (granted[i] == 0x80) {
                throw new MqttException(new IllegalStateException("the broker refused the subscription to '"
                        + filters[i] + "'"));
            }
            if (granted[i] < qos[i]) {
                LOG.warn("MQTT broker granted QoS {} instead of {} for '{}'", granted[i], qos[i], filters[i]);
            }
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<RawMessage> output) {
        Delivery delivery = queue.poll();
        if (delivery == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        output.collect(delivery.message(), delivery.message().brokerTimestampMs());
        if (ackMode == MqttAckMode.ON_EMIT) {
            acknowledge(delivery);
        } else if (delivery.qos() > 0) {
            emittedSinceSnapshot.add(delivery);
        }
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    private void acknowledge(Delivery delivery) {
        clients.get(delivery.clientIndex()).acknowledge(delivery.messageId(), delivery.qos(), delivery.generation());
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return queue.getAvailabilityFuture();
    }

    @Override
    public List<MqttSubscriptionSplit> snapshotState(long checkpointId) {
        if (!emittedSinceSnapshot.isEmpty()) {
            awaitingCheckpoint.put(checkpointId, emittedSinceSnapshot);
            emittedSinceSnapshot = new ArrayList<>();
        }
        return List.copyOf(splits);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        // A completed checkpoint subsumes earlier ones, including aborted ones whose messages it also covers.
        Map<Long, List<Delivery>> covered = awaitingCheckpoint.headMap(checkpointId, true);
        for (List<Delivery> deliveries : covered.values()) {
            for (Delivery delivery : deliveries) {
                acknowledge(delivery);
            }
        }
        covered.clear();
    }

    @Override
    public void notifyNoMoreSplits() {
        // The enumerator never sends this: subscriptions are unbounded.
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < clients.size(); i++) {
            queue.wakeUpPuttingThread(i);
        }
        for (ReconnectingClient client : clients) {
            client.close();
        }
    }
}
