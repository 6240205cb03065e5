package io.spikeline.operators.snn;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.FeedbackOutcome;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.network.SpikingNetwork;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.state.SnapshotStateSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * The per-key work of the SNN operator, shared by its function variants: the keyed state (the network, the
 * feedback waiting for its decode, per-key lag and counts) and what happens on a spike batch and on a feedback
 * record (semantics in the package documentation). Lives in the function's task, built in {@code open}.
 */
final class KeyedNetworkRunner {
    private static final int LAG_US = 0;
    private static final int STALE_SKIPPED = 1;
    private static final int LATE_FEEDBACK = 2;
    private static final int NEXT_EXPORT_US = 3;
    private static final int PENDING = 4;
    private static final int APPLIED_CONTROL = 5;
    private static final int LAST_END_US = 6;
    private static final int DRIFTED_FEEDBACK = 7;
    private static final int LAST_DEVIATION_US = 8;
    private static final int STATS = 9;

    private final NetworkSpec spec;
    private final SnnOptions options;
    private final WallClock clock;
    private final SnnMetrics metrics;
    private final ValueState<SpikingNetwork> network;
    private final ListState<Feedback> pending;
    private final ValueState<long[]> keyStats;
    private final LiveNetworks live;
    /** By layer: whether a threshold scale is exactly a scale of its firing threshold ({@link ThresholdScaling}). */
    private final boolean[] thresholdScalable;
    private final int[] binSpikes;

    KeyedNetworkRunner(SerializableSupplier<NetworkSpec> specs, SnnOptions options, WallClock clock,
                       RuntimeContext context) {
        this.spec = specs.get();
        this.options = options;
        this.clock = clock;
        this.metrics = new SnnMetrics(context, options.keyMetricGroups());
        SerializableSupplier<SpikingNetwork> factory = () -> new SpikingNetwork(specs.get());
        this.network = context.getState(new ValueStateDescriptor<>("snn-network",
                new SnapshotStateSerializer<>(SpikingNetwork.class, factory)));
        this.pending = context.getListState(new ListStateDescriptor<>("snn-pending-feedback", RecordTypes.FEEDBACK));
        this.keyStats = context.getState(new ValueStateDescriptor<>("snn-key-stats",
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        this.live = new LiveNetworks(options.liveNetworks());
        this.thresholdScalable = new boolean[spec.layers().size()];
        for (int l = 0; l < thresholdScalable.length; l++) {
            thresholdScalable[l] = ThresholdScaling.scalesThreshold(spec.layers().get(l).neuron());
        }
        this.binSpikes = new int[spec.inputSize()];
        long windowUs = spec.decodeIntervalBins() * spec.binWidthUs();
        if (options.feedbackToleranceUs() != SnnOptions.CONTAINING_WINDOW
                && 2 * options.feedbackToleranceUs() >= windowUs) {
            throw new IllegalArgumentException("feedbackToleranceUs must stay below half the decode window of "
                    + windowUs + " us, was " + options.feedbackToleranceUs());
        }
    }

    SnnMetrics metrics() {
        return metrics;
    }

    /** The current key's network, built from the specification on the key's first record. */
    private SpikingNetwork network(String key) throws Exception {
        SpikingNetwork net = live.get(key);
        if (net != null) {
            return net;
        }
        net = network.value();
        if (net == null) {
            return new SpikingNetwork(spec);
        }
        live.put(key, net);
        return net;
    }

    /** Writes the current key's network, changed, to its state. */
    private void store(String key, SpikingNetwork net) throws Exception {
        network.update(net);
        if (live.undecided()) {
            live.decide(network.value() == net);
        }
        live.put(key, net);
    }

    private long[] stats() throws Exception {
        long[] stored = keyStats.value();
        if (stored != null && stored.length == STATS) {
            return stored;
        }
        long[] stats = new long[STATS];
        stats[NEXT_EXPORT_US] = Long.MIN_VALUE;
        stats[LAST_END_US] = Long.MIN_VALUE;
        if (stored != null) {
            System.arraycopy(stored, 0, stats, 0, Math.min(stored.length, STATS));
        }
        return stats;
    }


    /**
     * Steps the key's network on every bin of {@code batch} (unless it is stale and the policy skips it), emits a
     * {@link Decoding} per completed decode window, offers waiting feedback after each, and exports snapshots when
     * due. {@code controls} (in increasing sequence) are applied as each bin's start reaches their effective time.
     */
    void onSpikes(String key, SpikeBatch batch, List<NetworkControl> controls, Collector<Decoding> out,
                  SideOutputs side) throws Exception {
        long ingestUs = clock.nowUs();
        metrics.select(key);
        metrics.increment(SnnCounter.BATCHES);
        if (batch.channelCount() != spec.inputSize() || batch.binWidthUs() != spec.binWidthUs()) {
            metrics.increment(SnnCounter.MISMATCHED_BATCHES);
            return;
        }
        long[] stats = stats();
        if (batch.startTimeUs() < stats[LAST_END_US]) {
            metrics.increment(SnnCounter.OUT_OF_ORDER_BATCHES);
            return;
        }
        if (stats[LAST_END_US] != Long.MIN_VALUE && batch.startTimeUs() > stats[LAST_END_US]) {
            metrics.increment(SnnCounter.INPUT_GAPS);
            metrics.add(SnnCounter.INPUT_GAP_US, batch.startTimeUs() - stats[LAST_END_US]);
        }
        stats[LAST_END_US] = batch.endTimeUs();
        long lag = ingestUs - batch.endTimeUs();
        stats[LAG_US] = lag;
        metrics.recordLag(lag);
        if (options.staleInput() == StaleInputPolicy.SKIP && lag > options.maxLagUs()) {
            stats[STALE_SKIPPED]++;
            metrics.increment(SnnCounter.STALE_BATCHES_SKIPPED);
            keyStats.update(stats);
            return;
        }
        SpikingNetwork net = network(key);
        long synOpsBefore = net.operations().synOps();
        long ruleUpdatesBefore = net.learningUpdates();
        long spikesBefore = net.neuronSpikes();
        long neuronUpdatesBefore = net.operations().neuronUpdates();
        int[] offsets = batch.binOffsets();
        for (int b = 0; b < batch.binCount(); b++) {
            if (!controls.isEmpty()) {
                net = applyDue(key, net, controls, batch.binStartTimeUs(b), stats, side);
            }
            int count = offsets[b + 1] - offsets[b];
            System.arraycopy(batch.channelIndices(), offsets[b], binSpikes, 0, count);
            if (net.step(batch.binStartTimeUs(b), binSpikes, count)) {
                emit(key, net, ingestUs, out);
                if (stats[PENDING] > 0) {
                    offerPending(key, net, stats, side);
                }
                if (options.exportIntervalUs() > 0 && net.windowEndUs() >= stats[NEXT_EXPORT_US]) {
                    side.export(ModelSnapshot.of(key, net.windowEndUs(), net));
                    metrics.increment(SnnCounter.SNAPSHOTS_EXPORTED);
                    stats[NEXT_EXPORT_US] = net.windowEndUs() + options.exportIntervalUs();
                }
            }
        }
        store(key, net);
        keyStats.update(stats);
        metrics.add(SnnCounter.INPUT_SPIKES, batch.spikeCount());
        metrics.add(SnnCounter.INPUT_CHANNEL_BINS, (long) batch.channelCount() * batch.binCount());
        metrics.add(SnnCounter.NETWORK_SPIKES, Math.max(0, net.neuronSpikes() - spikesBefore));
        metrics.add(SnnCounter.NEURON_UPDATES, Math.max(0, net.operations().neuronUpdates() - neuronUpdatesBefore));
        // A load replaces the counts with the loaded network's: count only what this batch added.
        metrics.add(SnnCounter.SYNAPTIC_OPERATIONS, Math.max(0, net.operations().synOps() - synOpsBefore));
        metrics.add(SnnCounter.RULE_UPDATES, Math.max(0, net.learningUpdates() - ruleUpdatesBefore));
    }

    private void emit(String key, SpikingNetwork net, long ingestUs, Collector<Decoding> out) {
        long emitUs = Math.max(ingestUs, clock.nowUs());
        out.collect(new Decoding(key, net.windowStartUs(), net.output().clone(), net.predictedClass(),
                net.confidence(), ingestUs, emitUs));
        metrics.increment(SnnCounter.DECODINGS);
        metrics.recordLatency(emitUs - ingestUs);
    }

    /** Learns from {@code feedback} now if its decode exists, else holds it (bounded) until it does. */
    void onFeedback(String key, Feedback feedback, SideOutputs side) throws Exception {
        metrics.select(key);
        metrics.increment(SnnCounter.FEEDBACK_RECORDS);
        SpikingNetwork net = network(key);
        long[] stats = stats();
        FeedbackOutcome outcome = learn(net, feedback);
        if (outcome == FeedbackOutcome.NOT_YET_DECODED) {
            hold(feedback, stats);
        } else {
            count(key, net, feedback, outcome, stats, side);
            if (outcome == FeedbackOutcome.APPLIED) {
                store(key, net);
            }
        }
        keyStats.update(stats);
    }

    private void hold(Feedback feedback, long[] stats) throws Exception {
        if (options.maxPendingFeedback() == 0) {
            metrics.increment(SnnCounter.FEEDBACK_OVERFLOW_DROPPED);
            return;
        }
        if (stats[PENDING] < options.maxPendingFeedback()) {
            pending.add(feedback);
            stats[PENDING]++;
            return;
        }
        List<Feedback> held = new ArrayList<>();
        for (Feedback f : pending.get()) {
            held.add(f);
        }
        held.remove(0);
        held.add(feedback);
        pending.update(held);
        metrics.increment(SnnCounter.FEEDBACK_OVERFLOW_DROPPED);
    }

    private void offerPending(String key, SpikingNetwork net, long[] stats, SideOutputs side) throws Exception {
        List<Feedback> still = new ArrayList<>();
        for (Feedback f : pending.get()) {
            FeedbackOutcome outcome = learn(net, f);
            if (outcome == FeedbackOutcome.NOT_YET_DECODED) {
                still.add(f);
            } else {
                count(key, net, f, outcome, stats, side);
            }
        }
        if (still.size() != stats[PENDING]) {
            pending.update(still);
            stats[PENDING] = still.size();
        }
    }

    /** Learns by containment, or with the configured tolerance of another clock. */
    private FeedbackOutcome learn(SpikingNetwork net, Feedback feedback) {
        long tolerance = options.feedbackToleranceUs();
        return tolerance == SnnOptions.CONTAINING_WINDOW ? net.learn(feedback) : net.learn(feedback, tolerance);
    }

    private void count(String key, SpikingNetwork net, Feedback feedback, FeedbackOutcome outcome, long[] stats,
                       SideOutputs side) {
        if (options.feedbackToleranceUs() != SnnOptions.CONTAINING_WINDOW
                && (outcome == FeedbackOutcome.APPLIED || outcome == FeedbackOutcome.DRIFTED
                || outcome == FeedbackOutcome.FROZEN || outcome == FeedbackOutcome.REJECTED)) {
            long deviation = feedback.eventTimeUs() - net.nearestWindowStartUs(feedback.eventTimeUs());
            stats[LAST_DEVIATION_US] = deviation;
            metrics.recordFeedbackDeviation(deviation);
        }
        switch (outcome) {
            case APPLIED -> metrics.increment(SnnCounter.FEEDBACK_APPLIED);
            case DRIFTED -> {
                stats[DRIFTED_FEEDBACK]++;
                metrics.increment(SnnCounter.FEEDBACK_DRIFTED);
                side.drift(new FeedbackDrift(key, feedback.eventTimeUs(),
                        net.nearestWindowStartUs(feedback.eventTimeUs()), stats[LAST_DEVIATION_US],
                        options.feedbackToleranceUs()));
            }
            case EXPIRED -> {
                stats[LATE_FEEDBACK]++;
                metrics.increment(SnnCounter.FEEDBACK_LATE_DROPPED);
            }
            case FROZEN -> metrics.increment(SnnCounter.FEEDBACK_WHILE_FROZEN);
            case REJECTED -> metrics.increment(SnnCounter.FEEDBACK_REJECTED);
            case NOT_YET_DECODED -> throw new IllegalStateException("held feedback is not counted");
        }
    }

    /**
     * Applies, in sequence, the controls not yet applied to this key whose effective time is at most
     * {@code binStartUs}; returns the network to continue with (another one after a load). A snapshot that does not
     * load (another specification, damaged bytes) is counted and leaves the network as it was.
     */
    private SpikingNetwork applyDue(String key, SpikingNetwork net, List<NetworkControl> controls, long binStartUs,
                                    long[] stats, SideOutputs side) {
        for (NetworkControl control : controls) {
            if (control.sequence() <= stats[APPLIED_CONTROL]) {
                continue;
            }
            if (control.effectiveTimeUs() > binStartUs) {
                return net;
            }
            if (control.appliesTo(key)) {
                switch (control.action()) {
                    case FREEZE -> net.freeze(true);
                    case UNFREEZE -> net.freeze(false);
                    case EXPORT -> {
                        side.export(ModelSnapshot.of(key, binStartUs, net));
                        metrics.increment(SnnCounter.SNAPSHOTS_EXPORTED);
                    }
                    case LOAD -> {
                        SpikingNetwork loaded = loaded(control.model());
                        if (loaded == null) {
                            metrics.increment(SnnCounter.CONTROLS_REJECTED);
                            stats[APPLIED_CONTROL] = control.sequence();
                            continue;
                        }
                        net = loaded;
                    }
                    case LEARNING_RATE_SCALE -> net.setLearningRateScale(control.scale());
                    case THRESHOLD_SCALE -> {
                        if (!applyThresholdScale(net, control)) {
                            metrics.increment(SnnCounter.CONTROLS_REJECTED);
                            stats[APPLIED_CONTROL] = control.sequence();
                            continue;
                        }
                    }
                }
                metrics.increment(SnnCounter.CONTROLS_APPLIED);
            }
            stats[APPLIED_CONTROL] = control.sequence();
        }
        return net;
    }

    /**
     * Sets the control's threshold scale; {@code false} (nothing changed) if the network has no such layer or the
     * layer (any layer, for all) has no threshold it would scale exactly.
     */
    private boolean applyThresholdScale(SpikingNetwork net, NetworkControl control) {
        int layers = thresholdScalable.length;
        if (control.layer() >= layers) {
            return false;
        }
        int first = control.layer() == NetworkControl.ALL_LAYERS ? 0 : control.layer();
        int end = control.layer() == NetworkControl.ALL_LAYERS ? layers : control.layer() + 1;
        for (int l = first; l < end; l++) {
            if (!thresholdScalable[l]) {
                return false;
            }
        }
        for (int l = first; l < end; l++) {
            net.setThresholdScale(l, control.scale());
        }
        return true;
    }

    /** A network holding {@code model}, or {@code null} if the snapshot does not load. */
    private SpikingNetwork loaded(ModelSnapshot model) {
        SpikingNetwork loaded = new SpikingNetwork(spec);
        try {
            model.restoreInto(loaded);
            return loaded;
        } catch (IOException e) {
            return null;
        }
    }
}
