package io.spikeline.ingest.replay;

import io.spikeline.ingest.RecordReader;
import java.io.IOException;
import java.util.function.ToLongFunction;

/**
 * Turns any reader or simulator into a paced stream: each record is released when the wall time since the
 * first record reaches its event-time offset divided by the speed (or at once, as fast as possible). Records
 * and their event times pass through unchanged. Progress is reported at the configured interval and once at
 * the end.
 *
 * @param <T> the record type
 */
public final class Replay<T> implements RecordReader<T> {
    private final RecordReader<T> source;
    private final ToLongFunction<T> eventTimeUs;
    private final ReplayOptions options;
    private final ReplayClock clock;

    private long firstEventUs;
    private long latestEventUs;
    private long startNanos;
    private long lastReportNanos;
    private long records;
    private boolean finished;

    public Replay(RecordReader<T> source, ToLongFunction<T> eventTimeUs, ReplayOptions options, ReplayClock clock) {
        this.source = source;
        this.eventTimeUs = eventTimeUs;
        this.options = options;
        this.clock = clock;
    }

    public Replay(RecordReader<T> source, ToLongFunction<T> eventTimeUs, ReplayOptions options) {
        this(source, eventTimeUs, options, ReplayClock.SYSTEM);
    }

    @Override
    public T read() throws IOException {
        if (finished) {
            return null;
        }
        T record = source.read();
        long now = clock.nanoTime();
        if (record == null) {
            finished = true;
            options.listener().accept(progress(now));
            return null;
        }
        long t = eventTimeUs.applyAsLong(record);
        if (records == 0) {
            firstEventUs = t;
            latestEventUs = t;
            startNanos = now;
            lastReportNanos = now;
        } else if (options.speed() > 0) {
            long due = startNanos + (long) ((t - firstEventUs) * 1000 / options.speed());
            if (due > now) {
                clock.sleepUntil(due);
                now = clock.nanoTime();
            }
        }
        latestEventUs = Math.max(latestEventUs, t);
        records++;
        if (now - lastReportNanos >= options.progressIntervalNanos()) {
            lastReportNanos = now;
            options.listener().accept(progress(now));
        }
        return record;
    }

    /** Progress as of now. */
    public ReplayProgress progress() {
        return progress(clock.nanoTime());
    }

    private ReplayProgress progress(long now) {
        double signal = records == 0 ? 0 : (latestEventUs - firstEventUs) / 1e6;
        double wall = records == 0 ? 0 : (now - startNanos) / 1e9;
        return new ReplayProgress(records, signal, wall, finished);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
