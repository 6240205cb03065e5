package io.spikeline.operators.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.models.record.SpikeBatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * The queue in keyed state, driven by an operator that adds each batch whose bin width is 1 µs and, on a batch of bin
 * width 2 µs, takes as many batches off the head as that batch's start time says and emits them: each key keeps its
 * own queue in order, and a snapshot restores it.
 */
class KeyedBatchQueueTest {
    /** Adds batches of bin width 1; a batch of bin width 2 takes {@code startTimeUs} batches and emits their starts. */
    private static final class Driver extends KeyedProcessFunction<String, SpikeBatch, String> {
        private transient KeyedBatchQueue queue;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            queue = new KeyedBatchQueue(getRuntimeContext(), "q");
        }

        @Override
        public void processElement(SpikeBatch batch, Context ctx, Collector<String> out) throws Exception {
            if (batch.binWidthUs() == 1) {
                queue.add(batch);
                out.collect(ctx.getCurrentKey() + " size " + queue.size() + " head " + queue.head().startTimeUs()
                        + " tail " + queue.tail().startTimeUs());
                return;
            }
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < batch.startTimeUs(); i++) {
                SpikeBatch head = queue.take();
                taken.add(head == null ? null : head.startTimeUs());
            }
            out.collect(ctx.getCurrentKey() + " took " + taken + " left " + queue.size() + " empty " + queue.isEmpty()
                    + " head " + (queue.head() == null ? "none" : queue.head().startTimeUs()));
        }
    }

    private static SpikeBatch add(String key, long startUs) {
        return new SpikeBatch(key, startUs, startUs, 1, 1, 1, new int[2], new int[0]);
    }

    private static SpikeBatch take(String key, int count) {
        return new SpikeBatch(key, 0, count, 2, 1, 1, new int[2], new int[0]);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SpikeBatch, String> harness(
            OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, SpikeBatch, String> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Driver()),
                        SpikeBatch::sourceKey, Types.STRING);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    @Test
    void eachKeyTakesItsBatchesInTheOrderAdded() throws Exception {
        try (var h = harness(null)) {
            h.processElement(add("a", 10), 0);
            h.processElement(add("b", 70), 0);
            h.processElement(add("a", 20), 0);
            h.processElement(add("a", 30), 0);
            h.processElement(take("a", 2), 0);
            h.processElement(take("b", 2), 0);
            h.processElement(add("a", 40), 0);
            h.processElement(take("a", 3), 0);
            assertThat(h.extractOutputValues()).containsExactly(
                    "a size 1 head 10 tail 10",
                    "b size 1 head 70 tail 70",
                    "a size 2 head 10 tail 20",
                    "a size 3 head 10 tail 30",
                    "a took [10, 20] left 1 empty false head 30",
                    "b took [70, null] left 0 empty true head none",
                    "a size 2 head 30 tail 40",
                    "a took [30, 40, null] left 0 empty true head none");
        }
    }

    @Test
    void aSnapshotRestoresTheQueue() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(null)) {
            h.processElement(add("a", 10), 0);
            h.processElement(add("a", 20), 0);
            h.processElement(add("a", 30), 0);
            h.processElement(take("a", 1), 0);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(snapshot)) {
            h.processElement(add("a", 40), 0);
            h.processElement(take("a", 4), 0);
            assertThat(h.extractOutputValues()).containsExactly(
                    "a size 3 head 20 tail 40",
                    "a took [20, 30, 40, null] left 0 empty true head none");
        }
    }
}
