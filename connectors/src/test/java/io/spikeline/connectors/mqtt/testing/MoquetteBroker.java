package io.spikeline.connectors.mqtt.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * An embedded Moquette broker, for machines without Mosquitto; sessions persist in the test's directory. It has
 * no shared subscriptions.
 */
final class MoquetteBroker implements TestBroker {
    private final Path directory;
    private final int port;
    private Server server;

    MoquetteBroker(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    @Override
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void start() throws IOException {
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "true");
        properties.setProperty(IConfig.DATA_PATH_PROPERTY_NAME, directory.toAbsolutePath().toString());
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        // Room for SampleFrame blocks (46 KB for 384 channels x 30 samples) and for bursts of QoS 0 messages.
        properties.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(1 << 20));
        properties.setProperty(IConfig.SESSION_QUEUE_SIZE, "100000");
        server = new Server();
        server.startServer(new MemoryConfig(properties));
        TestBroker.awaitPort(port, true, Duration.ofSeconds(10));
    }

    /** Moquette 0.17 knows no {@code $share/} subscriptions. */
    @Override
    public boolean forwardsEveryQos0Message() {
        return false;
    }

    @Override
    public boolean supportsSharedSubscriptions() {
        return false;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
            TestBroker.awaitPort(port, false, Duration.ofSeconds(10));
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Moquette at " + uri();
    }
}
