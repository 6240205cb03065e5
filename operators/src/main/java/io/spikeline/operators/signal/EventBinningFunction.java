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
        if (binned.isPresent()) {
            spikes.inc(binned.get().spikeCount());
            out.collect(binned.get());
        }
    }
}
