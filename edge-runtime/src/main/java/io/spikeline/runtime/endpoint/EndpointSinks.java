package io.spikeline.runtime.endpoint;

import io.spikeline.connectors.deadletter.DeadLetter;
import io.spikeline.connectors.kafka.KafkaRecordType;
import io.spikeline.connectors.kafka.SpikelineKafka;
import io.spikeline.connectors.mqtt.sink.MqttSink;
import io.spikeline.connectors.wire.RecordCodec;
import io.spikeline.models.record.Decoding;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Sinks of a job's decodings and dead letters to an {@link Endpoint}:
 * <ul>
 *   <li>Kafka: Avro single-object messages keyed by source key (dead letters: their raw bytes, with origin, reason
 *       and detail in headers), exactly-once in transactions committed with each checkpoint or at-least-once, as the
 *       URL says ({@code guarantee});
 *   <li>MQTT: decodings as Avro single-object messages to the topic ({@code {key}} in it becomes the source key,
 *       whose {@code /} add levels: {@link MqttSink#topicFor}),
 *       dead letters as their JSON form ({@link JsonLines}), at the URL's QoS; at-least-once for QoS 1 and 2;
 *   <li>file: JSON lines ({@link JsonLinesSink}).
 * </ul>
 * A sink's operator id names its endpoint, so each URL is written by one sink per job.
 */
public final class EndpointSinks {
    private EndpointSinks() {}

    /** Writes {@code decodings} to {@code endpoint}. */
    public static void decodings(DataStream<Decoding> decodings, Endpoint endpoint) {
        Sink<Decoding> sink;
        if (endpoint instanceof KafkaEndpoint kafka) {
            sink = SpikelineKafka.sink(checkpointed(decodings.getExecutionEnvironment(), kafka).settings(), KafkaRecordType.decodings());
        } else if (endpoint instanceof MqttEndpoint mqtt) {
            sink = mqtt(mqtt, () -> {
                RecordCodec<Decoding, ?> codec = RecordCodec.decodings();
                return codec::encode;
            }, mqtt.topic().contains(MqttEndpoint.KEY) ? topicPerKey(mqtt.topic()) : fixedTopic(mqtt.topic()));
        } else if (endpoint instanceof FileEndpoint file) {
            sink = new JsonLinesSink<>(file.path(), JsonLines::decoding);
        } else {
            throw notASink(endpoint);
        }
        decodings.sinkTo(sink).name("decodings to " + endpoint.url()).uid("sink " + endpoint.url());
    }

    /** Writes {@code letters} to {@code endpoint}. */
    public static void deadLetters(DataStream<DeadLetter> letters, Endpoint endpoint) {
        letters.sinkTo(deadLetterSink(endpoint, letters.getExecutionEnvironment()))
                .name("dead letters to " + endpoint.url()).uid("sink " + endpoint.url());
    }

    /** The sink of dead letters to {@code endpoint} in a job of {@code env}; fails naming a URL that cannot be one. */
    public static Sink<DeadLetter> deadLetterSink(Endpoint endpoint, StreamExecutionEnvironment env) {
        if (endpoint instanceof KafkaEndpoint kafka) {
            return SpikelineKafka.deadLetterSink(checkpointed(env, kafka).settings());
        }
        if (endpoint instanceof MqttEndpoint mqtt) {
            if (mqtt.topic().contains(MqttEndpoint.KEY)) {
                throw new IllegalArgumentException("'" + mqtt.url() + "': dead letters have no source key, so their "
                        + "topic cannot hold " + MqttEndpoint.KEY);
            }
            return mqtt(mqtt, () -> letter -> JsonLines.deadLetter(letter).getBytes(StandardCharsets.UTF_8),
                    fixedTopic(mqtt.topic()));
        }
        if (endpoint instanceof FileEndpoint file) {
            return new JsonLinesSink<>(file.path(), JsonLines::deadLetter);
        }
        throw notASink(endpoint);
    }

    /**
     * The endpoint, after checking that an exactly-once sink's job checkpoints: its transactions commit only with
     * checkpoints, so without them an unbounded job would never make its output visible.
     */
    private static KafkaEndpoint checkpointed(StreamExecutionEnvironment env, KafkaEndpoint kafka) {
        if (kafka.guarantee() == DeliveryGuarantee.EXACTLY_ONCE && !env.getCheckpointConfig().isCheckpointingEnabled()) {
            throw new IllegalArgumentException("'" + kafka.url() + "' writes exactly-once, in transactions committed "
                    + "with each checkpoint, but the job does not checkpoint: enable checkpointing or add "
                    + "?guarantee=at-least-once");
        }
        return kafka;
    }

    private static <T> MqttSink<T> mqtt(MqttEndpoint mqtt, SerializableSupplier<Function<T, byte[]>> serializer,
                                        SerializableFunction<T, String> topic) {
        if (mqtt.hasWildcards()) {
            throw new IllegalArgumentException("'" + mqtt.url() + "': a sink publishes to one topic, which cannot hold "
                    + "the wildcards + or #");
        }
        return MqttSink.<T>builder()
                .setServerUri(mqtt.serverUri())
                .setClientId(mqtt.clientId())
                .setSerializer(serializer)
                .setTopicSelector(topic)
                .setQos(mqtt.qos())
                .build();
    }

    /** Each decoding's topic: {@code template} with its source key ({@link MqttSink#topicFor}). */
    private static SerializableFunction<Decoding, String> topicPerKey(String template) {
        return MqttSink.topicPerKey(template, decoding -> decoding.sourceKey());
    }

    private static <T> SerializableFunction<T, String> fixedTopic(String topic) {
        return record -> topic;
    }

    private static IllegalArgumentException notASink(Endpoint sim) {
        return new IllegalArgumentException("'" + sim.url() + "' is a simulator, which can only be a source");
    }
}
