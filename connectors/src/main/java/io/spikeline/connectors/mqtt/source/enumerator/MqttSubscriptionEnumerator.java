package io.spikeline.connectors.mqtt.source.enumerator;

import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands each subscription to one reader: split {@code i} goes to reader {@code i % parallelism} as soon as that
 * reader registers, and goes back to the pool (to be handed to the same reader index again) when a reader fails.
 * Readers without a subscription stay idle; they are never told "no more splits", because the source is
 * unbounded and a reader that finished could not take a subscription back after a failover.
 */
public final class MqttSubscriptionEnumerator implements SplitEnumerator<MqttSubscriptionSplit, MqttEnumeratorState> {
    private final SplitEnumeratorContext<MqttSubscriptionSplit> context;
    private final List<MqttSubscriptionSplit> unassigned;

    public MqttSubscriptionEnumerator(SplitEnumeratorContext<MqttSubscriptionSplit> context, MqttEnumeratorState state) {
        this.context = context;
        this.unassigned = new ArrayList<>(state.unassigned());
    }

    @Override
    public void start() {
        // Readers register later; assignment happens in addReader.
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        assignTo(subtaskId);
    }

    @Override
    public void addSplitsBack(List<MqttSubscriptionSplit> splits, int subtaskId) {
        unassigned.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            assignTo(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignTo(subtaskId);
    }

    private void assignTo(int subtaskId) {
        int parallelism = context.currentParallelism();
        Iterator<MqttSubscriptionSplit> pending = unassigned.iterator();
        while (pending.hasNext()) {
            MqttSubscriptionSplit split = pending.next();
            if (split.index() % parallelism == subtaskId) {
                context.assignSplit(split, subtaskId);
                pending.remove();
            }
        }
    }

    @Override
    public MqttEnumeratorState snapshotState(long checkpointId) {
        return new MqttEnumeratorState(unassigned);
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
