package io.spikeline.operators.signal;

import static io.spikeline.operators.signal.SignalFixtures.causalReference;
import static io.spikeline.operators.signal.SignalFixtures.noise;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.encode.RateEncoder;
import io.spikeline.models.encode.RateParams;
import io.spikeline.models.filter.design.BandType;
import io.spikeline.models.filter.design.BesselNorm;
import io.spikeline.models.record.SampleFrame;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.signal.SignalFixtures.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A job that fails once after a completed checkpoint and restarts from it: outputs as if it never failed. */
class SignalRecoveryTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int KEYS = 12;
    private static final int FRAMES = 150;
    private static final FilterSpec BAND = FilterSpec.causal(BandType.BANDPASS, 2, new double[] {5, 100},
            BesselNorm.PHASE);
    private static final EncoderSpec.Rate RATE = new EncoderSpec.Rate(2, 77);

    /** Set once the injected failure has happened, so that the restarted job runs through. */
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger COMPLETED_CHECKPOINTS = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void afterAFailureTheJobResumesFromItsCheckpointAndEveryKeyMatchesItsUninterruptedRun(Backend backend)
            throws Exception {
        FAILED.set(false);
        COMPLETED_CHECKPOINTS.set(0);
        Map<String, List<SampleFrame>> byKey = new LinkedHashMap<>();
        for (int k = 0; k < KEYS; k++) {
            byKey.put("dev" + k, noise("dev" + k, k, 1000, 1 + k % 4, FRAMES, 10));
        }
        List<SampleFrame> input = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            for (List<SampleFrame> frames : byKey.values()) {
                input.add(frames.get(f));
            }
        }

        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(StateBackendOptions.STATE_BACKEND, backend == Backend.ROCKSDB ? "rocksdb" : "hashmap");
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(100);

        DataStream<SampleFrame> frames = env.fromData(input, RecordTypes.SAMPLE_FRAME)
                .map(new Throttle()).setParallelism(1).returns(RecordTypes.SAMPLE_FRAME);
        DataStream<SampleFrame> filtered = frames.keyBy(SampleFrame::sourceKey)
                .process(new BesselFilterFunction(BAND)).returns(RecordTypes.SAMPLE_FRAME)
                .map(new FailOnceAfterACheckpoint()).returns(RecordTypes.SAMPLE_FRAME);
        DataStream<SpikeBatch> spikes = filtered.keyBy(SampleFrame::sourceKey)
                .process(new SampleEncodeFunction(RATE)).returns(RecordTypes.SPIKE_BATCH);
        CloseableIterator<SampleFrame> filteredOut = filtered.collectAsync();
        CloseableIterator<SpikeBatch> spikesOut = spikes.collectAsync();
        env.execute("recovery");

        assertThat(FAILED).isTrue();
        Map<String, List<SampleFrame>> framesOut = new LinkedHashMap<>();
        filteredOut.forEachRemaining(f -> framesOut.computeIfAbsent(f.sourceKey(), k -> new ArrayList<>()).add(f));
        Map<String, List<SpikeBatch>> batchesOut = new LinkedHashMap<>();
        spikesOut.forEachRemaining(b -> batchesOut.computeIfAbsent(b.sourceKey(), k -> new ArrayList<>()).add(b));
        for (Map.Entry<String, List<SampleFrame>> e : byKey.entrySet()) {
            List<SampleFrame> solo = causalReference(BAND, e.getValue());
            assertThat(framesOut.get(e.getKey())).as(e.getKey()).containsExactlyElementsOf(solo);
            RateEncoder encoder = new RateEncoder(new RateParams(2), solo.get(0).channelCount(),
                    RATE.seedFor(e.getKey()));
            List<SpikeBatch> expected = new ArrayList<>();
            for (SampleFrame f : solo) {
                expected.add(encoder.encode(f));
            }
            assertThat(batchesOut.get(e.getKey())).as(e.getKey()).containsExactlyElementsOf(expected);
        }
    }

    /** Slows the source so that checkpoints complete while frames are still flowing. */
    private static final class Throttle implements MapFunction<SampleFrame, SampleFrame> {
        @Override
        public SampleFrame map(SampleFrame frame) throws InterruptedException {
            Thread.sleep(0, 500_000);
            return frame;
        }
    }

    /** Throws once, on the first frame after two checkpoints have completed. */
    private static final class FailOnceAfterACheckpoint implements MapFunction<SampleFrame, SampleFrame>,
            CheckpointListener {
        @Override
        public SampleFrame map(SampleFrame frame) {
            if (COMPLETED_CHECKPOINTS.get() >= 2 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + frame);
            }
            return frame;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED_CHECKPOINTS.incrementAndGet();
        }
    }
}
