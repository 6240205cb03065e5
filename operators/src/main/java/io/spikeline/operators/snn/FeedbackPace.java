package io.spikeline.operators.snn;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.state.KeyedBatchQueue;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges a key's spike batches (input 1) and its feedback (input 2) into the SNN operator's one input, holding the
 * batches back while they run too far ahead of the feedback. The SNN operator learns from a feedback only while it
 * remembers the decode it answers (the network's {@code historyLength} decodes), and a readout that learns late
 * decodes worse: on the simulated reaching session a normalised-LMS readout learning each velocity 1, 4 or 16 decodes
 * late instead of right after its decode scores an R² of 0.50, 0.36 or 0.05 over the last 6 s instead of 0.55. Built
 * by {@link ControlledSpikingNetworkFunction#pacedInputs}.
 *
 * <h2>The rule</h2>
 * A batch starting more than {@code leadUs} after the latest feedback of its key waits, and the batches after it with
 * it, until the feedback reaches {@code start − leadUs}; with a lead of one decode window that is the device's order
 * (the feedback of each window learned before the next window is decoded). Feedback is never held: it passes on as it
 * comes (the SNN operator holds feedback that is ahead of its decodes, {@code SnnOptions.maxPendingFeedback}), and
 * then releases the batches it has caught up with. On a live stream whose feedback follows its spikes by less than
 * the lead nothing waits; feedback that lags more delays the decodes by as much, the price of learning as on the
 * device (a wait of 0 never pays it). On a backlog (a broker session queued before the job starts, read far faster
 * than real time) one subscription drains first; the spikes wait for the feedback, and the output is the device's.
 *
 * <h2>The bound</h2>
 * A wait lasts at most {@code waitMs} of processing time (and {@code maxHeld} batches): then the held batches pass on,
 * counted as {@code batchesWithoutFeedback} (a Flink counter, and the job accumulator {@link #WITHOUT_FEEDBACK};
 * {@link #WAITS} and {@link #LONGEST_WAIT_MS} tell how often and how long batches waited), and the key's batches pass
 * on as they come, without waiting, until its feedback catches up with them again (reaches the latest batch's start
 * − {@code leadUs}): feedback that has stopped stalls the decoder once, for {@code waitMs}, not at every batch. A
 * wait of 0 holds nothing: the plain union {@link ControlledSpikingNetworkFunction#inputs}, the choice for feedback
 * sent only in answer to a decoding, which would otherwise hold each batch for the round trip.
 *
 * <h2>State and end of input</h2>
 * The held batches ({@code pace-held}, a {@link KeyedBatchQueue}) and the key's progress ({@code pace-progress}:
 * latest feedback time, latest batch start, when the wait began, whether waits are waived) are keyed state, restored
 * exactly by checkpoints and savepoints (a wait restored is measured from its start in the run before). The final
 * watermark at the end of a bounded input passes on everything held, uncounted.
 */
public final class FeedbackPace
        extends KeyedCoProcessFunction<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPace.class);
    /** The job accumulator of the batches passed on without their feedback when a wait ran out. */
    public static final String WITHOUT_FEEDBACK = "snn.pace.batchesWithoutFeedback";
    /** The job accumulator of the waits begun. */
    public static final String WAITS = "snn.pace.waits";
    /** The job accumulator of the longest wait that ended with feedback, ms. */
    public static final String LONGEST_WAIT_MS = "snn.pace.longestWaitMs";
    private static final int FEEDBACK_TO = 0;
    private static final int LATEST_START = 1;
    private static final int WAIT_SINCE = 2;
    private static final int WAIVED = 3;

    private final long leadUs;
    private final long waitMs;
    private final int maxHeld;
    private transient KeyedBatchQueue held;
    private transient ValueState<long[]> progress;
    private transient Counter withoutFeedback;
    private transient LongCounter withoutFeedbackTotal;
    private transient LongCounter waits;
    private transient LongMaximum longestWaitMs;

    /**
     * @param leadUs how far a batch's start may run ahead of the latest feedback without waiting, µs: one decode
     *     window for the device's order (the feedback of the window before learned before the next is decoded)
     * @param waitMs processing time a wait lasts at most, ms; 0 to hold nothing
     * @param maxHeld batches held per key at most
     */
    public FeedbackPace(long leadUs, long waitMs, int maxHeld) {
        if (leadUs < 0) {
            throw new IllegalArgumentException("leadUs must be >= 0, was " + leadUs);
        }
        if (waitMs < 0) {
            throw new IllegalArgumentException("waitMs must be >= 0, was " + waitMs);
        }
        if (maxHeld < 1) {
            throw new IllegalArgumentException("maxHeld must be >= 1, was " + maxHeld);
        }
        this.leadUs = leadUs;
        this.waitMs = waitMs;
        this.maxHeld = maxHeld;
    }

    @Override
    public void open(OpenContext openContext) {
        held = new KeyedBatchQueue(getRuntimeContext(), "pace-held");
        progress = getRuntimeContext().getState(
                new ValueStateDescriptor<>("pace-progress", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        withoutFeedback = getRuntimeContext().getMetricGroup().counter("batchesWithoutFeedback");
        withoutFeedbackTotal = new LongCounter();
        getRuntimeContext().addAccumulator(WITHOUT_FEEDBACK, withoutFeedbackTotal);
        waits = new LongCounter();
        getRuntimeContext().addAccumulator(WAITS, waits);
        longestWaitMs = new LongMaximum();
        getRuntimeContext().addAccumulator(LONGEST_WAIT_MS, longestWaitMs);
    }

    @Override
    public void processElement1(SpikeBatch batch, Context ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        long[] p = progress();
        p[LATEST_START] = Math.max(p[LATEST_START], batch.startTimeUs());
        int holding = held.size();
        if (holding == 0 && (waitMs == 0 || p[WAIVED] != 0 || due(batch, p))) {
            out.collect(Either.Left(batch));
        } else {
            if (holding == 0) {
                waits.add(1L);
                startWait(p, ctx.timerService().currentProcessingTime(), ctx);
            }
            held.add(batch);
            if (holding + 1 > maxHeld) {
                giveUp(p, ctx.getCurrentKey(), "more than " + maxHeld + " batches held", out);
            }
        }
        progress.update(p);
    }

    @Override
    public void processElement2(Feedback feedback, Context ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        long[] p = progress();
        p[FEEDBACK_TO] = Math.max(p[FEEDBACK_TO], feedback.eventTimeUs());
        out.collect(Either.Right(feedback));
        if (p[WAIVED] != 0 && p[FEEDBACK_TO] >= p[LATEST_START] - leadUs) {
            p[WAIVED] = 0;
        }
        boolean released = false;
        for (SpikeBatch next = held.head(); next != null && due(next, p); next = held.head()) {
            out.collect(Either.Left(held.take()));
            released = true;
        }
        if (released) {
            long nowMs = ctx.timerService().currentProcessingTime();
            longestWaitMs.add(nowMs - p[WAIT_SINCE]);
            if (!held.isEmpty()) {
                // The feedback is coming: what is still held waits anew, from now.
                startWait(p, nowMs, ctx);
            }
        }
        progress.update(p);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        if (held.isEmpty()) {
            return;
        }
        long[] p = progress();
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            passHeld(out);
        } else if (timestamp - p[WAIT_SINCE] >= waitMs) {
            giveUp(p, ctx.getCurrentKey(), "no feedback for " + waitMs / 1e3 + " s", out);
        }
        progress.update(p);
    }

    /** Batches passed on without their feedback so far by this instance. */
    public long batchesWithoutFeedback() {
        return withoutFeedback.getCount();
    }

    private void startWait(long[] p, long nowMs, Context ctx) {
        p[WAIT_SINCE] = nowMs;
        ctx.timerService().registerProcessingTimeTimer(nowMs + waitMs);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    /** Passes every held batch on, counted, and waives the waits until the feedback catches up. */
    private void giveUp(long[] p, String key, String why, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        int count = held.size();
        LOG.warn("spike batches of {} from {} s on wait for feedback that has reached {} s only; {}: passing {} "
                        + "batches on without it", key, held.head().startTimeUs() / 1e6,
                p[FEEDBACK_TO] == Long.MIN_VALUE ? "no time" : p[FEEDBACK_TO] / 1e6 + "", why, count);
        passHeld(out);
        withoutFeedback.inc(count);
        withoutFeedbackTotal.add((long) count);
        p[WAIVED] = 1;
    }

    /** Passes every held batch on, in order. */
    private void passHeld(Collector<Either<SpikeBatch, Feedback>> out) throws Exception {
        for (SpikeBatch next = held.take(); next != null; next = held.take()) {
            out.collect(Either.Left(next));
        }
    }

    private boolean due(SpikeBatch batch, long[] p) {
        return p[FEEDBACK_TO] != Long.MIN_VALUE && p[FEEDBACK_TO] >= batch.startTimeUs() - leadUs;
    }

    private long[] progress() throws Exception {
        long[] p = progress.value();
        return p == null ? new long[] {Long.MIN_VALUE, Long.MIN_VALUE, 0, 0} : p;
    }
}
