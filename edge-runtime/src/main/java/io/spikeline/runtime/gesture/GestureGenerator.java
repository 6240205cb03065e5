package io.spikeline.runtime.gesture;

import io.spikeline.ingest.sim.GestureBatch;
import io.spikeline.ingest.sim.GestureSimulator;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import java.util.List;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The simulated event camera as a generator: record {@code n} is the simulator's n-th batch of events with the
 * labels of the gestures that ended within it. Runs at parallelism 1; a restart replays the recording from its seed.
 */
final class GestureGenerator implements GeneratorFunction<Long, Tuple2<EventBatch, List<Feedback>>> {
    private static final long serialVersionUID = 1L;

    private final GestureSettings settings;
    private transient GestureSimulator simulator;

    GestureGenerator(GestureSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        simulator = new GestureSimulator(GestureSettings.SOURCE_KEY, settings.recording());
    }

    @Override
    public Tuple2<EventBatch, List<Feedback>> map(Long index) {
        GestureBatch batch = simulator.read();
        return Tuple2.of(batch.events(), batch.labels());
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
