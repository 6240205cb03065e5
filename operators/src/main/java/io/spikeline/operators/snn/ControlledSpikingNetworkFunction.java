package io.spikeline.operators.snn;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * The SNN operator with a broadcast control stream: as {@link SpikingNetworkFunction}, on one keyed input carrying
 * both spike batches (left) and feedback (right) — see {@link #inputs}, {@link #orderedInputs} and
 * {@link #pacedInputs} — and {@link NetworkControl}s broadcast
 * with {@link #CONTROLS}. Controls are kept in broadcast state (so they survive a restore) and applied per key at
 * their effective event time.
 */
public final class ControlledSpikingNetworkFunction
        extends KeyedBroadcastProcessFunction<String, Either<SpikeBatch, Feedback>, NetworkControl, Decoding> {
    private static final long serialVersionUID = 1L;

    /** The broadcast state of the controls, by sequence; broadcast the control stream with it. */
    public static final MapStateDescriptor<Long, NetworkControl> CONTROLS =
            new MapStateDescriptor<>("snn-controls", Types.LONG, NetworkControl.TYPE);

    /** The type of the keyed input. */
    public static final TypeInformation<Either<SpikeBatch, Feedback>> INPUT_TYPE =
            new EitherTypeInfo<>(RecordTypes.SPIKE_BATCH, RecordTypes.FEEDBACK);

    private final SerializableSupplier<NetworkSpec> spec;
    private final SnnOptions options;
    private final WallClock clock;
    private transient KeyedNetworkRunner runner;

    public ControlledSpikingNetworkFunction(SerializableSupplier<NetworkSpec> spec, SnnOptions options) {
        this(spec, options, WallClock.SYSTEM);
    }

    public ControlledSpikingNetworkFunction(SerializableSupplier<NetworkSpec> spec, SnnOptions options,
                                            WallClock clock) {
        this.spec = spec;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Spike batches and feedback merged into the one keyed input this function takes. Each wrapping step runs with
     * the parallelism of its input, so it is chained to it and keeps each key's records in their order.
     */
    public static DataStream<Either<SpikeBatch, Feedback>> inputs(DataStream<SpikeBatch> spikes,
                                                                  DataStream<Feedback> feedback) {
        return spikes.map(Either::<SpikeBatch, Feedback>Left).returns(INPUT_TYPE)
                .setParallelism(spikes.getParallelism())
                .union(feedback.map(Either::<SpikeBatch, Feedback>Right).returns(INPUT_TYPE)
                        .setParallelism(feedback.getParallelism()));
    }

    /**
     * Spike batches and feedback merged per key in event-time order ({@link DeviceOrder}), so that the learning of
     * this function does not depend on which of the two reaches it first: a batch waits until its key's feedback has
     * reached its start, a feedback until its key's spikes have passed it, each for at most {@code maxHeld} held
     * records per key. Key the result by {@link #sourceKey}, as the result of {@link #inputs}. A bound of 0 holds
     * nothing: the order of {@link #inputs}. The merge keeps its held records in keyed state under the uid
     * {@code snn device order}, so a job builds it once.
     */
    public static DataStream<Either<SpikeBatch, Feedback>> orderedInputs(DataStream<SpikeBatch> spikes,
                                                                         DataStream<Feedback> feedback,
                                                                         int maxHeld) {
        return orderedInputs(spikes, feedback, maxHeld, Long.MAX_VALUE);
    }

    /**
     * As {@link #orderedInputs(DataStream, DataStream, int)}, also releasing the oldest held record of a key while
     * the records it holds span more than {@code maxHeldUs} of event time.
     */
    public static DataStream<Either<SpikeBatch, Feedback>> orderedInputs(DataStream<SpikeBatch> spikes,
                                                                         DataStream<Feedback> feedback,
                                                                         int maxHeld, long maxHeldUs) {
        return spikes.keyBy(SpikeBatch::sourceKey, Types.STRING)
                .connect(feedback.keyBy(Feedback::sourceKey, Types.STRING))
                .process(new DeviceOrder(maxHeld, maxHeldUs), INPUT_TYPE)
                .uid("snn device order").name("snn device order");
    }

    /**
     * Spike batches and feedback merged per key with the batches held back while they run more than {@code leadUs}
     * ahead of the feedback, for at most {@code waitMs} of processing time and {@code maxHeld} batches a wait
     * ({@link FeedbackPace}): the SNN operator then learns from each feedback within {@code leadUs} of its decode
     * whichever stream a replay delivers first. Key the result by {@link #sourceKey}, as the result of
     * {@link #inputs}. A wait of 0 holds nothing: the result of {@link #inputs}. The held batches are keyed state under
     * the uid {@code snn feedback pace}, so a job builds it once.
     */
    public static DataStream<Either<SpikeBatch, Feedback>> pacedInputs(DataStream<SpikeBatch> spikes,
                                                                       DataStream<Feedback> feedback, long leadUs,
                                                                       long waitMs, int maxHeld) {
        if (waitMs == 0) {
            return inputs(spikes, feedback);
        }
        return spikes.keyBy(SpikeBatch::sourceKey, Types.STRING)
                .connect(feedback.keyBy(Feedback::sourceKey, Types.STRING))
                .process(new FeedbackPace(leadUs, waitMs, maxHeld), INPUT_TYPE)
                .uid("snn feedback pace").name("snn feedback pace");
    }

    /** The key of either input record: its source key. */
    public static String sourceKey(Either<SpikeBatch, Feedback> input) {
        return input.isLeft() ? input.left().sourceKey() : input.right().sourceKey();
    }

    @Override
    public void open(OpenContext openContext) {
        runner = new KeyedNetworkRunner(spec, options, clock, getRuntimeContext());
    }

    @Override
    public void processElement(Either<SpikeBatch, Feedback> input, ReadOnlyContext ctx, Collector<Decoding> out)
            throws Exception {
        if (input.isRight()) {
            runner.onFeedback(ctx.getCurrentKey(), input.right(), side(ctx));
            return;
        }
        List<NetworkControl> controls = new ArrayList<>();
        for (Map.Entry<Long, NetworkControl> entry : ctx.getBroadcastState(CONTROLS).immutableEntries()) {
            controls.add(entry.getValue());
        }
        controls.sort(Comparator.comparingLong(NetworkControl::sequence));
        runner.onSpikes(ctx.getCurrentKey(), input.left(), controls, out, side(ctx));
    }

    private static SideOutputs side(ReadOnlyContext ctx) {
        return SideOutputs.of(snapshot -> ctx.output(ModelSnapshot.OUTPUT, snapshot),
                drift -> ctx.output(FeedbackDrift.OUTPUT, drift));
    }

    @Override
    public void processBroadcastElement(NetworkControl control, Context ctx, Collector<Decoding> out)
            throws Exception {
        ctx.getBroadcastState(CONTROLS).put(control.sequence(), control);
    }

    /** This instance's metrics (after {@code open}). */
    public SnnMetrics metrics() {
        return runner.metrics();
    }
}
