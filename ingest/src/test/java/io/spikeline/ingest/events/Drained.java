package io.spikeline.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.record.EventBatch;
import java.io.IOException;
import java.util.Arrays;

/** Every event a reader delivers, concatenated, after checking that the batches are numbered 0, 1, 2, … */
final class Drained {
    long[] t = new long[1024];
    short[] x = new short[1024];
    short[] y = new short[1024];
    byte[] p = new byte[1024];
    int n;
    int batches;
    int largestBatch;
    int width;
    int height;

    static Drained of(EventFileReader reader) throws IOException {
        Drained d = new Drained();
        d.width = reader.width();
        d.height = reader.height();
        for (EventBatch b; (b = reader.read()) != null; ) {
            assertThat(b.sequence()).isEqualTo(d.batches);
            assertThat(b.size()).isPositive();
            assertThat(b.width()).isEqualTo(reader.width());
            assertThat(b.height()).isEqualTo(reader.height());
            d.batches++;
            d.largestBatch = Math.max(d.largestBatch, b.size());
            for (int i = 0; i < b.size(); i++) {
                d.add(b.timestampsUs()[i], b.x()[i], b.y()[i], b.polarity()[i]);
            }
        }
        assertThat(reader.read()).isNull();
        assertThat(reader.stats().events()).isEqualTo(d.n);
        assertThat(reader.stats().batches()).isEqualTo(d.batches);
        return d;
    }

    void add(long time, int ex, int ey, int pol) {
        if (n == t.length) {
            t = Arrays.copyOf(t, 2 * n);
            x = Arrays.copyOf(x, 2 * n);
            y = Arrays.copyOf(y, 2 * n);
            p = Arrays.copyOf(p, 2 * n);
        }
        t[n] = time;
        x[n] = (short) ex;
        y[n] = (short) ey;
        p[n] = (byte) pol;
        n++;
    }

    /** The same events in the same order, whatever the batching. */
    void assertSameEvents(Drained expected) {
        assertThat(n).as("event count").isEqualTo(expected.n);
        for (int i = 0; i < n; i++) {
            if (t[i] != expected.t[i] || x[i] != expected.x[i] || y[i] != expected.y[i] || p[i] != expected.p[i]) {
                throw new AssertionError("event " + i + " is (" + t[i] + "us, " + x[i] + ", " + y[i] + ", " + p[i]
                        + "), expected (" + expected.t[i] + "us, " + expected.x[i] + ", " + expected.y[i] + ", "
                        + expected.p[i] + ")");
            }
        }
    }

    boolean timestampsNonDecreasing() {
        for (int i = 1; i < n; i++) {
            if (t[i] < t[i - 1]) {
                return false;
            }
        }
        return true;
    }

    int maxX() {
        int m = -1;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    int maxY() {
        int m = -1;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, y[i]);
        }
        return m;
    }
}
