package io.spikeline.operators.snn;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Merges a key's spike batches (input 1) and feedback (input 2) into the SNN operator's one input in an order fixed
 * by event time, whatever the order in which the two streams reach it: the learning of the SNN operator depends on
 * that order, and two streams travelling different routes (a filter and encoder chain for the spikes, a direct
 * route or another broker topic for the feedback) interleave differently on every run and every replay after a
 * restore. Built by {@link ControlledSpikingNetworkFunction#orderedInputs}.
 *
 * <h2>The order</h2>
 * Per key, a spike batch covering {@code [start, end)} and a feedback of event time {@code t} are ordered as: the
 * batch first if {@code start ≤ t}, the feedback first if {@code t < start}. A feedback's event time lies in (or,
 * with {@code SnnOptions.withFeedbackTolerance(τ)}, within τ of the start of) the decode window it answers, so a
 * feedback reaches the SNN operator before any batch that starts after it, i.e. before the decode that follows its
 * own window whenever a batch spans at most one decode window; the SNN operator holds feedback that comes before its
 * window is decoded ({@code SnnOptions.maxPendingFeedback}) and learns from it right after that decode. A batch
 * therefore waits until the feedback stream of its key has reached it (a feedback with {@code t ≥ start} has
 * arrived), and a feedback waits until the spike stream has passed it (a batch ending after {@code t} has arrived):
 * the batches after that one start at or after its end, later than {@code t} (a batch starting before the end of
 * the previous one is dropped by the SNN operator anyway). Each stream must arrive in event-time order per key, as
 * the SNN operator requires of spike batches; which stream is ahead, and by how much, does not change the output.
 * At any time only one of the two streams is held for a key: the one that is ahead.
 *
 * <h2>The bound</h2>
 * To bound latency and state when one stream of a key is missing or late, at most {@code maxHeld} records are held
 * per key, spanning at most {@code maxHeldUs} of event time (from the earliest start or feedback time held to the
 * latest end or feedback time held). Beyond either, the oldest held record is released anyway and counted: a batch
 * as {@code releasedWithoutFeedback}, a feedback as {@code releasedWithoutSpikes} (Flink counters). Such releases
 * depend on arrival and so are the only departure from the fixed order: a feedback that comes after its batch was
 * released this way is late for the SNN operator (learned from its remembered window if still within
 * {@code historyLength} decodes, else dropped and counted there). A bound of 0 holds nothing: every record passes on
 * arrival, the order of today's plain union ({@link ControlledSpikingNetworkFunction#inputs}). Feedback that the
 * application only sends in answer to a decoding cannot release its own batch: with such feedback, the bound alone
 * decides, and a plain union is the better choice.
 *
 * <h2>State and end of input</h2>
 * Everything held is keyed state ({@code order-held}: the held records in their order, through the compact
 * serializers of {@code RecordTypes}; {@code order-progress}: the latest feedback time and the latest batch end
 * seen), so checkpoints, savepoints and rescaling restore the merge exactly. A key that holds records has an
 * event-time timer at {@code Long.MAX_VALUE}: the final watermark at the end of bounded input releases everything
 * held, in order, without counting it.
 */
public final class DeviceOrder
        extends KeyedCoProcessFunction<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>> {
    private static final long serialVersionUID = 1L;
    private static final int FEEDBACK_TO = 0;
    private static final int SPIKES_TO = 1;

    private final int maxHeld;
    private final long maxHeldUs;
    private transient ListState<Either<SpikeBatch, Feedback>> held;
    private transient ValueState<long[]> progress;
    private transient Counter releasedWithoutFeedback;
    private transient Counter releasedWithoutSpikes;

    /**
     * @param maxHeld records held per key at most; 0 to hold nothing (a plain union)
     * @param maxHeldUs event time spanned by the records held for a key at most, µs; {@code Long.MAX_VALUE} for
     *     no limit but {@code maxHeld}
     */
    public DeviceOrder(int maxHeld, long maxHeldUs) {
        if (maxHeld < 0) {
            throw new IllegalArgumentException("maxHeld must be >= 0, was " + maxHeld);
        }
        if (maxHeldUs < 0) {
            throw new IllegalArgumentException("maxHeldUs must be >= 0, was " + maxHeldUs);
        }
        this.maxHeld = maxHeld;
        this.maxHeldUs = maxHeldUs;
    }

    @Override
    public void open(OpenContext openContext) {
        held = getRuntimeContext().getListState(
                new ListStateDescriptor<>("order-held", ControlledSpikingNetworkFunction.INPUT_TYPE));
        progress = getRuntimeContext().getState(
                new ValueStateDescriptor<>("order-progress", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        releasedWithoutFeedback = getRuntimeContext().getMetricGroup().counter("releasedWithoutFeedback");
        releasedWithoutSpikes = getRuntimeContext().getMetricGroup().counter("releasedWithoutSpikes");
    }

    @Override
    public void processElement1(SpikeBatch batch, Context ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        long[] seen = progress();
        seen[SPIKES_TO] = Math.max(seen[SPIKES_TO], batch.endTimeUs());
        arrive(Either.Left(batch), seen, ctx, out);
    }

    @Override
    public void processElement2(Feedback feedback, Context ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        long[] seen = progress();
        seen[FEEDBACK_TO] = Math.max(seen[FEEDBACK_TO], feedback.eventTimeUs());
        arrive(Either.Right(feedback), seen, ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        for (Either<SpikeBatch, Feedback> record : held.get()) {
            out.collect(record);
        }
        held.clear();
    }

    /** Records released for the bound so far by this instance: batches, feedback. */
    public long releasedWithoutFeedback() {
        return releasedWithoutFeedback.getCount();
    }

    public long releasedWithoutSpikes() {
        return releasedWithoutSpikes.getCount();
    }

    private long[] progress() throws Exception {
        long[] seen = progress.value();
        return seen == null ? new long[] {Long.MIN_VALUE, Long.MIN_VALUE} : seen;
    }

    /**
     * Places {@code record} among the held records in the order, then releases every record at the head whose turn
     * has come, then the oldest while the bound is exceeded.
     */
    private void arrive(Either<SpikeBatch, Feedback> record, long[] seen, Context ctx,
                        Collector<Either<SpikeBatch, Feedback>> out) throws Exception {
        progress.update(seen);
        List<Either<SpikeBatch, Feedback>> queue = new ArrayList<>();
        for (Either<SpikeBatch, Feedback> h : held.get()) {
            queue.add(h);
        }
        if (queue.isEmpty() && (maxHeld == 0 || due(record, seen))) {
            out.collect(record);
            return;
        }
        int at = queue.size();
        while (at > 0 && precedes(record, queue.get(at - 1))) {
            at--;
        }
        queue.add(at, record);
        int next = release(queue, 0, seen, out);
        while (queue.size() - next > maxHeld || span(queue, next) > maxHeldUs) {
            Either<SpikeBatch, Feedback> forced = queue.get(next++);
            (forced.isLeft() ? releasedWithoutFeedback : releasedWithoutSpikes).inc();
            out.collect(forced);
            next = release(queue, next, seen, out);
        }
        held.update(queue.subList(next, queue.size()));
        if (next < queue.size()) {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    /** Emits the records from {@code from} on while their turn has come; returns the index of the first held. */
    private static int release(List<Either<SpikeBatch, Feedback>> queue, int from, long[] seen,
                               Collector<Either<SpikeBatch, Feedback>> out) {
        int next = from;
        while (next < queue.size() && due(queue.get(next), seen)) {
            out.collect(queue.get(next++));
        }
        return next;
    }

    /**
     * Whether nothing that comes before {@code record} in the order can still arrive: for a batch, the feedback
     * stream has reached its start; for a feedback, the spike stream has passed its time.
     */
    private static boolean due(Either<SpikeBatch, Feedback> record, long[] seen) {
        return record.isLeft()
                ? seen[FEEDBACK_TO] >= record.left().startTimeUs()
                : seen[SPIKES_TO] > record.right().eventTimeUs();
    }

    /** Whether {@code a} comes before {@code b} in the order; records of one stream keep their arrival order. */
    private static boolean precedes(Either<SpikeBatch, Feedback> a, Either<SpikeBatch, Feedback> b) {
        if (a.isLeft() == b.isLeft()) {
            return false;
        }
        return a.isLeft()
                ? a.left().startTimeUs() <= b.right().eventTimeUs()
                : a.right().eventTimeUs() < b.left().startTimeUs();
    }

    /** The event time spanned by the records from {@code from} on, µs. */
    private static long span(List<Either<SpikeBatch, Feedback>> queue, int from) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = from; i < queue.size(); i++) {
            Either<SpikeBatch, Feedback> r = queue.get(i);
            first = Math.min(first, r.isLeft() ? r.left().startTimeUs() : r.right().eventTimeUs());
            last = Math.max(last, r.isLeft() ? r.left().endTimeUs() : r.right().eventTimeUs());
        }
        return first > last ? 0 : last - first;
    }
}
