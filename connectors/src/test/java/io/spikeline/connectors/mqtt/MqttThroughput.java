package io.spikeline.connectors.mqtt;

import io.spikeline.connectors.deadletter.DecodeOrDeadLetter;
import io.spikeline.connectors.mqtt.source.MqttSource;
import io.spikeline.connectors.mqtt.testing.Poll;
import io.spikeline.connectors.mqtt.testing.TestBroker;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.connectors.RawMessage;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * Throughput of MQTT → Flink → decode: publishes SampleFrame blocks of a neural probe (384 channels × 30
 * samples float32 = 1 ms at 30 kHz) to a local Mosquitto (or Moquette) at QoS 0 and QoS 1, reads them with
 * {@link MqttSource} in a local Flink job that decodes them through {@link DecodeOrDeadLetter}, and prints
 * frames/s, MB/s of payload and channel-samples/s from the first publication to the last decoded frame; the
 * same without decoding measures the source alone.
 * Not part of the test suite (its name does not end in Test); run it with
 * <pre>
 * ./mvnw -B -q -pl models,connectors test -Dtest=MqttThroughput -Dsurefire.failIfNoSpecifiedTests=false -Dthroughput.frames=20000
 * </pre>
 * or its {@code main} from an IDE with the test classpath.
 */
public final class MqttThroughput {
    private static final int CHANNELS = 384;
    private static final int SAMPLES = 30;
    private static final int DISTINCT_FRAMES = 64;
    private static final String MEASURED_KEY = "probe-0";
    private static final AtomicLong MEASURED = new AtomicLong();
    private static final AtomicLong WARM_UP = new AtomicLong();

    /** Counts what reaches it, telling measured records from warm-up ones (static counters: the job runs here). */
    private static final class CountingSink<T> implements Sink<T> {
        private final SerializablePredicate<T> measured;

        CountingSink(SerializablePredicate<T> measured) {
            this.measured = measured;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T record, Context writeContext) {
                    (measured.test(record) ? MEASURED : WARM_UP).incrementAndGet();
                }

                @Override
                public void flush(boolean endOfInput) {
                    // Nothing buffered.
                }

                @Override
                public void close() {
                    // Nothing held.
                }
            };
        }
    }

    private interface SerializablePredicate<T> extends Predicate<T>, Serializable { }

    @Test
    void measure() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        int frames = Integer.getInteger("throughput.frames", args.length > 0 ? Integer.parseInt(args[0]) : 20_000);
        byte[][] messages = encodedFrames(MEASURED_KEY, DISTINCT_FRAMES);
        byte[] warmUp = encodedFrames("warm-up", 1)[0];
        Path directory = Files.createTempDirectory("mqtt-throughput");
        try (TestBroker broker = TestBroker.start(directory)) {
            System.out.printf(Locale.ROOT, "%s, %d frames of %d channels x %d samples (%d bytes each)%n", broker, frames,
                    CHANNELS, SAMPLES, messages[0].length);
            for (MqttQos qos : new MqttQos[] {MqttQos.AT_MOST_ONCE, MqttQos.AT_LEAST_ONCE}) {
                for (boolean decode : new boolean[] {false, true}) {
                    run(broker, qos, decode, frames, messages, warmUp);
                }
            }
        }
    }

    private static byte[][] encodedFrames(String key, int count) {
        RecordCodec<SampleFrame, ?> codec = RecordCodec.sampleFrames(SamplePacking.float32());
        SeededRandom random = new SeededRandom(2024);
        byte[][] messages = new byte[count][];
        for (int f = 0; f < count; f++) {
            float[] data = new float[CHANNELS * SAMPLES];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) (60 * random.nextGaussian());
            }
            messages[f] = codec.encode(new SampleFrame(key, f, 1_000L * f, 30_000, CHANNELS, SAMPLES, data));
        }
        return messages;
    }

    private static void run(TestBroker broker, MqttQos qos, boolean decode, int frames, byte[][] messages,
                            byte[] warmUp) throws Exception {
        MEASURED.set(0);
        WARM_UP.set(0);
        String topic = "probe/throughput-" + qos.level() + (decode ? "-decoded" : "-raw");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(1000);
        DataStream<RawMessage> raw = env.fromSource(MqttSource.builder().setServerUri(broker.uri())
                        .setClientId("throughput-" + topic.replace('/', '-')).addTopicFilters(topic + "/#").setQos(qos).build(),
                WatermarkStrategy.noWatermarks(), "mqtt");
        if (decode) {
            raw.process(new DecodeOrDeadLetter<SampleFrame>(() -> RecordCodec.sampleFrames(SamplePacking.float32())))
                    .returns(SampleFrame.class)
                    .sinkTo(new CountingSink<>(frame -> frame.sourceKey().equals(MEASURED_KEY)));
        } else {
            raw.sinkTo(new CountingSink<>(message -> message.topic().endsWith("/data")));
        }
        JobClient job = env.executeAsync("mqtt throughput qos " + qos.level());
        MqttAsyncClient publisher = new MqttAsyncClient(broker.uri(), "bench-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        publisher.connect(options).waitForCompletion();
        try {
            Semaphore inFlight = new Semaphore(1000);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            IMqttActionListener release = new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    failure.compareAndSet(null, exception);
                    inFlight.release();
                }
            };
            // Until the job has subscribed, warm-up frames (at QoS 1) go nowhere; the first decoded one says it has.
            Poll.until(Duration.ofSeconds(60), () -> {
                try {
                    publisher.publish(topic + "/warm-up", warmUp, 1, false).waitForCompletion();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return WARM_UP.get() > 0;
            }, () -> "the source to subscribe");
            long start = System.nanoTime();
            long bytes = 0;
            for (int i = 0; i < frames; i++) {
                byte[] message = messages[i % DISTINCT_FRAMES];
                inFlight.acquire();
                publisher.publish(topic + "/data", message, qos.level(), false, null, release);
                bytes += message.length;
            }
            inFlight.acquire(1000);
            inFlight.release(1000);
            double publishS = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw new IllegalStateException("publishing failed", failure.get());
            }
            AtomicLong last = new AtomicLong(-1);
            AtomicLong lastChange = new AtomicLong(System.nanoTime());
            // QoS 0 may drop frames: stop when all arrived or nothing arrived for 3 s.
            Poll.until(Duration.ofMinutes(10), () -> {
                long now = MEASURED.get();
                if (now != last.getAndSet(now)) {
                    lastChange.set(System.nanoTime());
                }
                return now >= frames || System.nanoTime() - lastChange.get() > 3_000_000_000L;
            }, () -> "decoded frames");
            long received = MEASURED.get();
            double seconds = (lastChange.get() - start) / 1e9;
            double mb = bytes * ((double) received / frames) / 1e6;
            System.out.printf(Locale.ROOT, "QoS %d %s: %d/%d frames in %.2f s (publishing took %.2f s):"
                            + " %.0f frames/s, %.1f MB/s, %.3g channel-samples/s%n", qos.level(), decode ? "decoded" : "raw    ", received, frames,
                    seconds, publishS, received / seconds, mb / seconds,
                    received * (double) CHANNELS * SAMPLES / seconds);
        } finally {
            publisher.disconnect().waitForCompletion();
            publisher.close();
            job.cancel().get();
        }
    }
}
