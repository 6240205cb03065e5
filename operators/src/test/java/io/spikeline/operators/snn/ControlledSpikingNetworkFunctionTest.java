package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingParameters;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.models.snapshot.SnapshotFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

class ControlledSpikingNetworkFunctionTest {
    private static final ReachingParameters SESSION = ReachingNetworks.session(31);

    private static NetworkSpec spec() {
        return ReachingNetworks.decoder(SESSION);
    }

    private record Run(ControlledSpikingNetworkFunction function,
                       KeyedBroadcastOperatorTestHarness<String, Either<SpikeBatch, Feedback>, NetworkControl, Decoding>
                               harness) {

        static Run start() throws Exception {
            return start(SnnOptions.defaults());
        }

        static Run start(SnnOptions options) throws Exception {
            // A stopped clock, so decodings of equal input carry equal stamps.
            ControlledSpikingNetworkFunction function = new ControlledSpikingNetworkFunction(
                    ControlledSpikingNetworkFunctionTest::spec, options, () -> 0L);
            return new Run(function, ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(function,
                    ControlledSpikingNetworkFunction::sourceKey, Types.STRING,
                    ControlledSpikingNetworkFunction.CONTROLS));
        }

        /** A run restored from {@code checkpoint}, broadcast controls included. */
        static Run restore(OperatorSubtaskState checkpoint) throws Exception {
            ControlledSpikingNetworkFunction function = new ControlledSpikingNetworkFunction(
                    ControlledSpikingNetworkFunctionTest::spec, SnnOptions.defaults(), () -> 0L);
            var harness = new KeyedBroadcastOperatorTestHarness<>(
                    new CoBroadcastWithKeyedOperator<>(function,
                            List.of(ControlledSpikingNetworkFunction.CONTROLS)),
                    ControlledSpikingNetworkFunction::sourceKey, Types.STRING, 1, 1, 0);
            harness.setup();
            harness.initializeState(checkpoint);
            harness.open();
            return new Run(function, harness);
        }

        void feed(String key, List<ReachingBatch> batches) throws Exception {
            feed(key, batches, n -> 0L);
        }

        /** Each batch's spikes, then its velocity feedback stamped {@code feedbackOffsetUs(n)} off its own time. */
        void feed(String key, List<ReachingBatch> batches, java.util.function.IntToLongFunction feedbackOffsetUs)
                throws Exception {
            for (int n = 0; n < batches.size(); n++) {
                ReachingBatch batch = batches.get(n);
                SpikeBatch s = batch.spikes();
                harness.processElement(Either.Left(new SpikeBatch(key, s.sequence(), s.startTimeUs(), s.binWidthUs(),
                        s.channelCount(), s.binCount(), s.binOffsets(), s.channelIndices())), s.startTimeUs());
                harness.processElement(Either.Right(Feedback.ofVector(key,
                        batch.velocity().eventTimeUs() + feedbackOffsetUs.applyAsLong(n), batch.velocity().target())),
                        s.startTimeUs());
            }
        }

        void control(NetworkControl control) throws Exception {
            harness.processBroadcastElement(control, 0);
        }

        List<Decoding> decodings(String key) {
            return harness.extractOutputValues().stream().filter(d -> d.sourceKey().equals(key)).toList();
        }

        List<FeedbackDrift> drifts() {
            List<FeedbackDrift> drifts = new ArrayList<>();
            var reported = harness.getSideOutput(FeedbackDrift.OUTPUT);
            if (reported != null) {
                reported.forEach(r -> drifts.add(r.getValue()));
            }
            return drifts;
        }

        List<ModelSnapshot> exports() {
            List<ModelSnapshot> exports = new ArrayList<>();
            harness.getSideOutput(ModelSnapshot.OUTPUT).forEach(r -> exports.add(r.getValue()));
            return exports;
        }

        long count(SnnCounter counter) {
            return function.metrics().count(counter);
        }
    }

    private static List<ReachingBatch> session(int batches) {
        ReachingSimulator simulator = new ReachingSimulator("sim", SESSION);
        List<ReachingBatch> out = new ArrayList<>();
        for (int n = 0; n < batches; n++) {
            out.add(simulator.read());
        }
        return out;
    }

    /** {@code decodings} with their key replaced, to compare the runs of two keys. */
    private static List<Decoding> rekeyed(List<Decoding> decodings, String key) {
        return decodings.stream().map(d -> new Decoding(key, d.eventTimeUs(), d.output(), d.classId(),
                d.confidence(), d.ingestWallTimeUs(), d.emitWallTimeUs())).toList();
    }

    @Test
    void aModelExportedFromOneKeyAndLoadedIntoAnotherContinuesExactlyAsTheFirst() throws Exception {
        List<ReachingBatch> batches = session(200);
        long handOverUs = batches.get(120).spikes().startTimeUs();

        Run source = Run.start();
        source.control(NetworkControl.export(1, handOverUs, "a"));
        source.feed("a", batches);
        assertThat(source.exports()).hasSize(1);
        ModelSnapshot exported = source.exports().get(0);
        assertThat(exported.sourceKey()).isEqualTo("a");
        assertThat(exported.eventTimeUs()).isEqualTo(handOverUs);
        assertThat(exported.specFingerprint()).isEqualTo(spec().fingerprint());
        List<Decoding> aAfter = source.decodings("a").subList(120, 200);

        // Another job: key b has learned nothing, then loads a's model and sees a's input from the hand-over on.
        Run target = Run.start();
        target.control(NetworkControl.load(1, handOverUs, "b", exported));
        target.feed("b", batches.subList(120, 200));
        assertThat(target.count(SnnCounter.CONTROLS_APPLIED)).isEqualTo(1);
        assertThat(target.decodings("b")).isEqualTo(rekeyed(aAfter, "b"));

        Run fresh = Run.start();
        fresh.feed("b", batches.subList(120, 200));
        assertThat(fresh.decodings("b").get(0).output()).isNotEqualTo(aAfter.get(0).output());
    }

    @Test
    void freezingOneKeyAtAnEventTimeStopsItsLearningThereAndUnfreezingResumesIt() throws Exception {
        List<ReachingBatch> batches = session(120);
        long freezeUs = batches.get(40).spikes().startTimeUs();
        long thawUs = batches.get(80).spikes().startTimeUs();
        Run run = Run.start();
        run.control(NetworkControl.freeze(1, freezeUs, "a", true));
        run.control(NetworkControl.freeze(2, thawUs, "a", false));
        run.feed("a", batches);
        run.feed("b", batches);
        // Key a: the feedback of batches 0..39 is learned, of 40..79 not (frozen from batch 40's first bin to batch
        // 80's), of 80..119 again; key b learns from all of its feedback.
        assertThat(run.count(SnnCounter.FEEDBACK_WHILE_FROZEN)).isEqualTo(40);
        assertThat(run.count(SnnCounter.FEEDBACK_APPLIED)).isEqualTo(120 - 40 + 120);
        // Frozen a and ever-learning b part ways at the freeze, not before.
        List<Decoding> a = run.decodings("a");
        List<Decoding> b = rekeyed(run.decodings("b"), "a");
        assertThat(a.subList(0, 41)).isEqualTo(b.subList(0, 41));
        assertThat(a.get(45)).isNotEqualTo(b.get(45));
    }

    @Test
    void aModelOfAnotherSpecificationIsRejectedAndTheKeyContinuesUnchanged() throws Exception {
        List<ReachingBatch> batches = session(60);
        Run run = Run.start();
        ModelSnapshot foreign = new ModelSnapshot("x", 0, spec().fingerprint() + 1, ModelSnapshot.FORMAT_VERSION,
                new byte[] {1, 2, 3});
        run.control(NetworkControl.load(1, batches.get(20).spikes().startTimeUs(), "a", foreign));
        run.feed("a", batches);
        run.feed("b", batches);
        assertThat(run.count(SnnCounter.CONTROLS_REJECTED)).isEqualTo(1);
        assertThat(run.decodings("a")).isEqualTo(rekeyed(run.decodings("b"), "a"));
    }

    /**
     * The reference: the key's network run directly, each batch's bins stepped, then its feedback learned (each
     * velocity feedback falls in its own batch's decode window), with {@code change} applied just before the first
     * bin starting at or after {@code changeUs}.
     */
    private static List<float[]> direct(List<ReachingBatch> batches, long changeUs, Consumer<SpikingNetwork> change) {
        return direct(new SpikingNetwork(spec()), batches, changeUs, change);
    }

    private static List<float[]> direct(SpikingNetwork network, List<ReachingBatch> batches, long changeUs,
                                        Consumer<SpikingNetwork> change) {
        List<float[]> outputs = new ArrayList<>();
        boolean changed = false;
        int[] bin = new int[network.spec().inputSize()];
        for (ReachingBatch batch : batches) {
            SpikeBatch s = batch.spikes();
            for (int b = 0; b < s.binCount(); b++) {
                if (!changed && s.binStartTimeUs(b) >= changeUs) {
                    change.accept(network);
                    changed = true;
                }
                int from = s.binOffsets()[b];
                int count = s.binOffsets()[b + 1] - from;
                System.arraycopy(s.channelIndices(), from, bin, 0, count);
                if (network.step(s.binStartTimeUs(b), bin, count)) {
                    outputs.add(network.output().clone());
                }
            }
            network.learn(Feedback.ofVector("a", batch.velocity().eventTimeUs(), batch.velocity().target()));
        }
        return outputs;
    }

    private static void assertOutputs(List<Decoding> decodings, List<float[]> expected) {
        assertThat(decodings).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(decodings.get(k).output()).as("decode %d", k).containsExactly(expected.get(k));
        }
    }

    @Test
    void aLearningRateScaleTakesEffectAtItsEventTimeForItsKeyOnly() throws Exception {
        List<ReachingBatch> batches = session(100);
        // Mid-batch: the change lands between two bins of one decode window, whose feedback then learns scaled.
        long changeUs = batches.get(40).spikes().binStartTimeUs(7);
        Run run = Run.start();
        run.control(NetworkControl.learningRateScale(1, changeUs, "a", 0.25));
        run.feed("a", batches);
        run.feed("b", batches);

        assertThat(run.count(SnnCounter.FEEDBACK_APPLIED)).isEqualTo(200);
        assertThat(run.count(SnnCounter.CONTROLS_APPLIED)).isEqualTo(1);
        assertOutputs(run.decodings("a"), direct(batches, changeUs, net -> net.setLearningRateScale(0.25)));
        assertOutputs(run.decodings("b"), direct(batches, Long.MAX_VALUE, net -> { }));
        assertThat(run.decodings("a").get(42).output()).isNotEqualTo(run.decodings("b").get(42).output());
    }

    @Test
    void spikeSparsityAndSynOpCountersEqualWhatTheNetworksCountedDirectly() throws Exception {
        List<ReachingBatch> batches = session(60);
        Run run = Run.start();
        run.feed("a", batches);
        run.feed("b", batches.subList(0, 30));
        SpikingNetwork a = new SpikingNetwork(spec());
        direct(a, batches, Long.MAX_VALUE, net -> { });
        SpikingNetwork b = new SpikingNetwork(spec());
        direct(b, batches.subList(0, 30), Long.MAX_VALUE, net -> { });

        long inputSpikes = 0;
        long channelBins = 0;
        for (int n = 0; n < 60; n++) {
            SpikeBatch s = batches.get(n).spikes();
            int copies = n < 30 ? 2 : 1;
            inputSpikes += copies * s.spikeCount();
            channelBins += copies * (long) s.channelCount() * s.binCount();
        }
        long spikes = a.neuronSpikes() + b.neuronSpikes();
        long updates = a.operations().neuronUpdates() + b.operations().neuronUpdates();
        assertThat(run.count(SnnCounter.NETWORK_SPIKES)).isEqualTo(spikes).isPositive();
        assertThat(run.count(SnnCounter.NEURON_UPDATES)).isEqualTo(updates)
                .isEqualTo(90L * batches.get(0).spikes().binCount() * ReachingNetworks.HIDDEN);
        assertThat(run.count(SnnCounter.SYNAPTIC_OPERATIONS))
                .isEqualTo(a.operations().synOps() + b.operations().synOps());
        assertThat(run.count(SnnCounter.INPUT_SPIKES)).isEqualTo(inputSpikes);
        assertThat(run.count(SnnCounter.INPUT_CHANNEL_BINS)).isEqualTo(channelBins);
        SnnMetrics metrics = run.function().metrics();
        assertThat(metrics.sparsity(SnnCounter.NETWORK_SPIKES, SnnCounter.NEURON_UPDATES))
                .isEqualTo(1.0 - (double) spikes / updates).isBetween(0.0, 1.0);
        assertThat(metrics.sparsity(SnnCounter.INPUT_SPIKES, SnnCounter.INPUT_CHANNEL_BINS))
                .isEqualTo(1.0 - (double) inputSpikes / channelBins);
    }

    @Test
    void aThresholdScaleTakesEffectAtItsEventTime() throws Exception {
        List<ReachingBatch> batches = session(80);
        long changeUs = batches.get(30).spikes().binStartTimeUs(3);
        Run run = Run.start();
        run.control(NetworkControl.thresholdScale(1, changeUs, null, NetworkControl.ALL_LAYERS, 1.5));
        run.control(NetworkControl.thresholdScale(2, changeUs, "a", 1, 2.0));
        run.feed("a", batches);

        // The second control names a layer this network lacks: rejected, the key continues with the first.
        assertThat(run.count(SnnCounter.CONTROLS_APPLIED)).isEqualTo(1);
        assertThat(run.count(SnnCounter.CONTROLS_REJECTED)).isEqualTo(1);
        assertOutputs(run.decodings("a"), direct(batches, changeUs, net -> net.setThresholdScale(0, 1.5)));
        assertThat(run.decodings("a").get(31).output())
                .isNotEqualTo(direct(batches, Long.MAX_VALUE, net -> { }).get(31));
    }

    @Test
    void scalesSetByControlsSurviveACheckpointBitForBit() throws Exception {
        List<ReachingBatch> batches = session(121);
        long rateUs = batches.get(20).spikes().startTimeUs();
        long thresholdUs = batches.get(50).spikes().startTimeUs();
        long lateUs = batches.get(90).spikes().startTimeUs();
        Run uninterrupted = Run.start();
        uninterrupted.control(NetworkControl.learningRateScale(1, rateUs, "a", 0.5));
        uninterrupted.control(NetworkControl.thresholdScale(2, thresholdUs, "a", 0, 0.8));
        uninterrupted.control(NetworkControl.learningRateScale(3, lateUs, "a", 2));
        uninterrupted.feed("a", batches.subList(0, 70));
        OperatorSubtaskState checkpoint = uninterrupted.harness().snapshot(1, 1);
        int before = uninterrupted.decodings("a").size();
        uninterrupted.feed("a", batches.subList(70, 120));
        List<Decoding> expected = uninterrupted.decodings("a").subList(before, 120);

        Run restored = Run.restore(checkpoint);
        restored.feed("a", batches.subList(70, 120));

        assertThat(restored.decodings("a")).isEqualTo(expected);
        // Exported states are equal bytes: every weight, trace, counter and scale is the same.
        restored.control(NetworkControl.export(4, batches.get(119).spikes().endTimeUs(), "a"));
        uninterrupted.control(NetworkControl.export(4, batches.get(119).spikes().endTimeUs(), "a"));
        List<ReachingBatch> next = batches.subList(120, 121);
        restored.feed("a", next);
        uninterrupted.feed("a", next);
        assertThat(restored.exports()).hasSize(1).isEqualTo(uninterrupted.exports());
        SpikingNetwork network = new SpikingNetwork(spec());
        restored.exports().get(0).restoreInto(network);
        assertThat(network.learningRateScale()).isEqualTo(2.0);
        assertThat(network.thresholdScale(0)).isEqualTo(0.8);
    }

    @Test
    void feedbackOnAnotherClockWithinTheToleranceLearnsAsFeedbackOnTheSensorClock() throws Exception {
        List<ReachingBatch> batches = session(80);
        long windowUs = batches.get(0).spikes().endTimeUs() - batches.get(0).spikes().startTimeUs();
        long tolerance = windowUs / 4;
        Run sensorClock = Run.start();
        sensorClock.feed("a", batches);
        Run otherClock = Run.start(SnnOptions.defaults().withFeedbackTolerance(tolerance));
        // Ahead and behind by up to the tolerance: behind lands inside the previous window, nearest still its own.
        otherClock.feed("a", batches, n -> n % 2 == 0 ? tolerance : -tolerance);

        assertThat(otherClock.count(SnnCounter.FEEDBACK_APPLIED)).isEqualTo(80);
        assertThat(otherClock.decodings("a")).isEqualTo(sensorClock.decodings("a"));
        assertThat(otherClock.drifts()).isEmpty();
        assertThat(otherClock.function().metrics().feedbackDeviationUs().getMaxValue())
                .isBetween(tolerance, tolerance + tolerance / 100);
    }

    @Test
    void feedbackDriftingBeyondTheToleranceIsCountedReportedAndNotLearned() throws Exception {
        List<ReachingBatch> batches = session(60);
        long windowUs = batches.get(0).spikes().endTimeUs() - batches.get(0).spikes().startTimeUs();
        long tolerance = windowUs / 4;
        long drift = tolerance + 1;
        Run run = Run.start(SnnOptions.defaults().withFeedbackTolerance(tolerance));
        // From batch 30 on the feedback clock runs ahead by more than the tolerance.
        run.feed("a", batches, n -> n < 30 ? 0 : drift);
        Run frozenAt30 = Run.start();
        frozenAt30.control(NetworkControl.freeze(1, batches.get(30).spikes().startTimeUs(), "a", true));
        frozenAt30.feed("a", batches);

        assertThat(run.count(SnnCounter.FEEDBACK_APPLIED)).isEqualTo(30);
        assertThat(run.count(SnnCounter.FEEDBACK_DRIFTED)).isEqualTo(30);
        assertThat(run.drifts()).hasSize(30).allSatisfy(d -> {
            assertThat(d.sourceKey()).isEqualTo("a");
            assertThat(d.deviationUs()).isEqualTo(drift);
            assertThat(d.feedbackTimeUs() - d.nearestWindowStartUs()).isEqualTo(drift);
            assertThat(d.toleranceUs()).isEqualTo(tolerance);
        });
        assertThat(run.drifts().get(0).nearestWindowStartUs()).isEqualTo(batches.get(30).spikes().startTimeUs());
        // Drifted feedback teaches nothing: the key decodes as one that stopped learning at batch 30.
        assertThat(run.decodings("a")).isEqualTo(frozenAt30.decodings("a"));
    }

    @Test
    void aToleranceOfHalfTheDecodeWindowIsRefusedAtOpen() {
        long windowUs = spec().decodeIntervalBins() * spec().binWidthUs();
        assertThatThrownBy(() -> Run.start(SnnOptions.defaults().withFeedbackTolerance(windowUs / 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feedbackToleranceUs");
        assertThatThrownBy(() -> SnnOptions.defaults().withFeedbackTolerance(-1)).hasMessageContaining("-1");
    }

    @Test
    void aSnapshotOfAnotherFormatVersionOrInvalidControlsFailLoudly() {
        SpikingNetwork network = new SpikingNetwork(spec());
        ModelSnapshot current = ModelSnapshot.of("a", 0, network);
        ModelSnapshot newer = new ModelSnapshot("a", 0, current.specFingerprint(), ModelSnapshot.FORMAT_VERSION + 1,
                current.network());
        assertThatThrownBy(() -> newer.restoreInto(network)).isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("format version 2");
        assertThatThrownBy(() -> NetworkControl.export(0, 0, "a")).hasMessageContaining("sequence");
        assertThatThrownBy(() -> new NetworkControl(1, 0, "a", NetworkControl.Action.LOAD, null))
                .hasMessageContaining("LOAD");
        assertThatThrownBy(() -> NetworkControl.load(1, 0, null, current)).hasMessageContaining("target key");
        assertThatThrownBy(() -> NetworkControl.learningRateScale(1, 0, "a", -0.5)).hasMessageContaining("-0.5");
        assertThatThrownBy(() -> NetworkControl.thresholdScale(1, 0, "a", 0, 0)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> NetworkControl.thresholdScale(1, 0, "a", -2, 1)).hasMessageContaining("layer -2");
        assertThatThrownBy(() -> new NetworkControl(1, 0, "a", NetworkControl.Action.FREEZE, null, 2, -1))
                .hasMessageContaining("scale");
    }

    @Test
    void controlsAndSnapshotsHaveFlinkSerializersWithoutKryo() {
        assertThat(NetworkControl.TYPE).isInstanceOf(PojoTypeInfo.class);
        assertThat(ModelSnapshot.TYPE).isInstanceOf(PojoTypeInfo.class);
    }
}
