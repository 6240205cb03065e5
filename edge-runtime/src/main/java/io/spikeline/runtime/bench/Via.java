package io.spikeline.runtime.bench;

import io.spikeline.connectors.kafka.KafkaSettings;
import io.spikeline.connectors.kafka.SpikelineKafka;
import io.spikeline.connectors.kafka.StartingOffsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** How the sensor's records reach the pipeline. */
public sealed interface Via {

    /** Carries {@code sent} to the pipeline; {@code topic} names this trial's traffic where it needs a name. */
    <I> DataStream<I> carry(DataStream<I> sent, Scenario<I> scenario, String topic) throws Exception;

    /** In the job, from the source task to the pipeline's first task. */
    record InProcess() implements Via {
        @Override
        public <I> DataStream<I> carry(DataStream<I> sent, Scenario<I> scenario, String topic) {
            return sent;
        }

        @Override
        public String toString() {
            return "inprocess";
        }
    }

    /**
     * Through a Kafka topic of one partition, created for the trial: the job writes the records with the connectors'
     * Kafka sink (no delivery guarantee: no transactions hold records back until a checkpoint) and reads them back
     * with the connectors' Kafka source and decoder (records keep their event times; watermarks trail by 1 s).
     *
     * @param bootstrapServers host:port[,host:port…] of the brokers
     */
    record Kafka(String bootstrapServers) implements Via {
        public Kafka {
            if (Objects.requireNonNull(bootstrapServers, "bootstrapServers").isBlank()) {
                throw new IllegalArgumentException("Kafka bootstrap servers must not be blank");
            }
        }

        @Override
        public <I> DataStream<I> carry(DataStream<I> sent, Scenario<I> scenario, String topic) throws Exception {
            createTopic(topic);
            KafkaSettings settings = new KafkaSettings(bootstrapServers, List.of(topic), topic, StartingOffsets.EARLIEST,
                    topic, topic + "-dead-letters", DeliveryGuarantee.NONE, topic, Duration.ofMinutes(1),
                    Duration.ofSeconds(1), Duration.ZERO);
            sent.sinkTo(SpikelineKafka.sink(settings, scenario.kafkaType())).setParallelism(1).name("kafka out");
            return SpikelineKafka.read(sent.getExecutionEnvironment(), SpikelineKafka.source(settings).build(),
                    scenario.kafkaType(), settings).records();
        }

        private void createTopic(String topic) throws InterruptedException, ExecutionException, TimeoutException {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }

        @Override
        public String toString() {
            return "kafka " + bootstrapServers;
        }
    }
}
