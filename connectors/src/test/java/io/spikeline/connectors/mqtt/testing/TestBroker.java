package io.spikeline.connectors.mqtt.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An MQTT broker on a free loopback port that a test can stop and start again on the same port, with its
 * sessions persisted in a directory so that persistent sessions survive a restart. A real Mosquitto process
 * when {@code /usr/sbin/mosquitto} exists, else an embedded Moquette broker (also chosen with
 * {@code -Dspikeline.mqtt.broker=moquette}).
 */
public interface TestBroker extends AutoCloseable {
    Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

    /** {@code tcp://127.0.0.1:port}. */
    String uri();

    int port();

    /** Whether the broker hands each message of a {@code $share/group/filter} subscription to one member. */
    boolean supportsSharedSubscriptions();

    /**
     * Whether every QoS 0 message published over loopback reaches its subscribers, even when the publisher
     * disconnects right after writing it (QoS 0 promises no more, but Mosquitto keeps them; Moquette drops some).
     */
    boolean forwardsEveryQos0Message();

    /** Stops the broker, saving its persistent sessions; returns once the port is closed. */
    void stop() throws IOException;

    /** Starts the broker again on the same port; returns once it accepts connections. */
    void start() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * Starts a broker keeping its files in {@code directory}: Mosquitto if installed, unless the system property
     * {@code spikeline.mqtt.broker} is {@code moquette}.
     */
    static TestBroker start(Path directory) throws IOException {
        boolean moquetteAsked = "moquette".equals(System.getProperty("spikeline.mqtt.broker"));
        TestBroker broker = Files.isExecutable(MOSQUITTO) && !moquetteAsked
                ? new MosquittoBroker(directory, freePort())
                : new MoquetteBroker(directory, freePort());
        broker.start();
        return broker;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls until the port accepts (or refuses) connections, failing after the deadline. */
    static void awaitPort(int port, boolean accepting, Duration deadline) {
        Poll.until(deadline, () -> accepts(port) == accepting,
                () -> "port " + port + (accepting ? " to accept connections" : " to close"));
    }
}
