package io.spikeline.operators.signal;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Throughput and latency of filter → threshold-crossing encode on broadband reaching-simulator frames in a
 * local MiniCluster (a measuring tool, not a test):
 * <pre>
 * ./mvnw -B -q -pl models,ingest,connectors,operators test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * cd operators &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.spikeline.operators.signal.SignalThroughput channels samplesPerFrame keys framesPerKey \
 *     paced|unpaced hashmap|rocksdb
 * </pre>
 * ({@code exec:java} in that reactor would also run in the modules that lack this class, and fail there.)
 * (defaults: 96 30 4 4000 unpaced hashmap). Frames come from a pool of simulated 30 kHz frames per key,
 * renumbered and retimed contiguously. Unpaced, the generator runs flat out: the channel-samples/s figure is
 * the pipeline's capacity, and latency includes queueing behind the backlog. Paced, every key sends one frame
 * per frame period of event time (the sensor's real-time rate) with network buffers flushed at once: the
 * latency is that of a pipeline keeping up. Latency is processing time from the frame's creation in the
 * generator to its spike batch leaving the encoder (HdrHistogram, µs). The filter is a causal order-2 Bessel
 * band-pass 300–3000 Hz (4 poles); the encoder detects −4.5σ crossings with a 0.1 s noise window.
 */
public final class SignalThroughput {
    private static final int POOL_FRAMES = 500;
    /** Creation time (ns) of each frame in flight, by key index and sequence; the MiniCluster shares this JVM. */
    static final ConcurrentHashMap<Long, Long> CREATED_NS = new ConcurrentHashMap<>();
    private static final Histogram LATENCY_US = new Histogram(60_000_000L, 3);
    static volatile long firstCreatedNs;
    private static volatile long lastEmittedNs;

    private SignalThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int channels = intArg(args, 0, 96);
        int samplesPerFrame = intArg(args, 1, 30);
        int keys = intArg(args, 2, 4);
        int framesPerKey = intArg(args, 3, 4000);
        boolean paced = args.length > 4 && args[4].equals("paced");
        String backend = args.length > 5 ? args[5] : "hashmap";

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        if (paced) {
            env.setBufferTimeout(0);
        }
        long total = (long) keys * framesPerKey;
        DataStream<SampleFrame> frames = env.fromSequence(0, total - 1)
                .map(new FrameGenerator(channels, samplesPerFrame, keys, paced)).returns(RecordTypes.SAMPLE_FRAME);
        filterAndEncode(frames)
                .map(SignalThroughput::recordLatency).returns(RecordTypes.SPIKE_BATCH)
                .sinkTo(new DiscardingSink<>());
        env.execute("signal throughput");

        double seconds = (lastEmittedNs - firstCreatedNs) / 1e9;
        long channelSamples = total * channels * samplesPerFrame;
        System.out.printf("%d keys x %d frames of %d channels x %d samples, %s, %s state%n", keys, framesPerKey,
                channels, samplesPerFrame, paced ? "paced at the sensor rate" : "unpaced", backend);
        double rate = channelSamples / seconds;
        System.out.printf("channel-samples/s: %.3g over %.2f s, i.e. %.1f probes of %d channels at 30 kHz in real time%n",
                rate, seconds, rate / (channels * ReachingParameters.BROADBAND_RATE_HZ), channels);
        System.out.printf("frame latency creation -> spikes out (us): p50 %d  p99 %d  max %d  (n=%d)%n",
                LATENCY_US.getValueAtPercentile(50), LATENCY_US.getValueAtPercentile(99), LATENCY_US.getMaxValue(),
                LATENCY_US.getTotalCount());
    }

    /**
     * Keys {@code frames} by source, filters them (causal order-2 Bessel band-pass 300–3000 Hz) and detects −4.5σ
     * threshold crossings (0.1 s noise window at 30 kHz, 1 ms refractory).
     */
    static DataStream<SpikeBatch> filterAndEncode(DataStream<SampleFrame> frames) {
        DataStream<SampleFrame> filtered = frames.keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(FilterSpec.causal(BandType.BANDPASS, 2, new double[] {300, 3000},
                        BesselNorm.PHASE))).returns(RecordTypes.SAMPLE_FRAME);
        // The filter keeps each frame's key, so its output is still partitioned by key: the encoder chains to it.
        return DataStreamUtils.reinterpretAsKeyedStream(filtered, SampleFrame::sourceKey, Types.STRING)
                .process(new SampleEncodeFunction(new EncoderSpec.ThresholdCrossing(-4.5, 3000, 30)))
                .returns(RecordTypes.SPIKE_BATCH);
    }

    /** Sleeps until {@code timeUs} of event time has passed since {@code startNs}; returns the time then (ns). */
    static long awaitEventTime(long startNs, long timeUs) throws InterruptedException {
        long now = System.nanoTime();
        long dueNs = startNs + timeUs * 1000;
        while (now < dueNs) {
            Thread.sleep(0, (int) Math.min(999_999, dueNs - now));
            now = System.nanoTime();
        }
        return now;
    }

    static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    static long id(int key, long sequence) {
        return (long) key << 40 | sequence;
    }

    private static SpikeBatch recordLatency(SpikeBatch batch) {
        long now = System.nanoTime();
        Long created = CREATED_NS.remove(id(Integer.parseInt(batch.sourceKey().substring(5)), batch.sequence()));
        if (created != null) {
            LATENCY_US.recordValue(Math.min(LATENCY_US.getHighestTrackableValue(), (now - created) / 1000));
        }
        lastEmittedNs = now;
        return batch;
    }

    /** Turns index i into frame i / keys of key i % keys, its samples taken from a pool of simulated frames. */
    static final class FrameGenerator extends RichMapFunction<Long, SampleFrame> {
        private final int channels;
        private final int samplesPerFrame;
        private final int keys;
        private final boolean paced;
        private transient float[][][] pool;
        private transient long startNs;

        FrameGenerator(int channels, int samplesPerFrame, int keys, boolean paced) {
            this.channels = channels;
            this.samplesPerFrame = samplesPerFrame;
            this.keys = keys;
            this.paced = paced;
        }

        @Override
        public void open(OpenContext openContext) {
            pool = new float[keys][][];
            for (int k = 0; k < keys; k++) {
                pool[k] = new float[POOL_FRAMES][];
                int i = 0;
                for (SampleFrame f : SignalFixtures.broadband("probe" + k, k, channels, POOL_FRAMES, samplesPerFrame)) {
                    pool[k][i++] = f.data();
                }
            }
        }

        @Override
        public SampleFrame map(Long index) throws InterruptedException {
            int key = (int) (index % keys);
            long sequence = index / keys;
            long timeUs = Math.round(sequence * samplesPerFrame * 1e6 / ReachingParameters.BROADBAND_RATE_HZ);
            long now = System.nanoTime();
            if (index == 0) {
                startNs = now;
                firstCreatedNs = now;
            }
            if (paced) {
                now = awaitEventTime(startNs, timeUs);
            }
            CREATED_NS.put(id(key, sequence), now);
            return new SampleFrame("probe" + key, sequence, timeUs, ReachingParameters.BROADBAND_RATE_HZ, channels,
                    samplesPerFrame, pool[key][(int) (sequence % POOL_FRAMES)].clone());
        }
    }
}
