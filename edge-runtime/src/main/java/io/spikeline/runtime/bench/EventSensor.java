package io.spikeline.runtime.bench;

import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.EventBatch;

/**
 * A synthetic event camera: batch {@code i} holds {@code eventsPerBatch} events evenly spaced over
 * [{@code i·10 ms}, {@code (i+1)·10 ms}), at pixels and polarities drawn uniformly from a seeded pool of
 * {@value #POOL} events (drawn at {@link #open}, read cyclically), so the source spends nothing on drawing during
 * the trial. Even spacing puts events in every 1 ms bin, so every decode window of the pipeline completes.
 */
final class EventSensor implements Sensor<EventBatch> {
    private static final long serialVersionUID = 1L;
    static final String KEY = "camera-0";
    static final int WIDTH = 128;
    static final int HEIGHT = 128;
    static final long BATCH_US = 10_000;
    static final int POOL = 1 << 20;

    private final int eventsPerBatch;
    private final long seed;
    private transient short[] x;
    private transient short[] y;
    private transient byte[] polarity;

    EventSensor(int eventsPerBatch, long seed) {
        if (eventsPerBatch < 1) {
            throw new IllegalArgumentException("events per batch must be >= 1, was " + eventsPerBatch);
        }
        this.eventsPerBatch = eventsPerBatch;
        this.seed = seed;
    }

    @Override
    public void open() {
        SeededRandom random = new SeededRandom(seed);
        x = new short[POOL];
        y = new short[POOL];
        polarity = new byte[POOL];
        for (int i = 0; i < POOL; i++) {
            x[i] = (short) random.nextInt(WIDTH);
            y[i] = (short) random.nextInt(HEIGHT);
            polarity[i] = (byte) random.nextInt(2);
        }
    }

    @Override
    public long readyUs(long index) {
        return (index + 1) * BATCH_US;
    }

    @Override
    public EventBatch record(long index, long startUs) {
        int n = eventsPerBatch;
        long[] times = new long[n];
        short[] xs = new short[n];
        short[] ys = new short[n];
        byte[] ps = new byte[n];
        long batchStartUs = startUs + index * BATCH_US;
        for (int j = 0; j < n; j++) {
            times[j] = batchStartUs + j * BATCH_US / n;
        }
        int from = (int) ((index * n) % POOL);
        for (int copied = 0; copied < n; ) {
            int run = Math.min(n - copied, POOL - from);
            System.arraycopy(x, from, xs, copied, run);
            System.arraycopy(y, from, ys, copied, run);
            System.arraycopy(polarity, from, ps, copied, run);
            copied += run;
            from = 0;
        }
        return new EventBatch(KEY, index, WIDTH, HEIGHT, times, xs, ys, ps);
    }
}
