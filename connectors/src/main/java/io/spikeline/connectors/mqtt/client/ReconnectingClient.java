package io.spikeline.connectors.mqtt.client;

import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Paho client that keeps itself connected: the first connection and every reconnection after a lost
 * connection or a failed attempt run on a dedicated thread, with delays from an {@link ExponentialBackoff}.
 * After each successful connection {@link OnConnected} runs (a source subscribes there), so a broker that
 * restarted without its session state still gets the subscriptions back.
 *
 * <p>Each connection attempt starts a new {@link #generation()}; a message received on one connection can only
 * be acknowledged on that same connection (message ids are per connection), so acknowledgers compare generations.
 */
public final class ReconnectingClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingClient.class);

    /** Runs after each successful connection, on the reconnection thread; throwing makes the attempt fail. */
    @FunctionalInterface
    public interface OnConnected {
        void connected(MqttAsyncClient client, boolean sessionPresent) throws MqttException;
    }

    /** Receives messages on Paho's callback thread; blocking there stops reading from the socket. */
    @FunctionalInterface
    public interface MessageHandler {
        void messageArrived(String topic, MqttMessage message, long generation) throws InterruptedException;
    }

    private final MqttConnectionOptions options;
    private final MqttAsyncClient client;
    private final ExponentialBackoff backoff;
    private final OnConnected onConnected;
    private final int maxInflight;
    private final ScheduledExecutorService reconnector;
    private final AtomicLong generation = new AtomicLong();
    private final Object connectedSignal = new Object();
    private volatile boolean closed;
    private int failedAttempts;

    /**
     * @param manualAcks true to acknowledge received QoS 1/2 messages only through {@link #acknowledge}
     * @param maxInflight the most QoS 1/2 publications awaiting acknowledgement
     */
    public ReconnectingClient(MqttConnectionOptions options, boolean manualAcks, int maxInflight,
                              MessageHandler handler, OnConnected onConnected) throws MqttException {
        this.options = options;
        this.backoff = new ExponentialBackoff(options.reconnectInitialDelay(), options.reconnectMaxDelay());
        this.onConnected = onConnected;
        this.client = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
        client.setManualAcks(manualAcks);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("MQTT client {} lost its connection to {}: {}", options.clientId(), options.serverUri(),
                        cause.toString());
                scheduleAttempt(backoff.delay(0).toMillis());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
                handler.messageArrived(topic, message, generation.get());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // Publishers follow their tokens' action listeners instead.
            }
        });
        this.maxInflight = maxInflight;
        this.reconnector = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-connect-" + options.clientId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts connecting in the background. */
    public void start() {
        scheduleAttempt(0);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Waits until the client is connected, the client is closed, or the timeout passes.
     *
     * @return whether the client is connected
     */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (connectedSignal) {
            long remainingMs;
            while (!client.isConnected() && !closed && (remainingMs = (end - System.nanoTime()) / 1_000_000) > 0) {
                connectedSignal.wait(remainingMs);
            }
        }
        return client.isConnected();
    }

    /** The underlying client, for publishing. */
    public MqttAsyncClient client() {
        return client;
    }

    public String clientId() {
        return options.clientId();
    }

    /**
     * Acknowledges a received QoS 1/2 message (PUBACK or PUBCOMP) if it arrived on the current connection;
     * after a reconnection the broker redelivers unacknowledged messages of a persistent session itself.
     *
     * @return whether the acknowledgement was sent
     */
    public boolean acknowledge(int messageId, int qos, long receivedInGeneration) {
        if (qos == 0 || receivedInGeneration != generation.get() || !client.isConnected()) {
            return false;
        }
        try {
            client.messageArrivedComplete(messageId, qos);
            return true;
        } catch (MqttException e) {
            LOG.debug("MQTT client {} could not acknowledge message {}: {}", options.clientId(), messageId, e.toString());
            return false;
        }
    }

    private void scheduleAttempt(long delayMs) {
        if (!closed) {
            reconnector.schedule(this::attempt, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void attempt() {
        if (closed || client.isConnected()) {
            return;
        }
        long number = generation.incrementAndGet();
        try {
            MqttConnectOptions paho = options.toPaho();
            paho.setMaxInflight(maxInflight);
            IMqttToken token = client.connect(paho);
            token.waitForCompletion(options.connectTimeout().toMillis());
            onConnected.connected(client, token.getSessionPresent());
            LOG.info("MQTT client {} connected to {} (attempt generation {}, session present: {})", options.clientId(),
                    options.serverUri(), number, token.getSessionPresent());
            failedAttempts = 0;
            synchronized (connectedSignal) {
                connectedSignal.notifyAll();
            }
        } catch (MqttException | RuntimeException e) {
            long delayMs = backoff.delay(failedAttempts).toMillis();
            failedAttempts++;
            LOG.warn("MQTT client {} could not connect to {} ({}); retrying in {} ms", options.clientId(),
                    options.serverUri(), e.toString(), delayMs);
            dropConnection();
            scheduleAttempt(delayMs);
        }
    }

    private void dropConnection() {
        try {
            client.disconnectForcibly(0, options.connectTimeout().toMillis(), false);
        } catch (MqttException e) {
            LOG.debug("MQTT client {}: nothing to drop after a failed attempt ({})", options.clientId(), e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (connectedSignal) {
            connectedSignal.notifyAll();
        }
        reconnector.shutdownNow();
        if (client.isConnected()) {
            try {
                client.disconnect(0).waitForCompletion(options.connectTimeout().toMillis());
            } catch (MqttException e) {
                LOG.debug("MQTT client {} did not disconnect cleanly: {}", options.clientId(), e.toString());
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT client {} did not close cleanly: {}", options.clientId(), e.toString());
        }
    }
}
