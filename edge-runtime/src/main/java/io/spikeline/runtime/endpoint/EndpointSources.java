package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.RawMessage;
import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.deadletter.DecodeOrDeadLetter;
import io.spikeline.connectors.kafka.DecodedStream;
import io.spikeline.connectors.kafka.KafkaOptions;
import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.kafka.SpikelineKafka;
import io.spikeline.connectors.mqtt.source.MqttAckMode;
import io.spikeline.connectors.mqtt.source.MqttSource;
import io.spikeline.connectors.types.RecordTypes;
import io.spikeline.ingest.RecordReader;
import io.spikeline.operators.snn.NetworkControl;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Sources of Spikeline records from an {@link Endpoint}. Broker messages are decoded by the connectors' shared
 * decode step ({@code DecodeOrDeadLetter}), so a message that is not a record of the expected type becomes a dead
 * letter with its reason instead of failing the job; records get their own event time and watermarks trailing it by
 * {@link KafkaOptions#MAX_OUT_OF_ORDERNESS}'s default. Simulators are not read here: the application that knows the
 * simulator runs it.
 */
public final class EndpointSources {
    private EndpointSources() {}

    /**
     * The records of {@code type} at {@code endpoint}, and the messages that did not decode.
     */
    public static <T> EndpointStream<T> read(StreamExecutionEnvironment env, Endpoint endpoint, KafkaRecordType<T> type) {
        if (endpoint instanceof FileEndpoint file) {
            return file(env, file, type);
        }
        DecodedStream<T> decoded = SpikelineKafka.decode(messages(env, endpoint, type.name()), type,
                KafkaOptions.MAX_OUT_OF_ORDERNESS.defaultValue(), KafkaOptions.IDLENESS.defaultValue());
        return new EndpointStream<>(decoded.records(), List.of(decoded.deadLetters()));
    }

    /**
     * The controls of {@code endpoints}: none without a control endpoint, else those of its Kafka or MQTT topic of JSON
     * control messages ({@link ControlMessages}), the messages that are not controls added to {@code deadLetters}.
     */
    public static List<DataStream<NetworkControl>> controls(StreamExecutionEnvironment env, JobEndpoints endpoints,
                                                            List<DataStream<DeadLetter>> deadLetters) {
        if (endpoints.control() == null) {
            return List.of();
        }
        SingleOutputStreamOperator<NetworkControl> controls = messages(env, endpoints.control(), "NetworkControl")
                .process(new ControlMessages(), NetworkControl.TYPE).name("decode NetworkControl");
        deadLetters.add(controls.getSideOutput(DecodeOrDeadLetter.DEAD_LETTERS));
        return List.of(controls);
    }

    /** The raw messages of a Kafka or MQTT endpoint, from a source whose operator id names the type and topic. */
    private static DataStream<RawMessage> messages(StreamExecutionEnvironment env, Endpoint endpoint, String typeName) {
        if (endpoint instanceof KafkaEndpoint kafka) {
            String name = typeName + " from " + kafka.topic();
            return env.fromSource(SpikelineKafka.source(kafka.settings()).build(), WatermarkStrategy.noWatermarks(),
                    "kafka " + name, RecordTypes.RAW_MESSAGE).uid("kafka-source " + name);
        }
        if (endpoint instanceof MqttEndpoint mqtt) {
            return mqtt(env, mqtt, typeName);
        }
        throw new IllegalArgumentException("'" + endpoint.url() + "' is a simulator, which the application runs "
                + "itself; it cannot be read as a stream of " + typeName + " records");
    }

    /**
     * The MQTT source at parallelism 1 (one subscription; see the connectors' MQTT package). Its acknowledgement mode
     * is the endpoint's, else decided here from the environment: on checkpoint completion when it checkpoints.
     */
    private static DataStream<RawMessage> mqtt(StreamExecutionEnvironment env, MqttEndpoint mqtt, String typeName) {
        MqttAckMode ack = mqtt.ackMode() != null ? mqtt.ackMode()
                : env.getCheckpointConfig().isCheckpointingEnabled() ? MqttAckMode.ON_CHECKPOINT_COMPLETE
                : MqttAckMode.ON_EMIT;
        MqttSource source = MqttSource.builder()
                .setServerUri(mqtt.serverUri())
                .setClientId(mqtt.clientId())
                .addTopicFilters(mqtt.topic())
                .setQos(mqtt.qos())
                .setCleanSession(mqtt.cleanSession())
                .setAckMode(ack)
                .build();
        String name = typeName + " from " + mqtt.topic();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt " + name, RecordTypes.RAW_MESSAGE)
                .uid("mqtt-source " + name).setParallelism(1);
    }

    private static <T> EndpointStream<T> file(StreamExecutionEnvironment env, FileEndpoint file, KafkaRecordType<T> type) {
        requireRecords(file, type);
        String name = type.name() + " from " + file.path().getFileName();
        DataStream<T> records = env.fromSource(new RecordFileSource<>(file.path(), type.type()),
                        SpikelineKafka.watermarks(type, KafkaOptions.MAX_OUT_OF_ORDERNESS.defaultValue(), Duration.ZERO),
                        "file " + name)
                .uid("file-source " + name).setParallelism(1);
        return new EndpointStream<>(records, List.of());
    }

    /** Fails before the job starts when the file cannot be opened or its first record is not of {@code type}. */
    private static void requireRecords(FileEndpoint file, KafkaRecordType<?> type) {
        Object first;
        try (RecordReader<?> reader = Recordings.open(file.path(), new HashMap<>())) {
            first = reader.read();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + file.url() + "' cannot be read: " + e.getMessage(), e);
        }
        if (first == null) {
            throw new IllegalArgumentException("'" + file.url() + "' holds no records");
        }
        if (!type.type().getTypeClass().isInstance(first)) {
            throw new IllegalArgumentException("'" + file.url() + "' holds " + first.getClass().getSimpleName()
                    + " records, not the " + type.name() + " records expected here");
        }
    }
}
