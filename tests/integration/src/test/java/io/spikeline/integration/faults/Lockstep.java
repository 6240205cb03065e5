package io.spikeline.integration.faults;

import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.snn.ControlledSpikingNetworkFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Merges a key's spike batches and the feedback labelling them into one stream in a fixed order: batch 0,
 * feedback 0, batch 1, feedback 1, … (the order a device sends them in). The SNN operator's learning depends on
 * the order in which the two reach it, and two streams that travel different routes interleave differently
 * on every run (and on every replay after a restore), so a test comparing learned weights bit for bit fixes
 * the order first. Both inputs are kept in keyed state until their turn, so the merge survives a restore.
 */
final class Lockstep extends KeyedCoProcessFunction<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>> {
    private static final long serialVersionUID = 1L;

    private transient MapState<Long, SpikeBatch> spikes;
    private transient MapState<Long, Feedback> feedback;
    /** Per key: spike batches received, feedback received, spike batches emitted, feedback emitted. */
    private transient ValueState<long[]> counts;

    /** The merged decoder input, keyed by source key on both sides. */
    static DataStream<Either<SpikeBatch, Feedback>> merge(DataStream<SpikeBatch> spikes,
                                                          DataStream<Feedback> feedback) {
        return spikes.keyBy(SpikeBatch::sourceKey, Types.STRING)
                .connect(feedback.keyBy(Feedback::sourceKey, Types.STRING))
                .process(new Lockstep(), ControlledSpikingNetworkFunction.INPUT_TYPE)
                .uid("lockstep").name("lockstep");
    }

    @Override
    public void open(OpenContext openContext) {
        spikes = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("lockstep-spikes", Types.LONG, RecordTypes.SPIKE_BATCH));
        feedback = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("lockstep-feedback", Types.LONG, RecordTypes.FEEDBACK));
        counts = getRuntimeContext().getState(
                new ValueStateDescriptor<>("lockstep-counts", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement1(SpikeBatch batch, Context ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        long[] n = current();
        spikes.put(n[0]++, batch);
        release(n, out);
    }

    @Override
    public void processElement2(Feedback label, Context ctx, Collector<Either<SpikeBatch, Feedback>> out)
            throws Exception {
        long[] n = current();
        feedback.put(n[1]++, label);
        release(n, out);
    }

    private long[] current() throws Exception {
        long[] n = counts.value();
        return n == null ? new long[4] : n;
    }

    private void release(long[] n, Collector<Either<SpikeBatch, Feedback>> out) throws Exception {
        while (true) {
            if (n[2] == n[3] && n[2] < n[0]) {
                out.collect(Either.Left(spikes.get(n[2])));
                spikes.remove(n[2]++);
            } else if (n[3] < n[2] && n[3] < n[1]) {
                Feedback label = feedback.get(n[3]);
                out.collect(Either.Right(label));
                feedback.remove(n[3]++);
            } else {
                break;
            }
        }
        counts.update(n);
    }
}
