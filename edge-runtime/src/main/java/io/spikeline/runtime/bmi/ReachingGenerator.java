package io.spikeline.runtime.bmi;

import io.spikeline.ingest.sim.ReachingBatch;
import io.spikeline.ingest.sim.ReachingSimulator;
import io.spikeline.models.record.Feedback;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.function.SerializableFunction;

/**
 * The simulated implant as a generator of neural records and their feedback: record {@code 2n} is the neural part
 * of the simulator's n-th batch ({@code neural} picks spikes or broadband), record {@code 2n + 1} the hand velocity
 * over that batch, in the order a live device sends them (feedback after the signal it labels).
 *
 * <p>The generator runs at parallelism 1 and reads the simulator in sequence; a restart replays the session from
 * its seed rather than from a checkpointed position.
 *
 * @param <N> the neural record
 */
final class ReachingGenerator<N> implements GeneratorFunction<Long, Either<N, Feedback>> {
    private static final long serialVersionUID = 1L;

    private final BmiSettings settings;
    private final SerializableFunction<ReachingBatch, N> neural;
    private transient ReachingSimulator simulator;
    private transient Feedback pendingVelocity;

    ReachingGenerator(BmiSettings settings, SerializableFunction<ReachingBatch, N> neural) {
        this.settings = settings;
        this.neural = neural;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        simulator = new ReachingSimulator(BmiSettings.SOURCE_KEY, settings.session());
    }

    @Override
    public Either<N, Feedback> map(Long index) throws Exception {
        if (index % 2 == 0) {
            ReachingBatch batch = simulator.read();
            pendingVelocity = batch.velocity();
            return Either.Left(neural.apply(batch));
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
