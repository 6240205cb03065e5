package io.spikeline.connectors.mqtt.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** An embedded Moquette broker, for machines without Mosquitto; sessions persist in the test's directory. */
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
        server = new Server();
        server.startServer(new MemoryConfig(properties));
        TestBroker.awaitPort(port, true, Duration.ofSeconds(10));
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
