package io.spikeline.connectors.mqtt.source;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.mqtt.MqttConnectionOptions;
import io.spikeline.connectors.mqtt.MqttQos;
import io.spikeline.connectors.mqtt.source.enumerator.MqttEnumeratorState;
import io.spikeline.connectors.mqtt.source.enumerator.MqttEnumeratorStateSerializer;
import io.spikeline.connectors.mqtt.source.enumerator.MqttSubscriptionEnumerator;
import io.spikeline.connectors.mqtt.source.reader.MqttSourceReader;
import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplit;
import io.spikeline.connectors.mqtt.source.split.MqttSubscriptionSplitSerializer;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An unbounded source of the messages published to a set of MQTT topic filters, as {@link RawMessage}s
 * (transport {@code "mqtt"}, partition and offset -1, the arrival wall time as timestamp, an empty key).
 * Decode them with {@code DecodeOrDeadLetter}. Built with {@link #builder()}; see the package documentation for
 * what parallelism and checkpoints mean for this source.
 */
public final class MqttSource implements Source<RawMessage, MqttSubscriptionSplit, MqttEnumeratorState>,
        ResultTypeQueryable<RawMessage> {
    private static final long serialVersionUID = 1L;

    private final MqttConnectionOptions connection;
    private final List<String> topicFilters;
    private final MqttQos qos;
    private final String sharedGroup;
    private final int maxBufferedMessages;
    private final MqttAckMode ackMode;

    MqttSource(MqttConnectionOptions connection, List<String> topicFilters, MqttQos qos, String sharedGroup,
               int maxBufferedMessages, MqttAckMode ackMode) {
        this.connection = connection;
        this.topicFilters = List.copyOf(topicFilters);
        this.qos = qos;
        this.sharedGroup = sharedGroup;
        this.maxBufferedMessages = maxBufferedMessages;
        this.ackMode = ackMode;
    }

    public static MqttSourceBuilder builder() {
        return new MqttSourceBuilder();
    }

    /**
     * The subscriptions of a fresh job: one, as the configured client, without a shared group; with one,
     * {@code parallelism} subscriptions to {@code $share/group/filter}, as clients {@code clientId-0 …}.
     */
    List<MqttSubscriptionSplit> initialSplits(int parallelism) {
        if (sharedGroup == null) {
            return List.of(new MqttSubscriptionSplit(0, connection.clientId(), topicFilters, qos));
        }
        List<String> shared = topicFilters.stream().map(f -> "$share/" + sharedGroup + "/" + f).toList();
        List<MqttSubscriptionSplit> splits = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            splits.add(new MqttSubscriptionSplit(i, connection.clientId() + "-" + i, shared, qos));
        }
        return splits;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<RawMessage, MqttSubscriptionSplit> createReader(SourceReaderContext context) {
        return new MqttSourceReader(context, connection, ackMode, maxBufferedMessages);
    }

    @Override
    public SplitEnumerator<MqttSubscriptionSplit, MqttEnumeratorState> createEnumerator(
            SplitEnumeratorContext<MqttSubscriptionSplit> context) {
        return new MqttSubscriptionEnumerator(context, new MqttEnumeratorState(initialSplits(context.currentParallelism())));
    }

    @Override
    public SplitEnumerator<MqttSubscriptionSplit, MqttEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<MqttSubscriptionSplit> context, MqttEnumeratorState checkpoint) {
        return new MqttSubscriptionEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<MqttSubscriptionSplit> getSplitSerializer() {
        return new MqttSubscriptionSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<MqttEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new MqttEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<RawMessage> getProducedType() {
        return TypeInformation.of(RawMessage.class);
    }
}
