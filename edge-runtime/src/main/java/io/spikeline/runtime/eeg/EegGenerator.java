package io.spikeline.runtime.eeg;

import io.spikeline.ingest.sim.EegFrame;
import io.spikeline.ingest.sim.EegSimulator;
import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SampleFrame;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.types.Either;

/**
 * The simulated EEG headset as a generator: record {@code 2n} is the simulator's n-th frame, record {@code 2n + 1}
 * the eyes state over it (feedback after the signal it labels). Runs at parallelism 1; a restart replays the
 * recording from its seed.
 */
final class EegGenerator implements GeneratorFunction<Long, Either<SampleFrame, Feedback>> {
    private static final long serialVersionUID = 1L;

    private final EegSettings settings;
    private transient EegSimulator simulator;
    private transient Feedback pendingState;

    EegGenerator(EegSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        simulator = new EegSimulator(EegSettings.SOURCE_KEY, settings.recording());
    }

    @Override
    public Either<SampleFrame, Feedback> map(Long index) {
        if (index % 2 == 0) {
            EegFrame frame = simulator.read();
            pendingState = frame.state();
            return Either.Left(frame.frame());
        }
        return Either.Right(pendingState);
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
