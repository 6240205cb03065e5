package io.spikeline.runtime.bench;

import io.spikeline.operators.snn.WallClock;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A {@link Sensor} as a generator that keeps the sensor's pace: record {@code i} is produced no earlier than the
 * wall-clock time at which it is ready (the start being when the generator opens). A pipeline that falls behind
 * holds the generator back, and the records it then produces late carry their original event times, so the delay
 * shows in the measured latency. Runs at parallelism 1.
 *
 * @param <I> the record type
 */
final class PacedGenerator<I> implements GeneratorFunction<Long, I> {
    private static final long serialVersionUID = 1L;

    private final Sensor<I> sensor;
    private transient long startUs;

    PacedGenerator(Sensor<I> sensor) {
        this.sensor = sensor;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        sensor.open();
        startUs = WallClock.SYSTEM.nowUs();
    }

    @Override
    public I map(Long index) {
        long readyUs = startUs + sensor.readyUs(index);
        for (long waitUs = readyUs - WallClock.SYSTEM.nowUs(); waitUs > 0; waitUs = readyUs - WallClock.SYSTEM.nowUs()) {
            LockSupport.parkNanos(waitUs * 1000);
        }
        return sensor.record(index, startUs);
    }
}
