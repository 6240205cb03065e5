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
 * The feedback pace on the operator test harness, with batches of 10 ms every 10 ms and a feedback in the middle of
 * each (5, 15, … ms), a lead of 15 ms and a wait of 2 s: the expected orders are written out by hand from the rule
 * (a batch waits until a feedback has reached its start − 15 ms).
 */
class FeedbackPaceTest {
    private static final long BIN_US = 1_000;
    private static final long LEAD_US = 15_000;
    private static final long WAIT_MS = 2_000;
    private static final String KEY = "probe";

    private static final class Run implements AutoCloseable {
        final FeedbackPace function;
        final KeyedTwoInputStreamOperatorTestHarness<String, SpikeBatch, Feedback, Either<SpikeBatch, Feedback>>
                harness;

        Run(long waitMs, int maxHeld, OperatorSubtaskState restore) throws Exception {
            function = new FeedbackPace(LEAD_US, waitMs, maxHeld);
            harness = MergeHarness.open(function, restore);
        }

        Run() throws Exception {
            this(WAIT_MS, 1000, null);
        }

        /** Sends "b20" (the batch from 20 ms) or "f25" (the feedback at 25 ms), in order. */
        Run send(String records) throws Exception {
            for (String r : records.split(" ")) {
                long us = Long.parseLong(r.substring(1)) * 1000;
                if (r.charAt(0) == 'b') {
                    harness.processElement1(new SpikeBatch(KEY, us / 10_000, us, BIN_US, 2, 10, new int[11],
                            new int[0]), us);
                } else {
                    harness.processElement2(Feedback.ofClass(KEY, us, 1), us);
                }
            }
            return this;
        }

        Run at(long processingMs) throws Exception {
            harness.setProcessingTime(processingMs);
            return this;
        }

        Run end() throws Exception {
            harness.processWatermark1(new Watermark(Long.MAX_VALUE));
            harness.processWatermark2(new Watermark(Long.MAX_VALUE));
            return this;
        }

        String out() {
            List<String> out = new ArrayList<>();
            for (Either<SpikeBatch, Feedback> r : harness.extractOutputValues()) {
                out.add(r.isLeft() ? "b" + r.left().startTimeUs() / 1000 : "f" + r.right().eventTimeUs() / 1000);
            }
            return String.join(" ", out);
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    @Test
    void aLiveStreamPassesThroughAsItComes() throws Exception {
        try (Run run = new Run()) {
            // Each feedback right after its batch, and also a decode or two behind: nothing waits but the first batch.
            run.send("b0 f5 b10 f15 b20 b30 f25 b40 f35 f45 b50 f55");
            assertThat(run.out()).isEqualTo("f5 b0 b10 f15 b20 b30 f25 b40 f35 f45 b50 f55");
            assertThat(run.function.batchesWithoutFeedback()).isZero();
        }
    }

    @Test
    void aBacklogOfSpikesWaitsForItsFeedback() throws Exception {
        try (Run run = new Run()) {
            run.send("b0 b10 b20 b30 b40 b50 b60 b70 b80 b90");
            assertThat(run.out()).isEmpty();
            run.send("f5 f15 f25 f35 f45 f55 f65 f75 f85 f95");
            assertThat(run.out()).isEqualTo(
                    "f5 b0 b10 b20 f15 b30 f25 b40 f35 b50 f45 b60 f55 b70 f65 b80 f75 b90 f85 f95");
            assertThat(run.function.batchesWithoutFeedback()).isZero();
        }
    }

    @Test
    void feedbackAheadPassesAtOnceAndLetsItsBatchesThrough() throws Exception {
        try (Run run = new Run()) {
            run.send("f5 f15 f25 f35 b0 b10 b20 b30 b40 b50 b60 f45");
            assertThat(run.out()).isEqualTo("f5 f15 f25 f35 b0 b10 b20 b30 b40 b50 f45 b60");
        }
    }

    @Test
    void aWaitThatRunsOutPassesTheBatchesOnAndWaivesWaitsUntilTheFeedbackCatchesUp() throws Exception {
        try (Run run = new Run()) {
            run.at(100).send("b0 b10 b20 b30 b40").at(100 + WAIT_MS - 1);
            assertThat(run.out()).isEmpty();
            run.at(100 + WAIT_MS);
            assertThat(run.out()).isEqualTo("b0 b10 b20 b30 b40");
            assertThat(run.function.batchesWithoutFeedback()).isEqualTo(5);
            // Waived: later batches pass as they come, feedback far behind or not.
            run.send("b50 f5 b60");
            assertThat(run.out()).endsWith("b50 f5 b60");
            // Caught up (45 ms ≥ 60 − 15): the next batch too far ahead waits again.
            run.send("f45 b70 b80");
            assertThat(run.out()).endsWith("b60 f45");
            run.send("f55 f65");
            assertThat(run.out()).endsWith("b60 f45 f55 b70 f65 b80");
            assertThat(run.function.batchesWithoutFeedback()).isEqualTo(5);
        }
    }

    @Test
    void feedbackThatKeepsComingRestartsTheWait() throws Exception {
        try (Run run = new Run()) {
            run.at(0).send("b0 b10 b20 b30 b40 b50");
            // 1.5 s on, feedback releases the first batches; the rest wait 2 s from then, not from the start.
            run.at(1500).send("f5 f15");
            assertThat(run.out()).isEqualTo("f5 b0 b10 b20 f15 b30");
            run.at(2500);
            assertThat(run.function.batchesWithoutFeedback()).isZero();
            run.at(3500);
            assertThat(run.out()).isEqualTo("f5 b0 b10 b20 f15 b30 b40 b50");
            assertThat(run.function.batchesWithoutFeedback()).isEqualTo(2);
        }
    }

    @Test
    void moreThanMaxHeldPassOnCounted() throws Exception {
        try (Run run = new Run(WAIT_MS, 3, null)) {
            run.send("b0 b10 b20");
            assertThat(run.out()).isEmpty();
            run.send("b30");
            assertThat(run.out()).isEqualTo("b0 b10 b20 b30");
            assertThat(run.function.batchesWithoutFeedback()).isEqualTo(4);
        }
    }

    @Test
    void theEndOfInputPassesOnWhatIsHeldUncounted() throws Exception {
        try (Run run = new Run()) {
            run.send("b0 b10 b20").end();
            assertThat(run.out()).isEqualTo("b0 b10 b20");
            assertThat(run.function.batchesWithoutFeedback()).isZero();
        }
    }

    @Test
    void aWaitOfZeroHoldsNothing() throws Exception {
        try (Run run = new Run(0, 1000, null)) {
            run.send("b0 b10 b20 f5 b30");
            assertThat(run.out()).isEqualTo("b0 b10 b20 f5 b30");
        }
    }

    @Test
    void aSnapshotTakenWhileBatchesWaitRestoresThem() throws Exception {
        OperatorSubtaskState snapshot;
        try (Run run = new Run()) {
            run.send("b0 b10 b20 b30");
            snapshot = run.harness.snapshot(1, 1);
        }
        try (Run run = new Run(WAIT_MS, 1000, snapshot)) {
            run.send("f5 f15 f25");
            assertThat(run.out()).isEqualTo("f5 b0 b10 b20 f15 b30 f25");
        }
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> new FeedbackPace(-1, 1, 1)).hasMessageContaining("leadUs must be >= 0");
        assertThatThrownBy(() -> new FeedbackPace(1, -1, 1)).hasMessageContaining("waitMs must be >= 0");
        assertThatThrownBy(() -> new FeedbackPace(1, 1, 0)).hasMessageContaining("maxHeld must be >= 1");
    }
}
