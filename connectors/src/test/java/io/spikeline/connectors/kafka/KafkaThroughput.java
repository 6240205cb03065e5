package io.spikeline.connectors.kafka;

import io.spikeline.connectors.types.RecordSamples;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.SamplePacking;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.SampleFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Throughput of Kafka → Flink (decode, event time, re-encode) → Kafka for 1 ms blocks of a 384-channel probe
 * (384 × 30 float samples per frame), on an embedded broker and a local MiniCluster. Not a test: run it with
 *
 * <pre>
 * ./mvnw -B -q -pl models,connectors test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.spikeline.connectors.kafka.KafkaThroughput -Dexec.args="20000 exactly-once"
 * </pre>
 *
 * Arguments: frame count (default 20000), delivery guarantee ({@code exactly-once}, {@code at-least-once};
 * default exactly-once), parallelism (default 1). Producing the input and reading back the output lie outside
 * the measured times: the whole job (start-up included), and first to last frame through the job (steady state).
 */
public final class KafkaThroughput {
    private static final int CHANNELS = 384;
    private static final int SAMPLES = 30;
    private static final int DISTINCT_FRAMES = 64;

    private KafkaThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        DeliveryGuarantee guarantee = args.length > 1 && args[1].equals("at-least-once")
                ? DeliveryGuarantee.AT_LEAST_ONCE : DeliveryGuarantee.EXACTLY_ONCE;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 1;

        EmbeddedKafka kafka = new EmbeddedKafka();
        kafka.start();
        try {
            run(kafka, frames, guarantee, parallelism);
        } finally {
            kafka.stop();
        }
    }

    private static void run(EmbeddedKafka kafka, int frames, DeliveryGuarantee guarantee, int parallelism)
            throws Exception {
        String input = "probe-in";
        String output = "probe-out";
        KafkaTestClients clients = kafka.clients();
        clients.createTopics(parallelism, input, output);
        KafkaRecordType<SampleFrame> type = KafkaRecordType.sampleFrames(SamplePacking.float32());

        // A few distinct sample blocks reused with new sequence numbers keep the input cheap to make.
        SeededRandom random = new SeededRandom(1);
        List<SampleFrame> blocks = new ArrayList<>();
        for (int i = 0; i < DISTINCT_FRAMES; i++) {
            blocks.add(RecordSamples.probeFrame("probe", i, random));
        }
        long inputBytes = 0;
        int batch = 1000;
        for (int start = 0; start < frames; start += batch) {
            List<SampleFrame> chunk = new ArrayList<>();
            for (int i = start; i < Math.min(frames, start + batch); i++) {
                SampleFrame block = blocks.get(i % DISTINCT_FRAMES);
                chunk.add(new SampleFrame("probe-" + i % parallelism, i, 1_700_000_000_000_000L + i * 1000L,
                        block.sampleRateHz(), CHANNELS, SAMPLES, block.data()));
            }
            List<ProducerRecord<byte[], byte[]>> messages = KafkaJobs.encode(input, type, chunk);
            for (ProducerRecord<byte[], byte[]> message : messages) {
                inputBytes += message.value().length;
            }
            clients.produce(messages);
        }

        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), List.of(input), "throughput",
                StartingOffsets.EARLIEST, output, "probe-dead-letters", guarantee, "throughput", Duration.ofMinutes(5),
                Duration.ofMillis(200), Duration.ZERO);
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.enableCheckpointing(1000);
        DecodedStream<SampleFrame> decoded = SpikelineKafka.read(env, KafkaJobs.boundedSource(settings), type, settings);
        decoded.records().map(new Stopwatch()).returns(RecordTypes.SAMPLE_FRAME)
                .sinkTo(SpikelineKafka.sink(settings, type));
        decoded.deadLetters().sinkTo(SpikelineKafka.deadLetterSink(settings));

        long startNs = System.nanoTime();
        JobExecutionResult result = env.execute("kafka throughput");
        double seconds = (System.nanoTime() - startNs) / 1e9;

        AtomicLong delivered = new AtomicLong();
        clients.readCommitted(output, message -> delivered.incrementAndGet());
        if (delivered.get() != frames) {
            throw new IllegalStateException("delivered " + delivered.get() + " of " + frames + " frames");
        }
        System.out.printf("%d frames of %d ch x %d samples (%.1f MB of Avro), %s, parallelism %d%n", frames,
                CHANNELS, SAMPLES, inputBytes / 1e6, guarantee, parallelism);
        report("execute(), MiniCluster start and stop included (job net runtime " + result.getNetRuntime() + " ms)", frames, inputBytes, seconds);
        double steadySeconds = (Stopwatch.LAST_NS.get() - Stopwatch.FIRST_NS.get()) / 1e9;
        report("first to last frame through the job", frames - 1, inputBytes * (frames - 1) / frames, steadySeconds);
    }

    private static void report(String what, long frames, long bytes, double seconds) {
        double framesPerSecond = frames / seconds;
        System.out.printf("%s: %.2f s, %.0f frames/s, %.1f MB/s, %.3g channel-samples/s, %.2f x real time%n", what,
                seconds, framesPerSecond, bytes / 1e6 / seconds, framesPerSecond * CHANNELS * SAMPLES,
                framesPerSecond / 1000.0);
    }

    /** Notes when the first and the last frame pass (the MiniCluster runs in this JVM). */
    private static final class Stopwatch implements MapFunction<SampleFrame, SampleFrame> {
        private static final long serialVersionUID = 1L;
        static final AtomicLong FIRST_NS = new AtomicLong();
        static final AtomicLong LAST_NS = new AtomicLong();

        @Override
        public SampleFrame map(SampleFrame frame) {
            long now = System.nanoTime();
            FIRST_NS.compareAndSet(0, now);
            LAST_NS.set(now);
            return frame;
        }
    }
}
