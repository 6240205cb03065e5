package io.spikeline.operators.snn;

import io.spikeline.models.network.NetworkSpec;
import io.spikeline.models.record.Decoding;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * The SNN operator: one {@code SpikingNetwork} per key in keyed state, stepped on the key's {@link SpikeBatch}es
 * (first input), learning from its {@link Feedback} (second input), emitting {@link Decoding}s and, when
 * configured, periodic {@link ModelSnapshot}s on {@link ModelSnapshot#OUTPUT} and drifted feedback on
 * {@link FeedbackDrift#OUTPUT}. Both inputs are keyed by source
 * key. Semantics in the package documentation.
 */
public final class SpikingNetworkFunction extends KeyedCoProcessFunction<String, SpikeBatch, Feedback, Decoding> {
    private static final long serialVersionUID = 1L;

    private final SerializableSupplier<NetworkSpec> spec;
    private final SnnOptions options;
    private final WallClock clock;
    private transient KeyedNetworkRunner runner;

    /** @param spec supplies the network specification (serializable: it travels with the job) */
    public SpikingNetworkFunction(SerializableSupplier<NetworkSpec> spec, SnnOptions options) {
        this(spec, options, WallClock.SYSTEM);
    }

    public SpikingNetworkFunction(SerializableSupplier<NetworkSpec> spec, SnnOptions options, WallClock clock) {
        this.spec = spec;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        runner = new KeyedNetworkRunner(spec, options, clock, getRuntimeContext());
    }

    @Override
    public void processElement1(SpikeBatch batch, Context ctx, Collector<Decoding> out) throws Exception {
        runner.onSpikes(ctx.getCurrentKey(), batch, List.of(), out, side(ctx));
    }

    @Override
    public void processElement2(Feedback feedback, Context ctx, Collector<Decoding> out) throws Exception {
        runner.onFeedback(ctx.getCurrentKey(), feedback, side(ctx));
    }

    private static SideOutputs side(Context ctx) {
        return SideOutputs.of(snapshot -> ctx.output(ModelSnapshot.OUTPUT, snapshot),
                drift -> ctx.output(FeedbackDrift.OUTPUT, drift));
    }

    /** This instance's metrics (after {@code open}). */
    public SnnMetrics metrics() {
        return runner.metrics();
    }
}
