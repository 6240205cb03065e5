package io.spikeline.operators.snn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikeline.models.record.Feedback;
import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;

/**
 * The ordered merge on the operator test harness. The reference order is the definition, computed apart from the
 * operator: each stream in its own order, and a batch before a feedback exactly when its start is at or before the
 * feedback's time (a stable merge of the two lists).
 */
class DeviceOrderTest {
    private static final long BIN_US = 1_000;

    /** One test record: a batch of 10 bins from {@code timeUs}, or a feedback at {@code timeUs}. */
    private record In(boolean batch, long timeUs) {
        Either<SpikeBatch, Feedback> record(String key) {
            return batch
                    ? Either.Left(new SpikeBatch(key, timeUs / (10 * BIN_US), timeUs, BIN_US, 2, 10, new int[11],
                    new int[0]))
                    : Either.Right(Feedback.ofClass(key, timeUs, 1));
        }

        @Override
        public String toString() {
            return (batch ? "b" : "f") + timeUs / 1000;
        }
    }

    private static In b(long ms) {
        return new In(true, ms * 1000);
    }

    private static In f(long ms) {
        return new In(false, ms * 1000);
    }

    private static final class Run implements AutoCloseable {
        final DeviceOrder function;
        final KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>>
                harness;

        Run(int maxHeld, long maxHeldUs, OperatorSubtaskState restore) throws Exception {
            function = new DeviceOrder(maxHeld, maxHeldUs);
            harness = MergeHarness.open(function, restore);
        }

        Run(int maxHeld) throws Exception {
            this(maxHeld, Long.MAX_VALUE, null);
        }

        Run send(String key, In... inputs) throws Exception {
            return send(key, List.of(inputs));
        }

        Run send(String key, List<In> inputs) throws Exception {
            for (In in : inputs) {
                Either<SpikeBatch, Feedback> r = in.record(key);
                if (r.isLeft()) {
                    harness.processElement1(r.left(), in.timeUs());
                } else {
                    harness.processElement2(r.right(), in.timeUs());
                }
            }
            return this;
        }

        Run end() throws Exception {
            harness.processWatermark1(new Watermark(Long.MAX_VALUE));
            harness.processWatermark2(new Watermark(Long.MAX_VALUE));
            return this;
        }

        List<In> out(String key) {
            List<In> out = new ArrayList<>();
            for (Either<SpikeBatch, Feedback> r : harness.extractOutputValues()) {
                if (r.isLeft() && r.left().sourceKey().equals(key)) {
                    out.add(new In(true, r.left().startTimeUs()));
                } else if (r.isRight() && r.right().sourceKey().equals(key)) {
                    out.add(new In(false, r.right().eventTimeUs()));
                }
            }
            return out;
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    /** The definition: a stable merge, batch first when its start is at or before the feedback's time. */
    private static List<In> reference(List<In> batches, List<In> feedback) {
        List<In> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < batches.size() || j < feedback.size()) {
            if (j == feedback.size() || (i < batches.size() && batches.get(i).timeUs() <= feedback.get(j).timeUs())) {
                out.add(batches.get(i++));
            } else {
                out.add(feedback.get(j++));
            }
        }
        return out;
    }

    /** Every interleaving of {@code a} and {@code b} that keeps each in its own order. */
    private static void interleavings(List<In> a, List<In> b, List<In> prefix, List<List<In>> out) {
        if (a.isEmpty() && b.isEmpty()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (List<In> side : List.of(a, b)) {
            if (!side.isEmpty()) {
                prefix.add(side.get(0));
                List<In> rest = side.subList(1, side.size());
                interleavings(side == a ? rest : a, side == b ? rest : b, prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    @Test
    void feedbackAheadOfItsBatchWaitsForTheSpikesToPassIt() throws Exception {
        try (Run run = new Run(8)) {
            run.send("k", f(0), f(5));
            assertThat(run.out("k")).isEmpty();
            run.send("k", b(0));
            assertThat(run.out("k")).containsExactly(b(0), f(0), f(5));
        }
    }

    @Test
    void aBatchWaitsForItsFeedbackAndLateFeedbackStillComesBeforeTheNextBatch() throws Exception {
        try (Run run = new Run(8)) {
            run.send("k", b(0), b(10), b(20));
            assertThat(run.out("k")).isEmpty();
            run.send("k", f(0));
            assertThat(run.out("k")).containsExactly(b(0), f(0));
            run.send("k", f(12));
            assertThat(run.out("k")).containsExactly(b(0), f(0), b(10), f(12));
        }
    }

    @Test
    void missingFeedbackReleasesTheOldestBatchBeyondTheBoundAndCountsIt() throws Exception {
        try (Run run = new Run(2)) {
            run.send("k", b(0), b(10));
            assertThat(run.out("k")).isEmpty();
            run.send("k", b(20), b(30));
            assertThat(run.out("k")).containsExactly(b(0), b(10));
            assertThat(run.function.releasedWithoutFeedback()).isEqualTo(2);
            // Late feedback for a released batch passes at once; the held batches stay in their order.
            run.send("k", f(5));
            assertThat(run.out("k")).containsExactly(b(0), b(10), f(5));
            assertThat(run.function.releasedWithoutSpikes()).isZero();
        }
    }

    @Test
    void missingSpikesReleaseTheOldestFeedbackBeyondTheBound() throws Exception {
        try (Run run = new Run(1)) {
            run.send("k", f(0), f(10), f(20));
            assertThat(run.out("k")).containsExactly(f(0), f(10));
            assertThat(run.function.releasedWithoutSpikes()).isEqualTo(2);
            assertThat(run.function.releasedWithoutFeedback()).isZero();
        }
    }

    @Test
    void theEventTimeBoundReleasesWhatSpansMoreThanIt() throws Exception {
        // Held batches from 0 to the end of the third span 30 ms > 25 ms: the oldest is released.
        try (Run run = new Run(100, 25_000, null)) {
            run.send("k", b(0), b(10));
            assertThat(run.out("k")).isEmpty();
            run.send("k", b(20));
            assertThat(run.out("k")).containsExactly(b(0));
            assertThat(run.function.releasedWithoutFeedback()).isEqualTo(1);
        }
    }

    @Test
    void aBoundOfZeroPassesEveryRecordOnArrival() throws Exception {
        List<In> arrival = List.of(f(20), b(0), f(0), b(10), b(20), f(5));
        try (Run run = new Run(0)) {
            run.send("k", arrival);
            assertThat(run.out("k")).isEqualTo(arrival);
            assertThat(run.function.releasedWithoutFeedback() + run.function.releasedWithoutSpikes()).isZero();
        }
    }

    @Test
    void theEndOfInputReleasesEverythingHeldInOrder() throws Exception {
        try (Run run = new Run(8)) {
            run.send("k", b(0), b(10), f(0));
            run.send("j", f(3), f(4));
            run.end();
            assertThat(run.out("k")).containsExactly(b(0), f(0), b(10));
            assertThat(run.out("j")).containsExactly(f(3), f(4));
            assertThat(run.function.releasedWithoutFeedback() + run.function.releasedWithoutSpikes()).isZero();
        }
    }

    @Test
    void everyArrivalOrderOfASessionGivesTheSameOutputOrder() throws Exception {
        // Feedback at another rate than the batches, on a batch start (a tie), inside batches and between them.
        List<In> batches = List.of(b(0), b(10), b(20), b(30));
        List<In> feedback = List.of(f(0), f(4), f(15), f(20), f(37));
        List<In> expected = reference(batches, feedback);
        List<List<In>> orders = new ArrayList<>();
        interleavings(batches, feedback, new ArrayList<>(), orders);
        assertThat(orders).hasSize(126);
        for (List<In> arrival : orders) {
            try (Run run = new Run(9)) {
                run.send("k", arrival).end();
                assertThat(run.out("k")).as("arrival %s", arrival).isEqualTo(expected);
                assertThat(run.function.releasedWithoutFeedback() + run.function.releasedWithoutSpikes()).isZero();
            }
        }
        assertThat(expected).containsExactly(b(0), f(0), f(4), b(10), f(15), b(20), f(20), b(30), f(37));
    }

    @Test
    void keysAreOrderedApart() throws Exception {
        try (Run run = new Run(8)) {
            run.send("a", b(0), b(10));
            run.send("b", f(0), b(0));
            run.send("a", f(10));
            assertThat(run.out("b")).containsExactly(b(0), f(0));
            assertThat(run.out("a")).containsExactly(b(0), b(10), f(10));
        }
    }

    @Test
    void aRestoreFromACheckpointContinuesTheMergeExactly() throws Exception {
        List<In> first = List.of(b(0), b(10), f(0), b(20), f(12));
        List<In> second = List.of(f(25), b(30), f(31), b(40));
        List<In> whole = new ArrayList<>(first);
        whole.addAll(second);
        List<In> uninterrupted;
        try (Run run = new Run(8)) {
            uninterrupted = run.send("k", whole).end().out("k");
        }
        OperatorSubtaskState checkpoint;
        List<In> before;
        try (Run run = new Run(8)) {
            before = run.send("k", first).out("k");
            checkpoint = run.harness.snapshot(1, 1);
        }
        try (Run run = new Run(8, Long.MAX_VALUE, checkpoint)) {
            List<In> restored = new ArrayList<>(before);
            restored.addAll(run.send("k", second).end().out("k"));
            assertThat(restored).isEqualTo(uninterrupted);
        }
        assertThat(uninterrupted).containsExactly(b(0), f(0), b(10), f(12), b(20), f(25), b(30), f(31), b(40));
    }

    @Test
    void invalidBoundsFailNamingTheValue() {
        assertThatThrownBy(() -> new DeviceOrder(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxHeld").hasMessageContaining("-1");
        assertThatThrownBy(() -> new DeviceOrder(1, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxHeldUs").hasMessageContaining("-5");
    }
}
