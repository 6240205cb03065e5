package io.spikeline.operators.signal;

import io.spikeline.models.encode.EventBinningEncoder;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.SpikeBatch;
import io.spikeline.operators.state.SnapshotStateSerializer;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Bins event-camera {@link EventBatch}es into {@link SpikeBatch}es per key with an {@link EventBinningEncoder}
 * for the key's sensor size. See the package documentation for its guarantees.
 */
public final class EventBinningFunction extends KeyedProcessFunction<String, EventBatch, SpikeBatch> {
    private static final long serialVersionUID = 1L;

    private final EventBinningSpec spec;
    private transient ModelState.Factory<EventBinningEncoder> factory;
    private transient ValueState<ModelState<EventBinningEncoder>> state;
    /** Event time (ms) at which the open bin ends, while a flush timer is pending for it. */
    private transient ValueState<Long> openBinEndMs;
    private transient Counter records;
    private transient Counter events;
    private transient Counter spikes;
    private transient Counter lateEvents;

    public EventBinningFunction(EventBinningSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public void open(OpenContext openContext) {
        EventBinningSpec binning = spec;
        ModelState.Factory<EventBinningEncoder> encoders =
                (width, height, key) -> new EventBinningEncoder(binning.params(width, height));
        factory = encoders;
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<ModelState<EventBinningEncoder>> type = (Class) ModelState.class;
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("event-binning",
                new SnapshotStateSerializer<>(type, () -> new ModelState<>(encoders))));
        openBinEndMs = getRuntimeContext().getState(new ValueStateDescriptor<>("open-bin-end-ms", Types.LONG));
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        records = metrics.counter("records");
        events = metrics.counter("events");
        spikes = metrics.counter("spikes");
        lateEvents = metrics.counter("lateEvents");
    }

    @Override
    public void processElement(EventBatch batch, Context ctx, Collector<SpikeBatch> out) throws Exception {
        records.inc();
        ModelState<EventBinningEncoder> key = state.value();
        if (key == null || !key.fits(batch.width(), batch.height())) {
            if (key == null) {
                key = new ModelState<>(factory);
            }
            key.start(batch.width(), batch.height(), batch.sourceKey());
        }
        EventBinningEncoder encoder = key.model();
        long lateBefore = encoder.lateEventCount();
        Optional<SpikeBatch> binned = encoder.encode(batch);
        state.update(key);
        events.inc(batch.size());
        lateEvents.inc(encoder.lateEventCount() - lateBefore);
        emit(binned, out);
        if (spec.flushOnWatermark() && batch.size() > 0) {
            long width = spec.binWidthUs();
            long endUs = (Math.floorDiv(batch.timestampsUs()[batch.size() - 1], width) + 1) * width;
            long endMs = Math.floorDiv(endUs + 999, 1000);
            Long pending = openBinEndMs.value();
            if (pending == null || endMs > pending) {
                openBinEndMs.update(endMs);
                ctx.timerService().registerEventTimeTimer(endMs);
            }
        }
    }

    /** Completes the open bin once the watermark has passed its end; timers of earlier bins are ignored. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SpikeBatch> out) throws Exception {
        Long pending = openBinEndMs.value();
        if (pending == null || timestamp < pending) {
            return;
        }
        openBinEndMs.clear();
        ModelState<EventBinningEncoder> key = state.value();
        Optional<SpikeBatch> flushed = key.model().flush(ctx.getCurrentKey());
        state.update(key);
        emit(flushed, out);
    }

    private void emit(Optional<SpikeBatch> batch, Collector<SpikeBatch> out) {
        if (batch.isPresent()) {
            spikes.inc(batch.get().spikeCount());
            out.collect(batch.get());
        }
    }
}
