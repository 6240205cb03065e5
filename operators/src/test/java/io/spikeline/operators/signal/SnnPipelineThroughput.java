package io.spikeline.operators.signal;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.sim.GestureParameters;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.encode.PolarityChannels;
import io.spikeline.models.encode.SampleEncoder;
import io.spikeline.models.network.ConnectionSpec;
import io.spikeline.models.network.Connectivity;
import io.spikeline.models.network.LayerSpec;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.NeuronModel;
import io.spikeline.models.network.ReadoutSpec;
import io.spikeline.models.neuron.LifParameters;
import io.spikeline.models.neuron.PerNeuron;
import io.spikeline.models.readout.StepSize;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.snn.NetworkControl;
import io.spikeline.operators.snn.SnnOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Throughput and latency of pipelines ending in the SNN operator, in a local MiniCluster with one slot (so the
 * figures are per core of operator work, the source thread aside) — a measuring tool, not a test. Build the
 * classpath as for {@link SignalThroughput}, then:
 * <pre>
 * java -cp ... io.spikeline.operators.signal.SnnPipelineThroughput spikes|events|signal keys recordsPerKey \
 *     hashmap|rocksdb liveNetworks paced|unpaced
 * </pre>
 * (defaults: 4 keys, 2000 records per key, hashmap, {@link SnnOptions#DEFAULT_LIVE_NETWORKS}, unpaced). Every
 * scenario ends in the same network shape: its input → 160 LIF units (25 % sparse, 20 ms membrane) → an LMS
 * readout of 2.
 * <ul>
 *   <li>{@code spikes}: reaching-simulator spike batches (96 units, 20 bins) and their velocity feedback straight
 *   into the SNN, decoding and learning every 20 ms; rate in bins/s (one bin of 96 channels each).
 *   <li>{@code events}: gesture-simulator DVS batches (128 × 128, 10 ms) → event binning (1 ms, 4 × 4 pooling,
 *   ON/OFF channels: 2048 inputs) → SNN decoding every 10 ms; rate in events/s.
 *   <li>{@code signal}: 96-channel 30 kHz broadband frames of 1 ms → {@link SignalThroughput#filterAndEncode}
 *   → SNN decoding every 20 ms; rate in channel-samples/s. The encoder emits one bin per sample, and the network
 *   steps on those bins as they come (33 µs, 30 a frame, so 30 times the steps of 1 ms bins): merging them into
 *   coarser bins is the bmi application's step, not an operator of this module.
 * </ul>
 * Latency: from the creation of the input record that completes a decode window (for events, the batch after
 * the window, whose first event closes its last bin) to the decoding leaving the SNN, in processing time.
 * Unpaced, the generator runs flat out: the rate is the pipeline's capacity and latency includes queueing behind
 * the backlog; paced, each key sends at its sensor's real-time rate.
 */
public final class SnnPipelineThroughput {
    private static final int POOL = 500;
    private static final Histogram LATENCY_US = new Histogram(60_000_000L, 3);
    private static final AtomicLong EVENTS = new AtomicLong();
    private static volatile long lastEmittedNs;

    private SnnPipelineThroughput() {
    }

    private enum Scenario {
        SPIKES(96, 1_000, 20_000, 20, 1, 1), EVENTS(2048, 1_000, 10_000, 10, 1, 0),
        SIGNAL(96, SampleEncoder.binWidthUs(ReachingParameters.BROADBAND_RATE_HZ), 1_000, 600, 20, 1);

        final int inputs;
        final long binWidthUs;
        /** Event time one input record covers, µs. */
        final long recordUs;
        final int decodeBins;
        /** Input records per decode window. */
        final int windowRecords;
        /** How many records before the one starting at a window's end completes the window. */
        final int completingBefore;

        Scenario(int inputs, long binWidthUs, long recordUs, int decodeBins, int windowRecords,
                 int completingBefore) {
            this.inputs = inputs;
            this.binWidthUs = binWidthUs;
            this.recordUs = recordUs;
            this.decodeBins = decodeBins;
            this.windowRecords = windowRecords;
            this.completingBefore = completingBefore;
        }
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = Scenario.valueOf(args.length > 0 ? args[0].toUpperCase(java.util.Locale.ROOT) : "SPIKES");
        int keys = SignalThroughput.intArg(args, 1, 4);
        int perKey = SignalThroughput.intArg(args, 2, 2000);
        String backend = args.length > 3 ? args[3] : "hashmap";
        int live = SignalThroughput.intArg(args, 4, SnnOptions.DEFAULT_LIVE_NETWORKS);
        boolean paced = args.length > 5 && args[5].equals("paced");

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        if (paced) {
            env.setBufferTimeout(0);
        }
        long total = (long) keys * perKey;
        DataStream<Long> indices = env.fromSequence(0, total - 1);
        DataStream<Either<SpikeBatch, Feedback>> input = switch (scenario) {
            case SPIKES -> indices.flatMap(new ReachingGenerator(keys, paced))
                    .returns(ControlledSpikingNetworkFunction.INPUT_TYPE);
            case EVENTS -> spikesOnly(indices.flatMap(new GestureGenerator(keys, paced)).returns(RecordTypes.EVENT_BATCH)
                    .keyBy(EventBatch::sourceKey)
                    .process(new EventBinningFunction(new EventBinningSpec(1_000, 4, PolarityChannels.SEPARATE,
                            false))).returns(RecordTypes.SPIKE_BATCH));
            case SIGNAL -> spikesOnly(SignalThroughput.filterAndEncode(indices
                    .map(new SignalThroughput.FrameGenerator(96, 30, keys, paced)).returns(RecordTypes.SAMPLE_FRAME)));
        };
        int inputs = scenario.inputs;
        long binWidthUs = scenario.binWidthUs;
        int decodeBins = scenario.decodeBins;
        SerializableSupplier<NetworkSpec> spec = () -> network(inputs, binWidthUs, decodeBins);
        long recordUs = scenario.recordUs;
        int after = scenario.windowRecords - scenario.completingBefore;
        input.keyBy(ControlledSpikingNetworkFunction::sourceKey, Types.STRING)
                .connect(env.fromData(List.of(NetworkControl.freeze(1, 0, null, false)), NetworkControl.TYPE)
                        .broadcast(ControlledSpikingNetworkFunction.CONTROLS))
                .process(new ControlledSpikingNetworkFunction(spec, SnnOptions.defaults().withLiveNetworks(live)
                        .withMaxPendingFeedback(4)), RecordTypes.DECODING)
                .map(d -> recordLatency(d, d.eventTimeUs() / recordUs + after))
                .returns(RecordTypes.DECODING)
                .sinkTo(new DiscardingSink<>());
        env.execute("snn pipeline throughput");

        double seconds = (lastEmittedNs - SignalThroughput.firstCreatedNs) / 1e9;
        String what = switch (scenario) {
            case SPIKES -> String.format("%.3g bins/s (96 channels, learning every 20 ms)",
                    total * scenario.recordUs / 1000 / seconds);
            case EVENTS -> String.format("%.3g events/s (%d events)", EVENTS.get() / seconds, EVENTS.get());
            case SIGNAL -> String.format("%.3g channel-samples/s", total * 96 * 30 / seconds);
        };
        System.out.printf("%s %s %d keys x %d records, %s, %d live networks: %s over %.2f s; "
                        + "latency p50 %d us p99 %d us max %d us (n=%d)%n", scenario, paced ? "paced" : "unpaced",
                keys, perKey, backend, live, what, seconds, LATENCY_US.getValueAtPercentile(50),
                LATENCY_US.getValueAtPercentile(99), LATENCY_US.getMaxValue(), LATENCY_US.getTotalCount());
    }

    /** {@code inputs} → 160 LIF (25 % sparse) → LMS of 2, decoding every {@code decodeBins}. */
    private static NetworkSpec network(int inputs, long binWidthUs, int decodeBins) {
        LifParameters lif = LifParameters.defaults().withTauMs(PerNeuron.of(20), binWidthUs / 1000.0);
        LayerSpec hidden = LayerSpec.of(new NeuronModel.Lif(lif), 160,
                ConnectionSpec.of(new Connectivity.Sparse(0.25), -0.4, 1.2, 11));
        return NetworkSpec.of(inputs, binWidthUs, List.of(hidden), 100,
                new ReadoutSpec.Lms(2, new StepSize.Normalised(0.05, 1e-3)), decodeBins, 64);
    }

    private static DataStream<Either<SpikeBatch, Feedback>> spikesOnly(DataStream<SpikeBatch> spikes) {
        return spikes.map(Either::<SpikeBatch, Feedback>Left).returns(ControlledSpikingNetworkFunction.INPUT_TYPE);
    }

    private static Decoding recordLatency(Decoding decoding, long completingSequence) {
        long now = System.nanoTime();
        String key = decoding.sourceKey();
        int index = Integer.parseInt(key.replaceAll("^\\D+", ""));
        Long created = SignalThroughput.CREATED_NS.remove(SignalThroughput.id(index, completingSequence));
        if (created != null) {
            LATENCY_US.recordValue(Math.min(LATENCY_US.getHighestTrackableValue(), (now - created) / 1000));
        }
        lastEmittedNs = now;
        return decoding;
    }

    /** Turns index i into record i / keys of key i % keys, retimed from a pool of simulated records. */
    private abstract static class Generator<T> extends RichFlatMapFunction<Long, T> {
        final int keys;
        private final boolean paced;
        private final long recordUs;
        private transient long startNs;

        Generator(int keys, boolean paced, long recordUs) {
            this.keys = keys;
            this.paced = paced;
            this.recordUs = recordUs;
        }

        @Override
        public void flatMap(Long index, Collector<T> out) throws Exception {
            int key = (int) (index % keys);
            long sequence = index / keys;
            long now = System.nanoTime();
            if (index == 0) {
                startNs = now;
                SignalThroughput.firstCreatedNs = now;
            }
            if (paced) {
                now = SignalThroughput.awaitEventTime(startNs, sequence * recordUs);
            }
            SignalThroughput.CREATED_NS.put(SignalThroughput.id(key, sequence), now);
            emit(key, sequence, (int) (sequence % POOL), sequence / POOL * POOL * recordUs, out);
        }

        /** Emits pool record {@code slot} of {@code key} as its record {@code sequence}, shifted by {@code shiftUs}. */
        abstract void emit(int key, long sequence, int slot, long shiftUs, Collector<T> out);
    }

    private static final class ReachingGenerator extends Generator<Either<SpikeBatch, Feedback>> {
        private transient ReachingBatch[][] pool;

        ReachingGenerator(int keys, boolean paced) {
            super(keys, paced, 20_000);
        }

        @Override
        public void open(OpenContext openContext) {
            pool = new ReachingBatch[keys][POOL];
            for (int k = 0; k < keys; k++) {
                ReachingSimulator simulator = new ReachingSimulator("monkey" + k, ReachingParameters.defaults(k));
                for (int i = 0; i < POOL; i++) {
                    pool[k][i] = simulator.read();
                }
            }
        }

        @Override
        void emit(int key, long sequence, int slot, long shiftUs, Collector<Either<SpikeBatch, Feedback>> out) {
            SpikeBatch s = pool[key][slot].spikes();
            Feedback v = pool[key][slot].velocity();
            out.collect(Either.Left(new SpikeBatch(s.sourceKey(), sequence, s.startTimeUs() + shiftUs,
                    s.binWidthUs(), s.channelCount(), s.binCount(), s.binOffsets(), s.channelIndices())));
            out.collect(Either.Right(Feedback.ofVector(v.sourceKey(), v.eventTimeUs() + shiftUs, v.target())));
        }
    }

    private static final class GestureGenerator extends Generator<EventBatch> {
        private transient EventBatch[][] pool;

        GestureGenerator(int keys, boolean paced) {
            super(keys, paced, 10_000);
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            pool = new EventBatch[keys][POOL];
            for (int k = 0; k < keys; k++) {
                try (GestureSimulator simulator = new GestureSimulator("cam" + k, GestureParameters.defaults(k))) {
                    for (int i = 0; i < POOL; i++) {
                        pool[k][i] = simulator.read().events();
                    }
                }
            }
        }

        @Override
        void emit(int key, long sequence, int slot, long shiftUs, Collector<EventBatch> out) {
            EventBatch e = pool[key][slot];
            long[] times = e.timestampsUs().clone();
            for (int i = 0; i < times.length; i++) {
                times[i] += shiftUs;
            }
            EVENTS.addAndGet(times.length);
            out.collect(new EventBatch(e.sourceKey(), sequence, e.width(), e.height(), times, e.x(), e.y(),
                    e.polarity()));
        }
    }
}
