package io.spikeline.runtime.gesture;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import io.spikeline.operators.state.KeyedBatchQueue;
import io.spikeline.operators.state.SnapshotStateSerializer;
import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.connectors.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
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
 * key's incoming batches are held in keyed state ({@code gesture-held}, a {@link KeyedBatchQueue}) and passed on,
 * in order, when a label answers it; so the network learns each gesture's label before it sees the next gesture,
 * whichever of the two streams is ahead, and its output does not depend on their interleaving. A wait ends without
 * the label when the held batches span more than {@code labelWaitUs} of event time and the wait has lasted as long
 * in processing time (logged, counted as {@code samplesWithoutLabel}); the label, should it come later, is aligned as
 * usual and learned from late.
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
    private transient KeyedBatchQueue held;
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
        held = new KeyedBatchQueue(getRuntimeContext(), "gesture-held");
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
        if (input.isRight()) {
            sampler.label(input.right(), l -> out.collect(Either.Right(l)));
        } else if (held.isEmpty() && !holds(sampler)) {
            accept(sampler, input.left(), out);
        } else {
            held.add(input.left());
        }
        if (pass(sampler, out)) {
            // A label answered the wait: what is still held waits anew, from now.
            heldSince.clear();
        }
        endWaits(sampler, ctx.timerService().currentProcessingTime(), out);
        keep(sampler, ctx);
        finish(sampler, before, ctx);
    }

    /**
     * Ends the waits that have lasted long enough, in event and in processing time, passing the batches on after
     * each; a wait that has no start yet begins now.
     */
    private void endWaits(GestureSampler sampler, long nowMs, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        if (held.isEmpty()) {
            return;
        }
        Long since = heldSince.value();
        if (since == null) {
            heldSince.update(nowMs);
            return;
        }
        long waitMs = labelWaitUs / 1000;
        for (SpikeBatch first = held.head(); first != null && nowMs - since >= waitMs; first = held.head()) {
            long spanUs = held.tail().endTimeUs() - first.startTimeUs();
            if (spanUs <= labelWaitUs) {
                return;
            }
            LOG.warn("gesture sampler of {}: no label for the sample at {} s after {} s of events held and {} s of "
                            + "waiting; going on without it", first.sourceKey(), sampler.latestOnsetUs() / 1e6,
                    spanUs / 1e6, (nowMs - since) / 1e3);
            withoutLabel.inc();
            withoutLabelTotal.add(1);
            sampler.goOnWithoutLabel();
            pass(sampler, out);
            // The next wait, if any, begins now.
            since = nowMs;
            heldSince.update(nowMs);
        }
    }

    /**
     * After a step: forgets the wait when nothing is held, else sets a processing-time timer for its end; keeps the
     * end-of-input timer while anything is held.
     */
    private void keep(GestureSampler sampler, Context ctx) throws Exception {
        heldCount = held.size();
        if (heldCount == 0) {
            heldSince.clear();
        } else {
            ctx.timerService().registerProcessingTimeTimer(heldSince.value() + labelWaitUs / 1000);
        }
        if (sampler.heldLabels() > 0 || heldCount > 0) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        GestureSampler sampler = state.value();
        Totals before = new Totals(sampler);
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            // A wait may have ended with no batch arriving since: the events' subscription drained first.
            int holding = held.size();
            endWaits(sampler, timestamp, out);
            if (held.size() < holding) {
                keep(sampler, ctx);
            }
        } else {
            for (SpikeBatch next = held.take(); next != null; next = held.take()) {
                sampler.goOnWithoutLabel();
                accept(sampler, next, out);
            }
            heldSince.clear();
            heldCount = 0;
            sampler.flush(l -> out.collect(Either.Right(l)));
        }
        finish(sampler, before, ctx);
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

    /** Whether an incoming batch must wait: the latest sample awaits its label, and waiting is on. */
    private boolean holds(GestureSampler sampler) {
        return labelWaitUs != 0 && sampler.awaitsLabel();
    }

    /** Passes the held batches on to the sampler, from the head, while it awaits no label; whether any went. */
    private boolean pass(GestureSampler sampler, Collector<Either<SpikeBatch, Feedback>> out) throws Exception {
        boolean passed = false;
        while (!held.isEmpty() && !holds(sampler)) {
            accept(sampler, held.take(), out);
            passed = true;
        }
        return passed;
    }

    private static void accept(GestureSampler sampler, SpikeBatch batch, Collector<Either<SpikeBatch, Feedback>> out) {
        sampler.accept(batch, s -> out.collect(Either.Left(s)), l -> out.collect(Either.Right(l)));
    }
}
