package io.spikeline.connectors.mqtt.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto process with a generated configuration: one loopback listener, anonymous access, persistence in
 * the test's directory (saved on SIGTERM, so persistent sessions survive {@link #stop()}/{@link #start()}), no
 * limit on in-flight messages per client (the source holds acknowledgements until a checkpoint completes).
 */
final class MosquittoBroker implements TestBroker {
    private final Path directory;
    private final int port;
    private final Path config;
    private Process process;

    MosquittoBroker(Path directory, int port) throws IOException {
        this.directory = directory;
        this.port = port;
        this.config = directory.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                // Started as root, Mosquitto would switch to a 'mosquitto' user that cannot write the directory.
                "user root",
                "persistence true",
                "persistence_location " + directory.toAbsolutePath() + "/",
                "autosave_interval 0",
                "max_inflight_messages 0",
                // Acknowledgements go out at once instead of waiting on Nagle's algorithm.
                "set_tcp_nodelay true",
                "max_queued_messages 1000000",
                "log_dest file " + directory.resolve("mosquitto.log").toAbsolutePath(),
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
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
    public boolean forwardsEveryQos0Message() {
        return true;
    }

    @Override
    public boolean supportsSharedSubscriptions() {
        return true;
    }

    @Override
    public void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Mosquitto already runs on port " + port);
        }
        process = new ProcessBuilder(MOSQUITTO.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("mosquitto.out").toFile())
                .start();
        TestBroker.awaitPort(port, true, Duration.ofSeconds(10));
    }

    @Override
    public void stop() throws IOException {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted stopping Mosquitto", e);
        }
        process = null;
        TestBroker.awaitPort(port, false, Duration.ofSeconds(10));
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    @Override
    public String toString() {
        return "Mosquitto at " + uri();
    }
}
