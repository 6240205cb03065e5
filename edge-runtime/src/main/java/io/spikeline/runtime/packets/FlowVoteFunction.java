package io.spikeline.runtime.packets;

import io.spikeline.operators.snn.WallClock;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per flow: adds each packet's vote ({@link FlowVote}) to the flow's votes and completes the packet's verdict with the
 * flow's class and confidence. A flow idle for {@link #FLOW_IDLE} of processing time is forgotten, so the state holds
 * the live flows only.
 */
final class FlowVoteFunction extends KeyedProcessFunction<String, PacketVerdict, PacketVerdict> {
    private static final long serialVersionUID = 1L;
    /** How long a flow's votes are kept after its last packet. */
    static final Duration FLOW_IDLE = Duration.ofMinutes(10);

    private final int classes;
    private transient ValueState<double[]> votes;

    FlowVoteFunction(int classes) {
        this.classes = classes;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<double[]> descriptor = new ValueStateDescriptor<>("flow-votes",
                PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(FLOW_IDLE).build());
        votes = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(PacketVerdict verdict, Context ctx, Collector<PacketVerdict> out) throws Exception {
        double[] v = votes.value();
        if (v == null) {
            v = FlowVote.empty(classes);
        }
        FlowVote.add(v, verdict.scores());
        votes.update(v);
        out.collect(verdict.withFlow(FlowVote.winner(v), FlowVote.confidence(v), FlowVote.packets(v),
                WallClock.SYSTEM.nowUs()));
    }
}
