package io.spikeline.ingest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikeline.models.record.EventBatch;
import io.spikeline.models.record.Feedback;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GestureSimulatorTest {

    /** The events of one gesture, gathered between its start and its label. */
    private record Recorded(Gesture gesture, long startUs, long endUs, List<long[]> events) {}

    /** Runs the simulator without noise and cuts the stream into gestures (x, y, polarity, time per event). */
    private static List<Recorded> gestures(long seed, int count) {
        GestureParameters p = new GestureParameters(seed, 128, 128, 10, 1000, 200, 500, 10_000, 0, 0, 0);
        GestureSimulator sim = new GestureSimulator("cam", p);
        List<Recorded> out = new ArrayList<>();
        List<long[]> current = new ArrayList<>();
        long start = -1;
        while (out.size() < count) {
            GestureBatch batch = sim.read();
            EventBatch e = batch.events();
            for (int i = 0; i < e.size(); i++) {
                if (start < 0) {
                    start = e.timestampsUs()[i];
                }
                current.add(new long[] {e.x()[i], e.y()[i], e.polarity()[i], e.timestampsUs()[i]});
            }
            for (Feedback label : batch.labels()) {
                out.add(new Recorded(Gesture.values()[label.classId()], start, label.eventTimeUs(), current));
                current = new ArrayList<>();
                start = -1;
            }
        }
        return out;
    }

    /** Least-squares slope of ON-event coordinate {@code axis} against time. */
    private static double slope(List<long[]> events, int axis) {
        double n = 0, st = 0, sv = 0, stt = 0, stv = 0;
        for (long[] e : events) {
            if (e[2] == 1) {
                double t = e[3] / 1e6;
                n++;
                st += t;
                sv += e[axis];
                stt += t * t;
                stv += t * e[axis];
            }
        }
        return (n * stv - st * sv) / (n * stt - st * st);
    }

    @Test
    void swipesMoveTheEventCloudTheirWayAndEveryClassAppearsOncePerRound() {
        List<Recorded> recorded = gestures(21, 2 * Gesture.values().length);
        Map<Gesture, Integer> seen = new EnumMap<>(Gesture.class);
        for (Recorded r : recorded) {
            seen.merge(r.gesture(), 1, Integer::sum);
            double vx = slope(r.events(), 0);
            double vy = slope(r.events(), 1);
            // 60 % of 128 px in about one second: some 75 px/s along the swipe.
            switch (r.gesture()) {
                case SWIPE_RIGHT -> assertThat(vx).isGreaterThan(40);
                case SWIPE_LEFT -> assertThat(vx).isLessThan(-40);
                case SWIPE_UP -> assertThat(vy).isLessThan(-40);
                case SWIPE_DOWN -> assertThat(vy).isGreaterThan(40);
                case DIAGONAL_UP_RIGHT -> assertThat(vx > 30 && vy < -30).isTrue();
                case DIAGONAL_DOWN_LEFT -> assertThat(vx < -30 && vy > 30).isTrue();
                default -> { }
            }
        }
        assertThat(seen).hasSize(Gesture.values().length).allSatisfy((g, n) -> assertThat(n).isEqualTo(2));
    }

    @Test
    void circlesTurnTheirWayAndOnEventsLeadTheMotion() {
        for (Recorded r : gestures(4, Gesture.values().length)) {
            if (r.gesture() != Gesture.CIRCLE_CLOCKWISE && r.gesture() != Gesture.CIRCLE_COUNTERCLOCKWISE) {
                continue;
            }
            // Sum of cross products of successive ON centroids around the sensor centre: > 0 is clockwise on screen.
            double turning = 0;
            double[] last = null;
            long window = (r.endUs() - r.startUs()) / 20;
            for (int w = 0; w < 20; w++) {
                double sx = 0, sy = 0;
                int n = 0;
                for (long[] e : r.events()) {
                    if (e[2] == 1 && e[3] >= r.startUs() + w * window && e[3] < r.startUs() + (w + 1) * window) {
                        sx += e[0] - 64;
                        sy += e[1] - 64;
                        n++;
                    }
                }
                if (n == 0) {
                    continue;
                }
                double[] c = {sx / n, sy / n};
                if (last != null) {
                    turning += last[0] * c[1] - last[1] * c[0];
                }
                last = c;
            }
            if (r.gesture() == Gesture.CIRCLE_CLOCKWISE) {
                assertThat(turning).isPositive();
            } else {
                assertThat(turning).isNegative();
            }
        }
        for (Recorded r : gestures(5, Gesture.values().length)) {
            if (r.gesture() == Gesture.SWIPE_RIGHT) {
                double onX = 0, offX = 0;
                int on = 0, off = 0;
                for (long[] e : r.events()) {
                    if (e[3] > r.startUs() + 50_000 && e[3] < r.endUs() - 50_000) {
                        if (e[2] == 1) {
                            onX += e[0];
                            on++;
                        } else {
                            offX += e[0];
                            off++;
                        }
                    }
                }
                assertThat(onX / on - offX / off).as("ON events lie ahead of OFF events").isGreaterThan(5);
            }
        }
    }

    @Test
    void backgroundActivityAndHotPixelsFireAtTheirRates() {
        GestureParameters p = new GestureParameters(8, 64, 64, 5, 100, 100_000, 1000, 100_000, 0.5, 3, 300);
        GestureSimulator sim = new GestureSimulator("cam", p);
        int[] hot = sim.hotPixels();
        long[] perPixel = new long[64 * 64];
        long total = 0;
        int batches = 200;
        for (int b = 0; b < batches; b++) {
            EventBatch e = sim.read().events();
            for (int i = 0; i < e.size(); i++) {
                perPixel[e.y()[i] * 64 + e.x()[i]]++;
            }
            total += e.size();
        }
        double seconds = batches * 0.1;
        long hotEvents = 0;
        for (int h : hot) {
            hotEvents += perPixel[h];
            assertThat(perPixel[h]).isBetween((long) (300 * seconds * 0.85), (long) (300 * seconds * 1.15));
        }
        double backgroundRate = (total - hotEvents) / seconds / (64 * 64 - hot.length);
        assertThat(backgroundRate).isCloseTo(0.5, within(0.05));
    }

    @Test
    void batchesAreContiguousOrderedAndDeterministic() {
        GestureSimulator a = new GestureSimulator("cam", GestureParameters.defaults(3));
        GestureSimulator b = new GestureSimulator("cam", GestureParameters.defaults(3));
        for (int i = 0; i < 300; i++) {
            GestureBatch x = a.read();
            assertThat(b.read()).isEqualTo(x);
            long[] t = x.events().timestampsUs();
            if (t.length > 0) {
                assertThat(t[0]).isGreaterThanOrEqualTo(i * 10_000L);
                assertThat(t[t.length - 1]).isLessThan((i + 1) * 10_000L);
            }
        }
        assertThatThrownBy(() -> new GestureParameters(1, 128, 128, 12, 1500, 500, 300, 10_000, 0.2, 4, 200))
                .hasMessageContaining("divide the batch span");
    }
}
