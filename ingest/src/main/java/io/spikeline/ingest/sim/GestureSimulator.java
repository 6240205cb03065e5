package io.spikeline.ingest.sim;

import io.spikeline.ingest.RecordReader;
import io.spikeline.models.random.SeededRandom;
import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A seeded DVS-like renderer of a hand performing gestures; see {@link GestureParameters} for the model.
 * Each {@link #read()} covers the next {@code batchUs} of time. Never ends; equal parameters give equal
 * streams.
 */
public final class GestureSimulator implements RecordReader<GestureBatch> {
    private final GestureParameters p;
    private final String sourceKey;
    private final SeededRandom random;
    private final int[] hotPixelIndex;
    private final Gesture[] deck = Gesture.values().clone();
    private final double[] pose = new double[3];

    private int deckPosition = deck.length;
    private long timeUs;
    private long sequence;
    private Gesture current;
    private long gestureStartUs;
    private long gestureEndUs;
    private long nextGestureUs;
    private double scale = 1;
    private double[] previous;

    private long[] t = new long[1024];
    private short[] xs = new short[1024];
    private short[] ys = new short[1024];
    private byte[] ps = new byte[1024];
    private int count;

    public GestureSimulator(String sourceKey, GestureParameters parameters) {
        this.p = parameters;
        this.sourceKey = sourceKey;
        this.random = new SeededRandom(parameters.seed());
        this.hotPixelIndex = new int[parameters.hotPixels()];
        for (int i = 0; i < hotPixelIndex.length; i++) {
            hotPixelIndex[i] = random.nextInt(parameters.width() * parameters.height());
        }
        this.nextGestureUs = Math.round(parameters.pauseMs() * 1000);
    }

    /** The pixels (y · width + x) that fire as hot pixels. */
    public int[] hotPixels() {
        return hotPixelIndex.clone();
    }

    @Override
    public GestureBatch read() {
        long batchStart = timeUs;
        long batchEnd = timeUs + p.batchUs();
        count = 0;
        List<Feedback> labels = new ArrayList<>(1);
        while (timeUs < batchEnd) {
            long stepEnd = timeUs + p.stepUs();
            if (current == null && timeUs >= nextGestureUs) {
                startGesture(timeUs);
            }
            int stepFirst = count;
            if (current != null) {
                renderMotion(stepEnd, false);
                if (stepEnd >= gestureEndUs) {
                    renderMotion(stepEnd, true);
                    labels.add(Feedback.ofClass(sourceKey, gestureEndUs, current.ordinal()));
                    current = null;
                    previous = null;
                    nextGestureUs = gestureEndUs + Math.round(p.pauseMs() * 1000);
                }
            }
            addNoise();
            sortStep(stepFirst);
            timeUs = stepEnd;
        }
        EventBatch events = new EventBatch(sourceKey, sequence++, p.width(), p.height(), Arrays.copyOf(t, count),
                Arrays.copyOf(xs, count), Arrays.copyOf(ys, count), Arrays.copyOf(ps, count));
        return new GestureBatch(events, labels);
    }

    private void startGesture(long now) {
        if (deckPosition == deck.length) {
            for (int i = deck.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Gesture swap = deck[i];
                deck[i] = deck[j];
                deck[j] = swap;
            }
            deckPosition = 0;
        }
        current = deck[deckPosition++];
        scale = 0.8 + 0.4 * random.nextDouble();
        gestureStartUs = now;
        gestureEndUs = now + Math.round(p.gestureMs() * scale * 1000);
    }

    /**
     * Emits the events of the disk moving from its pose at the step start to its pose at {@code stepEnd}: it
     * appears (ON events) at the first step and, when {@code leaving}, disappears (OFF events).
     */
    private void renderMotion(long stepEnd, boolean leaving) {
        double tau = Math.min(1, (stepEnd - gestureStartUs) / (double) (gestureEndUs - gestureStartUs));
        current.pose(tau, pose);
        double cx = (0.5 + pose[0]) * p.width();
        double cy = (0.5 + pose[1]) * p.height();
        double r = leaving ? 0 : p.radiusPx() * pose[2];
        double[] now = {cx, cy, r};
        double[] before = previous == null ? new double[] {cx, cy, 0} : previous;
        int x0 = (int) Math.max(0, Math.floor(Math.min(cx - r, before[0] - before[2])));
        int x1 = (int) Math.min(p.width() - 1, Math.ceil(Math.max(cx + r, before[0] + before[2])));
        int y0 = (int) Math.max(0, Math.floor(Math.min(cy - r, before[1] - before[2])));
        int y1 = (int) Math.min(p.height() - 1, Math.ceil(Math.max(cy + r, before[1] + before[2])));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                boolean inside = r > 0 && inside(x, y, now);
                boolean wasInside = before[2] > 0 && inside(x, y, before);
                if (inside != wasInside) {
                    add(timeUs + random.nextInt((int) p.stepUs()), x, y, inside ? 1 : 0);
                }
            }
        }
        previous = now;
    }

    private static boolean inside(int x, int y, double[] disk) {
        double dx = x + 0.5 - disk[0];
        double dy = y + 0.5 - disk[1];
        return dx * dx + dy * dy <= disk[2] * disk[2];
    }

    private void addNoise() {
        double stepS = p.stepUs() / 1e6;
        int pixels = p.width() * p.height();
        int background = random.nextPoisson(pixels * p.noiseHzPerPixel() * stepS);
        for (int i = 0; i < background; i++) {
            int at = random.nextInt(pixels);
            add(timeUs + random.nextInt((int) p.stepUs()), at % p.width(), at / p.width(), random.nextInt(2));
        }
        for (int hot : hotPixelIndex) {
            int n = random.nextPoisson(p.hotPixelHz() * stepS);
            for (int i = 0; i < n; i++) {
                add(timeUs + random.nextInt((int) p.stepUs()), hot % p.width(), hot / p.width(), 1);
            }
        }
    }

    private void add(long time, int x, int y, int polarity) {
        if (count == t.length) {
            int grown = t.length * 2;
            t = Arrays.copyOf(t, grown);
            xs = Arrays.copyOf(xs, grown);
            ys = Arrays.copyOf(ys, grown);
            ps = Arrays.copyOf(ps, grown);
        }
        t[count] = time;
        xs[count] = (short) x;
        ys[count] = (short) y;
        ps[count] = (byte) polarity;
        count++;
    }

    /** Orders this step's events by time; earlier steps are already ordered and earlier in time. */
    private void sortStep(int from) {
        int n = count - from;
        if (n < 2) {
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (t[from + i] - timeUs) << 32 | i;
        }
        Arrays.sort(keys);
        long[] t2 = new long[n];
        short[] x2 = new short[n];
        short[] y2 = new short[n];
        byte[] p2 = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = (int) keys[i];
            t2[i] = t[from + k];
            x2[i] = xs[from + k];
            y2[i] = ys[from + k];
            p2[i] = ps[from + k];
        }
        System.arraycopy(t2, 0, t, from, n);
        System.arraycopy(x2, 0, xs, from, n);
        System.arraycopy(y2, 0, ys, from, n);
        System.arraycopy(p2, 0, ps, from, n);
    }

    @Override
    public void close() {
        // Nothing to release: the simulation holds no external resources.
    }
}
