package io.spikeline.runtime.gesture;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.state.SnapshotStateSerializer;
import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GestureSampler} per key in keyed state: takes finely binned spikes (left) and gesture labels (right),
 * emits the gesture samples' bins (left) and the labels stamped onto their samples (right), the input of
 * {@link ControlledSpikingNetworkFunction}.
 *
 * <p>Device order: while the sampler {@linkplain GestureSampler#awaitsLabel awaits} the latest sample's label, the
 * key's incoming batches are held in keyed state ({@code gesture-held}) and passed on, in order, when a label answers
 * it; so the network learns each gesture's label before it sees the next gesture, whichever of the two streams is
 * ahead, and its output does not depend on their interleaving. A wait ends without the label when the held batches
 * span more than {@code labelWaitUs} of event time and the wait has lasted as long in processing time (logged,
 * counted as {@code samplesWithoutLabel}); the label, should it come later, is aligned as usual and learned from late.
 * On a live stream the two bounds end together. On a backlog (a broker session queued before the job starts, read far
 * faster than real time) the events can run many seconds of event time ahead of the labels in a fraction of a second,
 * only because one subscription drains first; the processing-time bound lets the labels catch up. A wait of 0 holds
 * nothing: every batch is passed on as it comes. When the input ends (the final watermark) the held batches are
 * passed on and the labels still held are aligned with the onsets seen.
 *
 * <p>Labels that no sample can take (see {@link GestureSampler}: no onset before them, their gesture's onset missed,
 * too long after the latest onset) leave on the side output {@link #UNMATCHED_LABELS} as dead letters
 * ({@code INVALID_RECORD}, the label as an Avro message, the reason), so that every label is accounted for.
 *
 * <p>Counters: {@code gestureSamples}, {@code alignedLabels}, {@code unalignedLabels}, {@code samplesWithoutLabel};
 * gauge {@code heldBatches} (of the key processed last); the job accumulator {@link #WITHOUT_LABEL} sums
 * {@code samplesWithoutLabel} over the job, for the run's report.
 */
final class GestureSampleFunction
        extends KeyedProcessFunction<String, Either<SpikeBatch, Feedback>, Either<SpikeBatch, Feedback>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GestureSampleFunction.class);
    /** Labels that no gesture sample could take, as dead letters. */
    static final OutputTag<DeadLetter> UNMATCHED_LABELS =
            new OutputTag<>("unmatched-labels", RecordTypes.DEAD_LETTER);

    /** The job accumulator of the waits that ended without the label. */
    static final String WITHOUT_LABEL = "gesture.samplesWithoutLabel";

    private final SamplerParams params;
    private final long labelWaitUs;
    private transient ValueState<GestureSampler> state;
    private transient ListState<SpikeBatch> held;
    /** Processing time at which the current wait began, ms; empty while nothing is held. */
    private transient ValueState<Long> heldSince;
    private transient Counter samples;
    private transient Counter aligned;
    private transient Counter unaligned;
    private transient Counter withoutLabel;
    private transient LongCounter withoutLabelTotal;
    private transient int heldCount;

    /**
     * @param labelWaitUs event time of incoming batches held at most while the latest sample awaits its label, µs;
     *     0 to pass every batch on as it comes
     */
    GestureSampleFunction(SamplerParams params, long labelWaitUs) {
        if (labelWaitUs < 0) {
            throw new IllegalArgumentException("label wait must be >= 0 us, was " + labelWaitUs);
        }
        this.params = params;
        this.labelWaitUs = labelWaitUs;
    }

    @Override
    public void open(OpenContext openContext) {
        SamplerParams p = params;
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("gesture-sampler",
                new SnapshotStateSerializer<>(GestureSampler.class, () -> new GestureSampler(p))));
        held = getRuntimeContext().getListState(new ListStateDescriptor<>("gesture-held", RecordTypes.SPIKE_BATCH));
        heldSince = getRuntimeContext().getState(new ValueStateDescriptor<>("gesture-held-since", Types.LONG));
        samples = getRuntimeContext().getMetricGroup().counter("gestureSamples");
        aligned = getRuntimeContext().getMetricGroup().counter("alignedLabels");
        unaligned = getRuntimeContext().getMetricGroup().counter("unalignedLabels");
        withoutLabel = getRuntimeContext().getMetricGroup().counter("samplesWithoutLabel");
        withoutLabelTotal = new LongCounter();
        getRuntimeContext().addAccumulator(WITHOUT_LABEL, withoutLabelTotal);
        getRuntimeContext().getMetricGroup().gauge("heldBatches", () -> heldCount);
    }

    @Override
    public void processElement(Either<SpikeBatch, Feedback> input, Context ctx,
                               Collector<Either<SpikeBatch, Feedback>> out) throws Exception {
        GestureSampler sampler = state.value();
        if (sampler == null) {
            sampler = new GestureSampler(params);
        }
        Totals before = new Totals(sampler);
        List<SpikeBatch> waiting = heldBatches();
        int heldBefore = waiting.size();
        if (input.isLeft()) {
            waiting.add(input.left());
        } else {
            sampler.label(input.right(), l -> out.collect(Either.Right(l)));
        }
        int next = pass(sampler, waiting, 0, false, out);
        if (next > 0) {
            // A label answered the wait (or none was on): what is still held waits anew, from now.
            heldSince.clear();
        }
        next = endWaits(sampler, waiting, next, ctx.timerService().currentProcessingTime(), out);
        if (next == waiting.size()) {
            if (heldBefore > 0) {
                held.clear();
            }
        } else if (next == 0) {
            if (input.isLeft()) {
                held.add(input.left());
            }
        } else {
            held.update(waiting.subList(next, waiting.size()));
        }
        keep(sampler, waiting.size() - next, ctx);
        finish(sampler, before, ctx);
    }

    /**
     * Ends the waits that have lasted long enough, in event and in processing time, passing the batches on after
     * each; returns the index of the first batch still to hold.
     */
    private int endWaits(GestureSampler sampler, List<SpikeBatch> waiting, int from, long nowMs,
                         Collector<Either<SpikeBatch, Feedback>> out) throws Exception {
        int next = from;
        if (next == waiting.size()) {
            return next;
        }
        Long since = heldSince.value();
        if (since == null) {
            heldSince.update(nowMs);
            return next;
        }
        long waitMs = labelWaitUs / 1000;
        while (next < waiting.size() && spanUs(waiting, next) > labelWaitUs && nowMs - since >= waitMs) {
            SpikeBatch first = waiting.get(next);
            LOG.warn("gesture sampler of {}: no label for the sample at {} s after {} s of events held and {} s of "
                            + "waiting; going on without it", first.sourceKey(), sampler.latestOnsetUs() / 1e6,
                    spanUs(waiting, next) / 1e6, (nowMs - since) / 1e3);
            withoutLabel.inc();
            withoutLabelTotal.add(1);
            sampler.goOnWithoutLabel();
            next = pass(sampler, waiting, next, false, out);
            // The next wait, if any, begins now.
            since = nowMs;
            heldSince.update(nowMs);
        }
        return next;
    }

    /**
     * After a step that leaves {@code stillHeld} batches held: forgets the wait when nothing is held, else sets a
     * processing-time timer for its end; keeps the end-of-input timer while anything is held.
     */
    private void keep(GestureSampler sampler, int stillHeld, Context ctx) throws Exception {
        heldCount = stillHeld;
        if (stillHeld == 0) {
            heldSince.clear();
        } else {
            ctx.timerService().registerProcessingTimeTimer(heldSince.value() + labelWaitUs / 1000);
        }
        if (sampler.heldLabels() > 0 || stillHeld > 0) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        GestureSampler sampler = state.value();
        Totals before = new Totals(sampler);
        List<SpikeBatch> waiting = heldBatches();
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            // A wait may have ended with no batch arriving since: the events' subscription drained first.
            int next = endWaits(sampler, waiting, 0, timestamp, out);
            if (next > 0) {
                held.update(waiting.subList(next, waiting.size()));
                keep(sampler, waiting.size() - next, ctx);
            }
        } else {
            pass(sampler, waiting, 0, true, out);
            held.clear();
            heldSince.clear();
            heldCount = 0;
            sampler.flush(l -> out.collect(Either.Right(l)));
        }
        finish(sampler, before, ctx);
    }

    /** The key's held batches, in order, in a list of their own. */
    private List<SpikeBatch> heldBatches() throws Exception {
        List<SpikeBatch> batches = new ArrayList<>();
        for (SpikeBatch b : held.get()) {
            batches.add(b);
        }
        return batches;
    }

    /** The sampler's running totals before a step, for counting what the step added. */
    private record Totals(long samples, long aligned, long unaligned) {
        Totals(GestureSampler sampler) {
            this(sampler.samples(), sampler.alignedLabels(), sampler.unalignedLabels());
        }
    }

    /** After a step: counts what it added, dead-letters the labels it could not align, keeps the sampler. */
    private void finish(GestureSampler sampler, Totals before, Context ctx) throws Exception {
        samples.inc(sampler.samples() - before.samples());
        aligned.inc(sampler.alignedLabels() - before.aligned());
        unaligned.inc(sampler.unalignedLabels() - before.unaligned());
        deadLetter(sampler, ctx);
        state.update(sampler);
    }

    private static void deadLetter(GestureSampler sampler, Context ctx) {
        for (GestureSampler.Unmatched u : sampler.takeUnmatched()) {
            Feedback label = u.label();
            RawMessage message = new RawMessage("job", "gesture labels", -1, -1, label.eventTimeUs() / 1000,
                    label.sourceKey().getBytes(StandardCharsets.UTF_8), RecordCodec.feedback().encode(label));
            ctx.output(UNMATCHED_LABELS, new DeadLetter(message, WireFormatException.Reason.INVALID_RECORD,
                    "gesture label of class " + label.classId() + " at " + label.eventTimeUs() / 1e6 + " s for "
                            + label.sourceKey() + " matches no gesture sample: " + u.why()));
        }
    }

    /** Waits ended without the label so far by this instance. */
    long samplesWithoutLabel() {
        return withoutLabel.getCount();
    }

    /**
     * Passes the batches of {@code waiting} from {@code from} on to the sampler while it awaits no label (or all of
     * them, at the end of the input); returns the index of the first batch still to hold.
     */
    private int pass(GestureSampler sampler, List<SpikeBatch> waiting, int from, boolean all,
                     Collector<Either<SpikeBatch, Feedback>> out) {
        int next = from;
        while (next < waiting.size() && (all || labelWaitUs == 0 || !sampler.awaitsLabel())) {
            if (all) {
                sampler.goOnWithoutLabel();
            }
            sampler.accept(waiting.get(next++), s -> out.collect(Either.Left(s)), l -> out.collect(Either.Right(l)));
        }
        return next;
    }

    /** The event time spanned by the batches of {@code waiting} from {@code from} on, µs. */
    private static long spanUs(List<SpikeBatch> waiting, int from) {
        return waiting.get(waiting.size() - 1).endTimeUs() - waiting.get(from).startTimeUs();
    }
}
