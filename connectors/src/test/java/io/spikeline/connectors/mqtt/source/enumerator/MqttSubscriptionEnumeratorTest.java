package io.spikeline.connectors.mqtt.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.junit.jupiter.api.Test;

class MqttSubscriptionEnumeratorTest {

    /** Records assignments; readers register through {@link #register}. */
    private static final class RecordingContext implements SplitEnumeratorContext<MqttSubscriptionSplit> {
        final int parallelism;
        final Map<Integer, ReaderInfo> readers = new HashMap<>();
        final Map<Integer, List<MqttSubscriptionSplit>> assigned = new HashMap<>();

        RecordingContext(int parallelism) {
            this.parallelism = parallelism;
        }

        void register(MqttSubscriptionEnumerator enumerator, int subtask) {
            readers.put(subtask, new ReaderInfo(subtask, "localhost"));
            enumerator.addReader(subtask);
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return readers;
        }

        @Override
        public void assignSplits(SplitsAssignment<MqttSubscriptionSplit> assignment) {
            assignment.assignment().forEach((subtask, splits) ->
                    assigned.computeIfAbsent(subtask, s -> new ArrayList<>()).addAll(splits));
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            throw new AssertionError("an unbounded MQTT source never signals the end of its splits");
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            runnable.run();
        }
    }

    private static List<MqttSubscriptionSplit> shared(int count) {
        List<MqttSubscriptionSplit> splits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            splits.add(new MqttSubscriptionSplit(i, "c-" + i, List.of("$share/g/t/#"), MqttQos.AT_LEAST_ONCE));
        }
        return splits;
    }

    @Test
    void eachReaderGetsTheSplitsOfItsIndexWhenItRegisters() {
        RecordingContext context = new RecordingContext(3);
        MqttSubscriptionEnumerator enumerator = new MqttSubscriptionEnumerator(context, new MqttEnumeratorState(shared(3)));
        context.register(enumerator, 2);
        assertThat(context.assigned).containsOnlyKeys(2);
        assertThat(context.assigned.get(2)).extracting(MqttSubscriptionSplit::index).containsExactly(2);
        assertThat(enumerator.snapshotState(1).unassigned()).extracting(MqttSubscriptionSplit::index).containsExactly(0, 1);
        context.register(enumerator, 0);
        context.register(enumerator, 1);
        assertThat(enumerator.snapshotState(2).unassigned()).isEmpty();
        for (int subtask = 0; subtask < 3; subtask++) {
            assertThat(context.assigned.get(subtask)).extracting(MqttSubscriptionSplit::index).containsExactly(subtask);
        }
    }

    @Test
    void withOneSubscriptionOnlyReaderZeroReadsAndTheOthersStayIdle() {
        RecordingContext context = new RecordingContext(4);
        MqttSubscriptionEnumerator enumerator = new MqttSubscriptionEnumerator(context, new MqttEnumeratorState(
                List.of(new MqttSubscriptionSplit(0, "only", List.of("a/+"), MqttQos.AT_MOST_ONCE))));
        for (int subtask = 3; subtask >= 0; subtask--) {
            context.register(enumerator, subtask);
        }
        assertThat(context.assigned).containsOnlyKeys(0);
    }

    @Test
    void aFailedReadersSplitGoesBackToTheSameReaderIndex() {
        RecordingContext context = new RecordingContext(2);
        MqttSubscriptionEnumerator enumerator = new MqttSubscriptionEnumerator(context, new MqttEnumeratorState(shared(2)));
        context.register(enumerator, 0);
        context.register(enumerator, 1);
        MqttSubscriptionSplit lost = context.assigned.get(1).get(0);
        context.readers.remove(1);
        enumerator.addSplitsBack(List.of(lost), 1);
        assertThat(enumerator.snapshotState(3).unassigned()).containsExactly(lost);
        context.register(enumerator, 1);
        assertThat(context.assigned.get(1)).containsExactly(lost, lost);
        assertThat(enumerator.snapshotState(4).unassigned()).isEmpty();
    }

    @Test
    void afterDownscalingSplitsSpreadByIndexModuloParallelism() {
        RecordingContext context = new RecordingContext(2);
        MqttSubscriptionEnumerator enumerator = new MqttSubscriptionEnumerator(context, new MqttEnumeratorState(shared(4)));
        context.register(enumerator, 0);
        context.register(enumerator, 1);
        assertThat(context.assigned.get(0)).extracting(MqttSubscriptionSplit::index).containsExactly(0, 2);
        assertThat(context.assigned.get(1)).extracting(MqttSubscriptionSplit::index).containsExactly(1, 3);
    }
}
