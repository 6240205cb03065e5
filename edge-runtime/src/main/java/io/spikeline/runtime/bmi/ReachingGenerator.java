package io.spikeline.runtime.bmi;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.types.Either;

/**
 * The simulated implant as a generator of the SNN's one keyed input: record {@code 2n} is the simulator's n-th
 * spike batch, record {@code 2n + 1} the hand velocity over that batch, in the order a live device sends them
 * (feedback after the spikes it labels), so the decoder predicts each batch before it learns from it.
 *
 * <p>The generator runs at parallelism 1 and reads the simulator in sequence; a restart replays the session from
 * its seed rather than from a checkpointed position.
 */
final class ReachingGenerator implements GeneratorFunction<Long, Either<SpikeBatch, Feedback>> {
    private static final long serialVersionUID = 1L;

    private final BmiSettings settings;
    private transient ReachingSimulator simulator;
    private transient Feedback pendingVelocity;

    ReachingGenerator(BmiSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        simulator = new ReachingSimulator(BmiSettings.SOURCE_KEY, settings.session());
    }

    @Override
    public Either<SpikeBatch, Feedback> map(Long index) {
        if (index % 2 == 0) {
            ReachingBatch batch = simulator.read();
            pendingVelocity = batch.velocity();
            return Either.Left(batch.spikes());
        }
        return Either.Right(pendingVelocity);
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
