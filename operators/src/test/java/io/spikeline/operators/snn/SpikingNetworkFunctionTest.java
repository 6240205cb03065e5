package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpikingNetworkFunctionTest {
    /** The wall clock the operator reads in these tests: set per record, so lag and stamps are known. */
    private static final AtomicLong NOW_US = new AtomicLong();
    private static final ReachingParameters SESSION = ReachingNetworks.session(21);

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(SESSION);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Decoding> harness(
            SnnOptions options, StateBackend backend) throws Exception {
        SpikingNetworkFunction function = new SpikingNetworkFunction(SpikingNetworkFunctionTest::spec, options,
                NOW_US::get);
        KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Decoding> harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(function),
                        SpikeBatch::sourceKey, Feedback::sourceKey, Types.STRING);
        harness.setStateBackend(backend);
        return harness;
    }

    private static SpikingNetworkFunction function(
            KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Decoding> harness) {
        return (SpikingNetworkFunction) ((KeyedCoProcessOperator<?, ?, ?, ?>) harness.getOperator()).getUserFunction();
    }

    /** Both keys' simulated sessions, interleaved batch by batch. */
    private static List<ReachingBatch> sessions(int batchesPerKey) {
        ReachingSimulator a = new ReachingSimulator("a", SESSION);
        ReachingSimulator b = new ReachingSimulator("b", ReachingNetworks.session(22));
        List<ReachingBatch> batches = new ArrayList<>();
        for (int n = 0; n < batchesPerKey; n++) {
            batches.add(a.read());
            batches.add(b.read());
        }
        return batches;
    }

    /** Feeds each batch (wall clock 1 ms after its end) and then its velocity feedback. */
    private static void feed(KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Decoding> harness,
                             List<ReachingBatch> batches) throws Exception {
        for (ReachingBatch batch : batches) {
            NOW_US.set(batch.spikes().endTimeUs() + 1000);
            harness.processElement1(new StreamRecord<>(batch.spikes(), batch.spikes().startTimeUs()));
            harness.processElement2(new StreamRecord<>(batch.velocity(), batch.velocity().eventTimeUs()));
        }
    }

    @Test
    void decodingsEqualTheNetworkRunDirectlyOnTheSameInput() throws Exception {
        List<ReachingBatch> batches = sessions(150);
        var harness = harness(SnnOptions.defaults(), new HashMapStateBackend());
        harness.open();
        feed(harness, batches);
        List<Decoding> out = harness.extractOutputValues();

        SpikingNetwork a = new SpikingNetwork(spec());
        SpikingNetwork b = new SpikingNetwork(spec());
        List<Decoding> expectedA = new ArrayList<>();
        List<Decoding> expectedB = new ArrayList<>();
        for (ReachingBatch batch : batches) {
            boolean isA = batch.spikes().sourceKey().equals("a");
            SpikingNetwork net = isA ? a : b;
            SpikeBatch s = batch.spikes();
            for (int bin = 0; bin < s.binCount(); bin++) {
                int[] spikes = Arrays.copyOfRange(s.channelIndices(), s.binOffsets()[bin], s.binOffsets()[bin + 1]);
                if (net.step(s.binStartTimeUs(bin), spikes, spikes.length)) {
                    long stamp = s.endTimeUs() + 1000;
                    (isA ? expectedA : expectedB).add(new Decoding(s.sourceKey(), net.windowStartUs(),
                            net.output().clone(), net.predictedClass(), net.confidence(), stamp, stamp));
                }
            }
            net.learn(batch.velocity());
        }
        assertThat(out.stream().filter(d -> d.sourceKey().equals("a")).toList()).isEqualTo(expectedA);
        assertThat(out.stream().filter(d -> d.sourceKey().equals("b")).toList()).isEqualTo(expectedB);
        assertThat(expectedA).hasSize(150);
        SnnMetrics metrics = function(harness).metrics();
        assertThat(metrics.count(SnnCounter.FEEDBACK_APPLIED)).isEqualTo(300);
        assertThat(metrics.count(SnnCounter.DECODINGS)).isEqualTo(300);
        assertThat(metrics.count(SnnCounter.SYNAPTIC_OPERATIONS))
                .isEqualTo(a.operations().synOps() + b.operations().synOps()).isPositive();
        assertThat(metrics.count(SnnCounter.INPUT_SPIKES))
                .isEqualTo(batches.stream().mapToLong(r -> r.spikes().spikeCount()).sum());
        harness.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void restoringACheckpointContinuesBitForBit(String backendName) throws Exception {
        List<ReachingBatch> batches = sessions(120);
        List<ReachingBatch> before = batches.subList(0, 150);
        List<ReachingBatch> after = batches.subList(150, batches.size());
        SnnOptions options = SnnOptions.defaults().withExportInterval(2_000_000);

        var uninterrupted = harness(options, backend(backendName));
        uninterrupted.open();
        feed(uninterrupted, before);
        OperatorSubtaskState checkpoint = uninterrupted.snapshot(1, 1);
        int decodedBefore = uninterrupted.extractOutputValues().size();
        int exportedBefore = uninterrupted.getSideOutput(ModelSnapshot.OUTPUT).size();
        feed(uninterrupted, after);
        List<Decoding> expected = uninterrupted.extractOutputValues().subList(decodedBefore,
                uninterrupted.extractOutputValues().size());
        List<ModelSnapshot> expectedExports = exports(uninterrupted).subList(exportedBefore,
                exports(uninterrupted).size());
        uninterrupted.close();

        var restored = harness(options, backend(backendName));
        restored.initializeState(checkpoint);
        restored.open();
        feed(restored, after);
        assertThat(restored.extractOutputValues()).hasSize(expected.size()).isEqualTo(expected);
        // The exported snapshots hold every weight, trace and counter: equal bytes mean equal state.
        assertThat(exports(restored)).isNotEmpty().isEqualTo(expectedExports);
        restored.close();
    }

    private static StateBackend backend(String name) {
        return name.equals("heap") ? new HashMapStateBackend() : new EmbeddedRocksDBStateBackend();
    }

    private static List<ModelSnapshot> exports(
            KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Decoding> harness) {
        List<ModelSnapshot> exports = new ArrayList<>();
        harness.getSideOutput(ModelSnapshot.OUTPUT).forEach(r -> exports.add(r.getValue()));
        return exports;
    }

    @Test
    void feedbackIsHeldUntilItsDecodeAndTooLateFeedbackIsCountedAndDropped() throws Exception {
        var harness = harness(SnnOptions.defaults().withMaxPendingFeedback(2), new HashMapStateBackend());
        harness.open();
        ReachingSimulator simulator = new ReachingSimulator("a", SESSION);
        List<ReachingBatch> batches = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            batches.add(simulator.read());
        }
        // Three feedback records ahead of their spikes: the pending bound of 2 drops the oldest.
        for (int n = 0; n < 3; n++) {
            harness.processElement2(new StreamRecord<>(batches.get(n).velocity()));
        }
        SnnMetrics metrics = function(harness).metrics();
        assertThat(metrics.count(SnnCounter.FEEDBACK_OVERFLOW_DROPPED)).isEqualTo(1);
        for (ReachingBatch batch : batches) {
            NOW_US.set(batch.spikes().endTimeUs());
            harness.processElement1(new StreamRecord<>(batch.spikes()));
        }
        assertThat(metrics.count(SnnCounter.FEEDBACK_APPLIED)).isEqualTo(2);
        // The network remembers 64 decodes of 20 ms: batch 36 is the oldest still covered, batch 30 is not.
        harness.processElement2(new StreamRecord<>(batches.get(36).velocity()));
        harness.processElement2(new StreamRecord<>(batches.get(30).velocity()));
        assertThat(metrics.count(SnnCounter.FEEDBACK_APPLIED)).isEqualTo(3);
        assertThat(metrics.count(SnnCounter.FEEDBACK_LATE_DROPPED)).isEqualTo(1);
        harness.processElement2(new StreamRecord<>(Feedback.ofClass("a", batches.get(90).spikes().startTimeUs(), 1)));
        assertThat(metrics.count(SnnCounter.FEEDBACK_REJECTED)).isEqualTo(1);
        harness.close();
    }

    @Test
    void staleInputIsSkippedAndCountedAndDecodingsCarryTheirStamps() throws Exception {
        var harness = harness(SnnOptions.defaults().withStaleInputSkipped(50_000), new HashMapStateBackend());
        harness.open();
        ReachingSimulator simulator = new ReachingSimulator("a", SESSION);
        int stale = 0;
        for (int n = 0; n < 40; n++) {
            SpikeBatch batch = simulator.read().spikes();
            boolean late = n % 4 == 3;
            stale += late ? 1 : 0;
            NOW_US.set(batch.endTimeUs() + (late ? 80_000 : 10_000));
            harness.processElement1(new StreamRecord<>(batch));
        }
        SnnMetrics metrics = function(harness).metrics();
        assertThat(metrics.count(SnnCounter.STALE_BATCHES_SKIPPED)).isEqualTo(stale).isEqualTo(10);
        harness.processElement1(new StreamRecord<>(new ReachingSimulator("a", SESSION).read().spikes()));
        assertThat(metrics.count(SnnCounter.OUT_OF_ORDER_BATCHES)).isEqualTo(1);
        List<Decoding> out = harness.extractOutputValues();
        assertThat(out).hasSize(30);
        for (Decoding d : out) {
            // Each decode covers one 20 ms batch: ingest is the batch end + 10 ms, the clock did not move.
            assertThat(d.ingestWallTimeUs()).isEqualTo(d.eventTimeUs() + 30_000);
            assertThat(d.latencyUs()).isZero();
        }
        assertThat(metrics.lagUs().getMaxValue()).isBetween(80_000L, 81_000L);
        harness.close();
    }
}
